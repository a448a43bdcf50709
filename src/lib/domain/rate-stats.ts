// Statistics and suppression for reported rates (DESIGN §3.5). Pure: the publication job and any
// SQL that computes the same figures must agree with these functions. The quarters and their
// twelve-month windows are calendar rules (calendar.ts).

import { isWithinSoftBounds, SOFT_BOUNDS, STANDARD_SESSION_MINUTES } from './rate-units';
import type { Confidence, PublishedFigures, Quartiles } from './published-cell';

// ---------------------------------------------------------------------------------------------
// Order statistics

/**
 * The `fraction` quantile (0–1) by linear interpolation between closest ranks: with the values
 * sorted, position `fraction × (n − 1)` is read off, interpolating between its two neighbours. This
 * is PostgreSQL's `percentile_cont` (and numpy's default), so a publication run that computes in SQL
 * gets the same numbers as one that computes here.
 */
export function percentile(values: readonly number[], fraction: number): number {
	if (values.length === 0) throw new RangeError('percentile of no values');
	if (!(fraction >= 0 && fraction <= 1)) throw new RangeError('fraction must be between 0 and 1');
	if (!values.every(Number.isFinite)) throw new RangeError('percentile of a non-finite value');
	const sorted = [...values].sort((a, b) => a - b);
	const position = fraction * (sorted.length - 1);
	const below = Math.floor(position);
	const above = Math.ceil(position);
	return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

/** `percentile_cont(0.5)`: the middle value, or the mean of the middle two. */
export function median(values: readonly number[]): number {
	return percentile(values, 0.5);
}

/**
 * Rounds half away from zero, as PostgreSQL's `round(numeric, d)` does. The scaled value is first
 * cut to 15 significant digits, as PostgreSQL does when it casts float8 to numeric, so binary noise
 * (1.005 × 100 = 100.49999999999999) cannot turn a half into a just-below-half.
 */
export function roundHalfAwayFromZero(value: number, decimals = 0): number {
	const factor = 10 ** decimals;
	const scaled = Number((Math.abs(value) * factor).toPrecision(15));
	return (Math.sign(value) * Math.round(scaled)) / factor;
}

// ---------------------------------------------------------------------------------------------
// One value per doctor

export interface ContributionRow {
	contributorKey: string;
	pencePerHour: number;
	contactsPerHour?: number | null;
}

export interface ContributorValue {
	contributorKey: string;
	/** The median of this doctor's rates in the cell. */
	pencePerHour: number;
	/** The median over this doctor's rows that gave contacts; null if none did. */
	contactsPerHour: number | null;
}

/**
 * Collapses a cell's submissions to one value per doctor, so that a doctor who reported ten times
 * weighs the same as one who reported once (§3.5) and the count is of doctors, not submissions.
 */
export function perContributorMedians(rows: readonly ContributionRow[]): ContributorValue[] {
	const byContributor = new Map<string, { rates: number[]; contacts: number[] }>();
	for (const row of rows) {
		let entry = byContributor.get(row.contributorKey);
		if (!entry) {
			entry = { rates: [], contacts: [] };
			byContributor.set(row.contributorKey, entry);
		}
		entry.rates.push(row.pencePerHour);
		if (row.contactsPerHour != null) entry.contacts.push(row.contactsPerHour);
	}
	return [...byContributor].map(([contributorKey, { rates, contacts }]) => ({
		contributorKey,
		pencePerHour: median(rates),
		contactsPerHour: contacts.length > 0 ? median(contacts) : null
	}));
}

// ---------------------------------------------------------------------------------------------
// A published cell

export interface CellSettings {
	/** k: fewer contributors than this and the cell shows nothing (`RATE_MIN_CONTRIBUTORS`). */
	minContributors: number;
	/** From this many contributors: quartiles, contacts per hour and trend points. */
	detailContributors: number;
}

/** Below five doctors a median can identify people; no setting may go lower (DESIGN §3.5). */
export const MIN_CONTRIBUTORS_FLOOR = 5;
/** The highest either threshold may be set to. */
export const MAX_CONTRIBUTORS_SETTING = 1000;

export const DEFAULT_CELL_SETTINGS: CellSettings = {
	minContributors: 10,
	detailContributors: 20
};

/** '10-19' | '20-49' | '50+' with the default k; see `countBand` for other values of k. */
export type CountBand = `${number}-${number}` | `${number}+`;

export type CellSummary =
	| { status: 'suppressed' }
	| ({
			status: 'published';
			countBand: CountBand;
			/** Null below `detailContributors`. */
			quartiles: Quartiles | null;
			/** One decimal; null below `detailContributors` or when fewer than k gave contacts. */
			medianContactsPerHour: number | null;
	  } & PublishedFigures);

// Fixed bins (§3.5): a suppressed sibling cannot be recovered by subtracting bands from a parent.
const COUNT_BANDS: readonly { lower: number; upper: number | null; confidence: Confidence }[] = [
	{ lower: 10, upper: 19, confidence: 'low' },
	{ lower: 20, upper: 49, confidence: 'medium' },
	{ lower: 50, upper: null, confidence: 'high' }
];

function bandIndex(count: number): number {
	let index = 0;
	COUNT_BANDS.forEach((band, i) => {
		if (count >= band.lower) index = i;
	});
	return index;
}

/**
 * The band a published count falls in. The bins are fixed (10, 20, 50); only the lower bound of the
 * band that contains k moves to k, so the label never claims counts that cannot be published (k = 15
 * gives '15-19') nor hides ones that can (k = 5 gives '5-19'). Confidence follows the fixed bins.
 */
export function countBand(
	count: number,
	minContributors: number
): { countBand: CountBand; confidence: Confidence } {
	const index = bandIndex(count);
	const band = COUNT_BANDS[index];
	const lower = index === bandIndex(minContributors) ? minContributors : band.lower;
	return {
		countBand: band.upper === null ? `${lower}+` : `${lower}-${band.upper}`,
		confidence: band.confidence
	};
}

function toWholePounds(pence: number, stepPounds: number): number {
	return roundHalfAwayFromZero(pence / 100 / stepPounds) * stepPounds;
}

/**
 * The published figures for one cell, from one value per contributor (`perContributorMedians`).
 * Rounding is half away from zero throughout (£89.50 → £90; £372.50 a session → £375), matching
 * PostgreSQL's `round`. The session figure comes from the unrounded hourly median, so it is not
 * skewed by the £1 rounding. A suppressed cell carries no number at all, not even its count.
 */
export function summariseCell(
	contributorValues: readonly ContributorValue[],
	settings: Partial<CellSettings> = {}
): CellSummary {
	const { minContributors, detailContributors } = { ...DEFAULT_CELL_SETTINGS, ...settings };
	for (const value of [minContributors, detailContributors]) {
		if (!Number.isInteger(value) || value < 1) {
			throw new RangeError('contributor thresholds must be whole numbers of at least 1');
		}
	}
	const keys = new Set(contributorValues.map((v) => v.contributorKey));
	if (keys.size !== contributorValues.length) {
		// Counting a doctor twice would publish a cell below k: an anonymity failure, not a rounding one.
		throw new Error('summariseCell needs one value per contributor; use perContributorMedians');
	}

	const count = contributorValues.length;
	if (count < minContributors) return { status: 'suppressed' };

	const rates = contributorValues.map((v) => v.pencePerHour);
	const medianPence = median(rates);
	const sessionPence = (medianPence * STANDARD_SESSION_MINUTES) / 60;
	const detailed = count >= detailContributors;
	const contacts = contributorValues
		.map((v) => v.contactsPerHour)
		.filter((c): c is number => c != null);

	return {
		status: 'published',
		medianPerHour: toWholePounds(medianPence, 1),
		medianPerSession: toWholePounds(sessionPence, 5),
		...countBand(count, minContributors),
		quartiles: detailed
			? {
					p25: toWholePounds(percentile(rates, 0.25), 1),
					p75: toWholePounds(percentile(rates, 0.75), 1)
				}
			: null,
		medianContactsPerHour:
			detailed && contacts.length >= minContributors
				? roundHalfAwayFromZero(median(contacts), 1)
				: null
	};
}

/** Trend points share the quartiles' threshold (§3.5: "20 or more: quartiles and trend points"). */
export function hasTrendPoint(summary: CellSummary): boolean {
	return summary.status === 'published' && summary.quartiles !== null;
}

// ---------------------------------------------------------------------------------------------
// Outliers and moderation

/** Iglewicz and Hoaglin's cut-off for the modified z-score. */
export const OUTLIER_Z_THRESHOLD = 3.5;

export interface Spread {
	median: number;
	/** Median absolute deviation from the median. */
	mad: number;
	/** Mean absolute deviation from the median: the fallback scale when the MAD is 0. */
	meanAbsoluteDeviation: number;
}

export function describeSpread(values: readonly number[]): Spread {
	const centre = median(values);
	const deviations = values.map((v) => Math.abs(v - centre));
	return {
		median: centre,
		mad: median(deviations),
		meanAbsoluteDeviation: deviations.reduce((sum, d) => sum + d, 0) / deviations.length
	};
}

/**
 * The modified z-score 0.6745 × (x − median) / MAD (Iglewicz and Hoaglin, 1993).
 *
 * When more than half the group reported the same rate the MAD is 0 (common: rates cluster on round
 * figures). Dividing by it would flag every other rate, so the score falls back to
 * (x − median) / (1.253314 × mean absolute deviation), as IBM's statistics products do. When that is
 * 0 too, every value in the group is identical and there is no spread to measure against: the score
 * is null and only the soft bounds can hold a submission.
 */
export function robustZScore(value: number, spread: Spread): number | null {
	const distance = value - spread.median;
	if (spread.mad > 0) return (0.6745 * distance) / spread.mad;
	if (spread.meanAbsoluteDeviation > 0) return distance / (1.253314 * spread.meanAbsoluteDeviation);
	return null;
}

/** Indices of the values whose modified z-score exceeds the threshold, in input order. */
export function findOutliers(
	values: readonly number[],
	{ threshold = OUTLIER_Z_THRESHOLD }: { threshold?: number } = {}
): number[] {
	if (values.length === 0) return [];
	const spread = describeSpread(values);
	return values.flatMap((value, index) => {
		const z = robustZScore(value, spread);
		return z !== null && Math.abs(z) > threshold ? [index] : [];
	});
}

export type ModerationReason = 'below_soft_bound' | 'above_soft_bound' | 'outlier';

/**
 * Why a submission must wait for an admin, or null if it can count straight away. `group` is the
 * spread of its category × region (null when there is nothing to compare with yet, e.g. the first
 * submission there). The soft bounds are checked first because they need no group.
 */
export function moderationReason(
	pencePerHour: number,
	group: Spread | null,
	threshold = OUTLIER_Z_THRESHOLD
): ModerationReason | null {
	if (!isWithinSoftBounds(pencePerHour)) {
		return pencePerHour < SOFT_BOUNDS.minPencePerHour ? 'below_soft_bound' : 'above_soft_bound';
	}
	if (group === null) return null;
	const z = robustZScore(pencePerHour, group);
	return z !== null && Math.abs(z) > threshold ? 'outlier' : null;
}

export function needsModeration(
	pencePerHour: number,
	group: Spread | null,
	threshold = OUTLIER_Z_THRESHOLD
): boolean {
	return moderationReason(pencePerHour, group, threshold) !== null;
}
