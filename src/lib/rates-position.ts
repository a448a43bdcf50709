/** Neutral wording: a position is information, never a judgement that a rate is too low or high. */
export const POSITION_LABELS = {
	below_p25: 'in the lowest quarter of reported rates',
	p25_to_median: 'between the 25th percentile and the median',
	median_to_p75: 'between the median and the 75th percentile',
	above_p75: 'in the highest quarter of reported rates'
} as const;
