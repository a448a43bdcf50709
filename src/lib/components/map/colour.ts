// Colours for the rate map. A sequential single-hue-to-dark scale (ColorBrewer "YlGnBu", which is
// colour-blind safe and prints in greyscale) in five fixed steps, so a legend can name each step.
// Suppressed cells are a neutral grey, unlike any step of the scale.

export type Rgba = [number, number, number, number];

export const SCALE: readonly Rgba[] = [
	[199, 233, 180, 230],
	[127, 205, 187, 230],
	[65, 182, 196, 230],
	[29, 145, 192, 230],
	[34, 94, 168, 230]
];
export const SUPPRESSED: Rgba = [189, 189, 189, 200];
export const NO_DATA: Rgba = [230, 230, 230, 160];

export interface LegendStep {
	colour: Rgba;
	/** Whole pounds per hour, inclusive lower bound. */
	from: number;
	/** Whole pounds per hour, inclusive upper bound. */
	to: number;
}

/**
 * Splits the published medians' range into five equal steps of whole pounds. Equal steps keep the
 * legend honest ("£80–£85"); quantile steps would exaggerate small differences.
 */
export function legendSteps(medians: readonly number[]): LegendStep[] {
	if (medians.length === 0) return [];
	const lo = Math.min(...medians);
	const hi = Math.max(...medians);
	const width = Math.max(1, Math.ceil((hi - lo + 1) / SCALE.length));
	return SCALE.map((colour, i) => ({
		colour,
		from: lo + i * width,
		to: lo + (i + 1) * width - 1
	})).filter((step, i) => i === 0 || step.from <= hi);
}

export function colourFor(median: number | null, steps: readonly LegendStep[]): Rgba {
	if (median === null) return SUPPRESSED;
	const step = steps.find((s) => median >= s.from && median <= s.to) ?? steps[steps.length - 1];
	return step ? step.colour : SUPPRESSED;
}

export function cssColour([r, g, b]: Rgba): string {
	return `rgb(${r} ${g} ${b})`;
}
