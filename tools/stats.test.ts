import { describe, expect, it } from 'vitest';
import { nearestRank, sortedTimes } from './stats';

describe('nearestRank', () => {
	const sorted = sortedTimes([5, 1, 4, 2, 3, 10, 9, 8, 7, 6]);

	it('is a measured value: the smallest with at least the fraction at or below it', () => {
		expect(nearestRank(sorted, 0.5)).toBe(5);
		expect(nearestRank(sorted, 0.95)).toBe(10);
		expect(nearestRank(sorted, 0.9)).toBe(9);
		expect(nearestRank(sorted, 0)).toBe(1);
		expect(nearestRank(sorted, 1)).toBe(10);
	});

	it('is NaN of nothing', () => {
		expect(nearestRank(sortedTimes([]), 0.5)).toBeNaN();
	});
});
