// The one seeded random generator for demo and national-scale data (issue 13): the same date and
// the same seed give the same database. Each generator draws from its own stream, so adding draws
// to one (the diary, say) does not move the others, and every stream's seed comes from one overall
// seed. The default overall seed gives each stream the constant it has always had, so the default
// demo database is the one every earlier version made, draw for draw.

/** The overall seed of `npm run seed` without `--seed`. */
export const DEFAULT_SEED = 42;

/** Each stream's seed at the default overall seed. */
const STREAMS = {
	/** The demo's synthetic rate submissions (seed/rates.ts). */
	rates: 42,
	/** The sample that calibrates how actively a scaled population reports (seed/rates.ts). */
	calibration: 0x5eed,
	/** The demo doctor's salaried diary (seed/diary.ts). */
	salariedDiary: 20261124,
	/** The demo member's locum diary (seed/diary.ts). */
	locumDiary: 8675309,
	/** The national-scale population and, from the same number, its rate submissions (seed/scale.ts). */
	scale: 7
} as const;

export type Stream = keyof typeof STREAMS;

/** Is this usable as an overall seed (`--seed`)? A whole number from 0 to 2³² − 1. */
export function isSeed(value: number): boolean {
	return Number.isInteger(value) && value >= 0 && value <= 0xffff_ffff;
}

/**
 * A stream's seed for an overall seed: the stream's constant moved by as much as the overall seed
 * is moved from the default. Different overall seeds give every stream a different seed.
 */
export function streamSeed(stream: Stream, seed: number = DEFAULT_SEED): number {
	if (!isSeed(seed)) throw new RangeError(`A seed is a whole number from 0 to 4294967295: ${seed}`);
	return STREAMS[stream] + (seed - DEFAULT_SEED);
}

/**
 * mulberry32: tiny, fast and good enough for demo data. Not for anything secret: it is meant to be
 * predictable.
 */
export class Random {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	/** A number in [0, 1). */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	/** A number in [low, high). */
	between(low: number, high: number): number {
		return low + (high - low) * this.next();
	}

	/** A whole number from low to high, both included. */
	int(low: number, high: number): number {
		return low + Math.floor(this.next() * (high - low + 1));
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}

	weighted<T>(items: readonly T[], weights: readonly number[]): T {
		const total = weights.reduce((a, b) => a + b, 0);
		let r = this.next() * total;
		for (let i = 0; i < items.length; i++) {
			r -= weights[i];
			if (r < 0) return items[i];
		}
		return items[items.length - 1];
	}

	/** Box–Muller; 1 − u keeps log() away from 0. */
	normal(sd = 1): number {
		const u = 1 - this.next();
		const v = this.next();
		return sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}
}
