// Timing helpers: medians over repeated runs after a warm-up, never asserted anywhere.
import { nearestRank, sortedTimes } from '../../tools/stats';

export interface Timing {
	median: number;
	p95: number;
	runs: number;
}

export function summarise(times: number[]): Timing {
	const sorted = sortedTimes(times);
	return { median: nearestRank(sorted, 0.5), p95: nearestRank(sorted, 0.95), runs: sorted.length };
}

/** Median of `runs` timed calls (milliseconds) after `warmup` untimed ones. */
export async function timeIt(
	fn: (run: number) => Promise<unknown>,
	{ runs, warmup = Math.min(20, Math.ceil(runs / 5)) }: { runs: number; warmup?: number }
): Promise<Timing> {
	for (let i = 0; i < warmup; i++) await fn(i);
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const started = performance.now();
		await fn(i);
		times.push(performance.now() - started);
	}
	return summarise(times);
}

export function ms(value: number): string {
	if (!Number.isFinite(value)) return '–';
	if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
	if (value < 0.1) return `${(value * 1000).toFixed(1)} µs`;
	return `${value.toFixed(value < 10 ? 2 : 1)} ms`;
}
