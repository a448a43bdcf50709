import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
	buildCouncilTopology,
	mergeLayer,
	rewind,
	segmentsConflict,
	type LayerOptions
} from './layers';

describe('segmentsConflict', () => {
	it('allows segments that only share an end', () => {
		expect(segmentsConflict([0, 0], [1, 0], [1, 0], [1, 1])).toBe(false);
	});
	it('flags crossing, touching and overlapping segments', () => {
		expect(segmentsConflict([0, 0], [2, 2], [0, 2], [2, 0])).toBe(true);
		expect(segmentsConflict([0, 0], [2, 0], [1, 0], [1, 1])).toBe(true);
		expect(segmentsConflict([0, 0], [2, 0], [0, 0], [1, 0])).toBe(true);
	});
});

describe('rewind', () => {
	it('winds exteriors counterclockwise and holes clockwise (RFC 7946)', () => {
		const polygon: Polygon = {
			type: 'Polygon',
			coordinates: [
				[
					[0, 0],
					[0, 4],
					[4, 4],
					[4, 0],
					[0, 0]
				],
				[
					[1, 1],
					[2, 1],
					[2, 2],
					[1, 2],
					[1, 1]
				]
			]
		};
		const wound = rewind(polygon).coordinates;
		expect(wound[0][1]).toEqual([4, 0]);
		expect(wound[1][1]).toEqual([1, 2]);
	});
});

describe('buildCouncilTopology', () => {
	// A county with a small city enclave: the city's ring is a single arc with one fixed point, which
	// plain Visvalingam simplification reduces to nothing.
	const circle = (cx: number, cy: number, r: number, n: number) => {
		const ring = Array.from({ length: n }, (_, i) => [
			cx + r * Math.cos((2 * Math.PI * i) / n),
			cy + r * Math.sin((2 * Math.PI * i) / n)
		]);
		return [...ring, ring[0]];
	};
	const city = circle(-1.5, 52.9, 0.03, 40);
	const county = {
		type: 'Polygon' as const,
		coordinates: [circle(-1.5, 52.9, 0.5, 200), city.slice().reverse()]
	};
	const options: LayerOptions = {
		snapStep: 1e-6,
		minWeightKm2: 50,
		minIslandKm2: 1,
		maxAreaChange: 0.05,
		decimals: 5
	};

	it('keeps a small enclave as a recognisable polygon while simplifying hard', () => {
		const { topology } = buildCouncilTopology(
			[
				{ adm1Code: 'county', geometry: county },
				{ adm1Code: 'city', geometry: { type: 'Polygon', coordinates: [city] } }
			],
			options
		);
		const layer = mergeLayer(
			topology,
			{
				keyOf: (code) => code,
				groups: [
					{ code: 'city', properties: { code: 'city' } },
					{ code: 'county', properties: { code: 'county' } }
				]
			},
			5
		);
		const [cityShape, countyShape] = layer.features.map((f) => f.geometry as Polygon);
		expect(cityShape.coordinates[0].length).toBeGreaterThanOrEqual(9);
		expect(countyShape.coordinates).toHaveLength(2);
		expect(countyShape.coordinates[1].length).toBe(cityShape.coordinates[0].length);
	});
});
