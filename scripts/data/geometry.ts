// Pure coordinate helpers for the boundary build (scripts/data-build.ts). No I/O.

import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';

/** Kilometres per degree of latitude (mean Earth radius 6371 km). */
export const KM_PER_DEGREE = (Math.PI * 6371) / 180;

/** Rounds a number to `decimals` places, turning -0 into 0 so the output is stable. */
export function roundTo(value: number, decimals: number): number {
	const factor = 10 ** decimals;
	const rounded = Math.round(value * factor) / factor;
	return rounded === 0 ? 0 : rounded;
}

function samePosition(a: Position, b: Position): boolean {
	return a[0] === b[0] && a[1] === b[1];
}

/**
 * Rounds every position of a ring and drops consecutive duplicates that the rounding creates, keeping
 * the ring closed. Returns null when fewer than three distinct corners are left.
 */
export function roundRing(ring: Position[], decimals: number): Position[] | null {
	const out: Position[] = [];
	for (const [x, y] of ring) {
		const p = [roundTo(x, decimals), roundTo(y, decimals)];
		if (out.length === 0 || !samePosition(out[out.length - 1], p)) out.push(p);
	}
	if (out.length > 1 && samePosition(out[0], out[out.length - 1])) out.pop();
	if (out.length < 3) return null;
	out.push([out[0][0], out[0][1]]);
	return out;
}

/** Rounds a polygon; an exterior ring that collapses drops the polygon, a hole that collapses drops the hole. */
export function roundPolygon(rings: Position[][], decimals: number): Position[][] | null {
	const exterior = roundRing(rings[0], decimals);
	if (!exterior) return null;
	const holes = rings
		.slice(1)
		.map((ring) => roundRing(ring, decimals))
		.filter((ring): ring is Position[] => ring !== null);
	return [exterior, ...holes];
}

/** Rounds a Polygon or MultiPolygon, returning a Polygon when one part is left, null when none is. */
export function roundPolygonal(
	geometry: Polygon | MultiPolygon,
	decimals: number
): Polygon | MultiPolygon | null {
	const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	const rounded = parts.flatMap((rings) => {
		const polygon = roundPolygon(rings, decimals);
		return polygon ? [polygon] : [];
	});
	if (rounded.length === 0) return null;
	return rounded.length === 1
		? { type: 'Polygon', coordinates: rounded[0] }
		: { type: 'MultiPolygon', coordinates: rounded };
}

/**
 * Snaps every position to a grid of `step` degrees (1e-6° ≈ 0.1 m) so that corners two neighbours
 * share in the source become byte-identical and the topology finds their common border.
 */
export function snapGeometry<G extends Geometry>(geometry: G, step: number): G {
	const decimals = Math.round(-Math.log10(step));
	if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') {
		const snapped = roundPolygonal(geometry, decimals);
		if (!snapped) throw new Error('A polygon collapsed when snapped to the grid');
		return snapped as G;
	}
	throw new Error(`Unexpected geometry type ${geometry.type}`);
}

/**
 * Visvalingam weight for topojson-simplify: the area in km² of the triangle a point makes with its
 * neighbours, with longitude scaled by cos(latitude) so a weight means the same in Cornwall and in
 * Shetland (the default planar weight counts square degrees, which shrink towards the pole).
 */
export function triangleAreaKm2(triangle: readonly number[][]): number {
	const [a, b, c] = triangle;
	const k = Math.cos((b[1] * Math.PI) / 180);
	const area = Math.abs((a[0] - c[0]) * (b[1] - a[1]) - (a[0] - b[0]) * (c[1] - a[1])) / 2;
	return area * k * KM_PER_DEGREE * KM_PER_DEGREE;
}

/** Area in km² of a closed ring (same local projection as triangleAreaKm2), always positive. */
export function ringAreaKm2(ring: readonly number[][]): number {
	let sum = 0;
	let lat = 0;
	for (let i = 0, n = ring.length - 1; i < n; i++) {
		sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
		lat += ring[i][1];
	}
	const k = Math.cos(((lat / Math.max(1, ring.length - 1)) * Math.PI) / 180);
	return (Math.abs(sum) / 2) * k * KM_PER_DEGREE * KM_PER_DEGREE;
}
