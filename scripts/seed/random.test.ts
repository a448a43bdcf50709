import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED, Random, isSeed, streamSeed } from './random';

describe('the demo data generator', () => {
	it('draws what mulberry32 has always drawn, so the default demo database does not change', () => {
		const random = new Random(42);
		expect([random.next(), random.next(), random.next()]).toEqual([
			0.6011037519201636, 0.44829055899754167, 0.8524657934904099
		]);
	});

	it('gives the same sequence for the same seed and another for another', () => {
		const draws = (seed: number) => {
			const random = new Random(seed);
			return Array.from({ length: 20 }, () => random.int(1, 1000));
		};
		expect(draws(7)).toEqual(draws(7));
		expect(draws(8)).not.toEqual(draws(7));
	});

	it('keeps every draw within its range', () => {
		const random = new Random(1);
		for (let i = 0; i < 1000; i++) {
			expect(random.int(3, 5)).toBeGreaterThanOrEqual(3);
			expect(random.int(3, 5)).toBeLessThanOrEqual(5);
			const x = random.between(2, 4);
			expect(x >= 2 && x < 4).toBe(true);
			expect(['a', 'b']).toContain(random.pick(['a', 'b']));
			expect(random.weighted(['never', 'always'], [0, 1])).toBe('always');
			expect(Number.isFinite(random.normal(0.1))).toBe(true);
		}
	});

	it('gives each stream its historical seed at the default overall seed, and moves them all with it', () => {
		expect(streamSeed('rates')).toBe(42);
		expect(streamSeed('salariedDiary', DEFAULT_SEED)).toBe(20261124);
		expect(streamSeed('locumDiary', DEFAULT_SEED)).toBe(8675309);
		expect(streamSeed('scale', DEFAULT_SEED)).toBe(7);
		expect(streamSeed('calibration', DEFAULT_SEED)).toBe(0x5eed);
		expect(streamSeed('rates', DEFAULT_SEED + 1)).toBe(43);
		expect(streamSeed('locumDiary', 0)).toBe(8675309 - DEFAULT_SEED);
	});

	it('takes a whole number from 0 to 2³² − 1 as a seed', () => {
		expect(isSeed(0)).toBe(true);
		expect(isSeed(0xffff_ffff)).toBe(true);
		for (const bad of [-1, 1.5, Number.NaN, 2 ** 32]) {
			expect(isSeed(bad)).toBe(false);
			expect(() => streamSeed('rates', bad)).toThrow(RangeError);
		}
	});
});
