import type { Quartiles } from './published-cell';

/** Neutral wording: a position is information, never a judgement that a rate is too low or high. */
export const POSITION_LABELS = {
	below_p25: 'in the lowest quarter of reported rates',
	p25_to_median: 'between the 25th percentile and the median',
	median_to_p75: 'between the median and the 75th percentile',
	above_p75: 'in the highest quarter of reported rates'
} as const;

export type QuartilePosition = keyof typeof POSITION_LABELS;

/**
 * Where a doctor's own latest rate sits against the published quartiles of the finest published
 * cell that has them (area, else region, else nation). Only ever computed for that doctor.
 */
export function positionAgainst(
	pencePerHour: number,
	cell: { quartiles: Quartiles | null; medianPerHour: number }
): QuartilePosition | null {
	if (!cell.quartiles) return null;
	const pounds = pencePerHour / 100;
	if (pounds < cell.quartiles.p25) return 'below_p25';
	if (pounds < cell.medianPerHour) return 'p25_to_median';
	if (pounds <= cell.quartiles.p75) return 'median_to_p75';
	return 'above_p75';
}
