// Percentiles of measured times (benchmarks, load runs): nearest rank, so every figure is a time
// that was measured. The app's own statistics, interpolated as PostgreSQL's percentile_cont, are
// `percentile` in src/lib/domain/rate-stats.ts.

/** The `fraction` (0–1) percentile of `sorted` (ascending) by nearest rank; NaN when empty. */
export function nearestRank(sorted: ArrayLike<number>, fraction: number): number {
	if (sorted.length === 0) return NaN;
	const rank = Math.ceil(fraction * sorted.length) - 1;
	return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

/** `values` sorted ascending, as a copy. */
export function sortedTimes(values: readonly number[]): Float64Array {
	return Float64Array.from(values).sort();
}
