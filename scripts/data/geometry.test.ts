import { describe, expect, it } from 'vitest';
import {
	KM_PER_DEGREE,
	ringAreaKm2,
	roundRing,
	roundTo,
	snapGeometry,
	triangleAreaKm2
} from './geometry';

describe('roundTo', () => {
	it('rounds to the given decimals without negative zero', () => {
		expect(roundTo(-3.0563849, 5)).toBe(-3.05638);
		expect(Object.is(roundTo(-0.000001, 5), 0)).toBe(true);
	});
});

describe('roundRing', () => {
	it('drops the duplicates rounding creates and keeps the ring closed', () => {
		const ring = [
			[0, 0],
			[1, 0],
			[1.0000001, 0.0000001],
			[1, 1],
			[0, 0]
		];
		expect(roundRing(ring, 5)).toEqual([
			[0, 0],
			[1, 0],
			[1, 1],
			[0, 0]
		]);
	});

	it('returns null for a ring that collapses', () => {
		expect(
			roundRing(
				[
					[0, 0],
					[0.000001, 0],
					[0, 0.000001],
					[0, 0]
				],
				5
			)
		).toBeNull();
	});
});

describe('snapGeometry', () => {
	it('makes corners that differ below the grid identical', () => {
		const a = snapGeometry(
			{
				type: 'Polygon',
				coordinates: [
					[
						[0, 0],
						[1.00000012, 0],
						[1, 1],
						[0, 0]
					]
				]
			},
			1e-6
		);
		const b = snapGeometry(
			{
				type: 'Polygon',
				coordinates: [
					[
						[1.00000004, 0],
						[2, 0],
						[1, 1],
						[1.00000004, 0]
					]
				]
			},
			1e-6
		);
		expect(a.coordinates[0][1]).toEqual(b.coordinates[0][0]);
	});
});

describe('areas in km²', () => {
	it('scales longitude by the cosine of latitude', () => {
		const atEquator = triangleAreaKm2([
			[0, 0],
			[1, 0],
			[0, 1]
		]);
		const at60 = triangleAreaKm2([
			[0, 60],
			[1, 60],
			[0, 61]
		]);
		expect(atEquator).toBeCloseTo((KM_PER_DEGREE * KM_PER_DEGREE) / 2, 6);
		expect(at60 / atEquator).toBeCloseTo(0.5, 6);
	});

	it('measures a one-degree square near 54°N', () => {
		const square = [
			[-2, 53.5],
			[-1, 53.5],
			[-1, 54.5],
			[-2, 54.5],
			[-2, 53.5]
		];
		expect(ringAreaKm2(square)).toBeCloseTo(KM_PER_DEGREE ** 2 * Math.cos((54 * Math.PI) / 180), 0);
	});
});
