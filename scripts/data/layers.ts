// Builds the nation, region and area layers from the council polygons on one shared topology, so
// neighbours keep a common border through simplification (DESIGN.md §4: per-feature simplification
// leaves gaps and overlaps).
//
// Visvalingam simplification (topojson-simplify) keeps the junctions where three councils meet, but on
// its own it can collapse an enclave (Derby is one ring inside Derbyshire, with a single kept point),
// shrink a small council out of recognition (the City of London is 3 km²), or make two borders cross.
// So each arc gets its own threshold, and the thresholds of arcs involved in any of those faults are
// lowered until none is left.

import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { merge } from 'topojson-client';
import { topology } from 'topojson-server';
import { filter as filterRings, presimplify, type Filter } from 'topojson-simplify';
import type {
	GeometryObject,
	MultiPolygon as TopoMultiPolygon,
	Polygon as TopoPolygon,
	Topology
} from 'topojson-specification';
import { ringAreaKm2, roundPolygonal, roundTo, snapGeometry, triangleAreaKm2 } from './geometry';

export interface LayerOptions {
	/** Snap grid for the source coordinates, in degrees. */
	snapStep: number;
	/** Points whose Visvalingam triangle is smaller than this (km²) are dropped. */
	minWeightKm2: number;
	/** Islands smaller than this (km²) are dropped, except the largest ring of each council area. */
	minIslandKm2: number;
	/** A council area's simplified area must stay within this fraction of its source area. */
	maxAreaChange: number;
	/** Decimal places of the written coordinates. */
	decimals: number;
}

export interface CouncilInput {
	adm1Code: string;
	geometry: Polygon | MultiPolygon;
}

export interface Grouping {
	/** Group key of a council area (its area, region or nation code). */
	keyOf(adm1Code: string): string;
	/** Output order and properties of the groups. */
	groups: readonly { code: string; properties: Record<string, string> }[];
}

type Arc = number[][];
type RingArcs = number[];
type TopoGeometry = TopoPolygon | TopoMultiPolygon;

interface RingInfo {
	council: number;
	arcs: RingArcs;
	interior: boolean;
	/** Arcs (unsigned) of every ring of the polygon this ring belongs to. */
	polygonArcs: Set<number>;
	/** Minimum number of distinct corners this ring must keep. */
	minCorners: number;
}

function decodeArc(arcs: readonly Arc[], index: number): Arc {
	return index >= 0 ? arcs[index] : arcs[~index].slice().reverse();
}

function ringCoordinates(arcs: readonly Arc[], ring: RingArcs): Position[] {
	const out: Position[] = [];
	for (const index of ring) {
		const arc = decodeArc(arcs, index);
		for (let i = out.length ? 1 : 0; i < arc.length; i++) out.push([arc[i][0], arc[i][1]]);
	}
	return out;
}

function polygonsOf(geometry: TopoGeometry): RingArcs[][] {
	return geometry.type === 'Polygon' ? [geometry.arcs] : geometry.arcs;
}

function polygonAreaKm2(arcs: readonly Arc[], polygon: RingArcs[]): number {
	const [exterior, ...holes] = polygon.map((ring) => ringAreaKm2(ringCoordinates(arcs, ring)));
	return holes.reduce((sum, hole) => sum - hole, exterior);
}

function councilAreaKm2(arcs: readonly Arc[], geometry: TopoGeometry): number {
	return polygonsOf(geometry).reduce((sum, polygon) => sum + polygonAreaKm2(arcs, polygon), 0);
}

const orient = (a: number[], b: number[], c: number[]) =>
	(b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);

const same = (a: number[], b: number[]) => a[0] === b[0] && a[1] === b[1];

function onSegment(a: number[], b: number[], p: number[]): boolean {
	return (
		Math.min(a[0], b[0]) <= p[0] &&
		p[0] <= Math.max(a[0], b[0]) &&
		Math.min(a[1], b[1]) <= p[1] &&
		p[1] <= Math.max(a[1], b[1])
	);
}

/**
 * True when segments ab and cd meet anywhere other than at one shared end (which is how consecutive
 * segments and arcs meeting at a junction touch).
 */
export function segmentsConflict(a: number[], b: number[], c: number[], d: number[]): boolean {
	const o1 = orient(a, b, c);
	const o2 = orient(a, b, d);
	const o3 = orient(c, d, a);
	const o4 = orient(c, d, b);
	const shared = same(a, c) || same(a, d) || same(b, c) || same(b, d);
	if (shared) {
		if (o1 !== 0 || o2 !== 0) return false;
		// Collinear with a shared end: a conflict only if they run over each other.
		const [p, q] = same(a, c) ? [b, d] : same(a, d) ? [b, c] : same(b, c) ? [a, d] : [a, c];
		const s = same(a, c) || same(a, d) ? a : b;
		return (p[0] - s[0]) * (q[0] - s[0]) + (p[1] - s[1]) * (q[1] - s[1]) > 0;
	}
	if (o1 * o2 < 0 && o3 * o4 < 0) return true;
	return (
		(o1 === 0 && onSegment(a, b, c)) ||
		(o2 === 0 && onSegment(a, b, d)) ||
		(o3 === 0 && onSegment(c, d, a)) ||
		(o4 === 0 && onSegment(c, d, b))
	);
}

/** Indexes of arcs that cross or touch another arc (or themselves) away from their ends. */
function findCrossingArcs(arcs: readonly Arc[], cellSize: number): Set<number> {
	const cells = new Map<string, [number, number][]>();
	arcs.forEach((arc, i) => {
		for (let j = 0; j < arc.length - 1; j++) {
			const [x1, y1] = arc[j];
			const [x2, y2] = arc[j + 1];
			for (
				let cx = Math.floor(Math.min(x1, x2) / cellSize);
				cx <= Math.floor(Math.max(x1, x2) / cellSize);
				cx++
			) {
				for (
					let cy = Math.floor(Math.min(y1, y2) / cellSize);
					cy <= Math.floor(Math.max(y1, y2) / cellSize);
					cy++
				) {
					const key = `${cx},${cy}`;
					const list = cells.get(key);
					if (list) list.push([i, j]);
					else cells.set(key, [[i, j]]);
				}
			}
		}
	});
	const bad = new Set<number>();
	for (const list of cells.values()) {
		for (let s = 0; s < list.length; s++) {
			const [i, j] = list[s];
			for (let t = s + 1; t < list.length; t++) {
				const [k, l] = list[t];
				if (i === k && Math.abs(j - l) <= 1) continue;
				const arc = arcs[i];
				const other = arcs[k];
				if (segmentsConflict(arc[j], arc[j + 1], other[l], other[l + 1])) {
					bad.add(i);
					bad.add(k);
				}
			}
		}
	}
	return bad;
}

function pointInRing(point: number[], ring: Position[]): boolean {
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = ring[i];
		const [xj, yj] = ring[j];
		if (
			yi > point[1] !== yj > point[1] &&
			point[0] < ((xj - xi) * (point[1] - yi)) / (yj - yi) + xi
		) {
			inside = !inside;
		}
	}
	return inside;
}

/**
 * Simplifies the council topology: per-arc thresholds start at `minWeightKm2` and are divided by four
 * for every arc of a ring that lost too many corners, of a council whose area changed too much, of two
 * borders that cross, or of an island swallowed by another polygon, until nothing is wrong.
 */
function simplifyArcs(
	weighted: readonly Arc[],
	geometries: readonly TopoGeometry[],
	sourceAreas: readonly number[],
	options: LayerOptions
): Arc[] {
	const thresholds = weighted.map(() => options.minWeightKm2);
	const rings: RingInfo[] = [];
	const arcUse = new Map<number, number>();
	geometries.forEach((geometry, council) =>
		polygonsOf(geometry).forEach((polygon) => {
			const polygonArcs = new Set(polygon.flat().map((i) => (i < 0 ? ~i : i)));
			polygon.forEach((ring, r) => {
				const corners = ringCoordinates(weighted, ring).length - 1;
				rings.push({
					council,
					arcs: ring,
					interior: r > 0,
					polygonArcs,
					minCorners: Math.min(corners, r > 0 ? 6 : 4)
				});
				for (const index of ring)
					arcUse.set(index < 0 ? ~index : index, (arcUse.get(index < 0 ? ~index : index) ?? 0) + 1);
			});
		})
	);
	// Rings whose arcs nobody else uses (islands, whole-coast councils) are checked for being swallowed.
	const freeRings = rings.filter(
		(ring) => !ring.interior && ring.arcs.every((i) => arcUse.get(i < 0 ? ~i : i) === 1)
	);
	// The largest ring of each council keeps a recognisable shape, not just a triangle.
	geometries.forEach((geometry, council) => {
		const own = rings.filter((ring) => ring.council === council && !ring.interior);
		const largest = own.reduce((a, b) =>
			ringAreaKm2(ringCoordinates(weighted, a.arcs)) >=
			ringAreaKm2(ringCoordinates(weighted, b.arcs))
				? a
				: b
		);
		largest.minCorners = Math.min(ringCoordinates(weighted, largest.arcs).length - 1, 8);
	});

	for (let round = 0; round < 40; round++) {
		const arcs = weighted.map((arc, i) => {
			const kept: number[][] = [];
			for (const p of arc) {
				if (p[2] < thresholds[i]) continue;
				const q = [roundTo(p[0], options.decimals), roundTo(p[1], options.decimals)];
				if (!kept.length || !same(kept[kept.length - 1], q)) kept.push(q);
			}
			return kept;
		});
		const refine = new Set<number>();
		const refineRing = (ring: RingArcs) => ring.forEach((i) => refine.add(i < 0 ? ~i : i));

		for (const ring of rings) {
			if (ringCoordinates(arcs, ring.arcs).length - 1 < ring.minCorners) refineRing(ring.arcs);
		}
		geometries.forEach((geometry, council) => {
			const change = Math.abs(councilAreaKm2(arcs, geometry) / sourceAreas[council] - 1);
			if (change > options.maxAreaChange) polygonsOf(geometry).flat().forEach(refineRing);
		});
		for (const i of findCrossingArcs(arcs, 0.05)) refine.add(i);
		const outlines = rings
			.filter((ring) => !ring.interior)
			.map((ring) => ({ ring, coordinates: ringCoordinates(arcs, ring.arcs) }));
		for (const free of freeRings) {
			const inner = ringCoordinates(arcs, free.arcs);
			for (const { ring, coordinates } of outlines) {
				// An enclave of the free ring's own polygon shares an arc with one of its holes.
				if (ring === free || ring.arcs.some((i) => free.polygonArcs.has(i < 0 ? ~i : i))) continue;
				if (pointInRing(inner[0], coordinates) || pointInRing(coordinates[0], inner)) {
					refineRing(free.arcs);
					refineRing(ring.arcs);
				}
			}
		}

		if (refine.size === 0) return arcs;
		for (const i of refine)
			thresholds[i] = thresholds[i] < options.minWeightKm2 / 1e4 ? 0 : thresholds[i] / 4;
	}
	throw new Error('Simplification did not settle after 40 rounds');
}

export interface BuiltLayers {
	topology: Topology;
	councilCount: number;
}

/** Snaps, builds the shared topology, drops tiny islands and simplifies. */
export function buildCouncilTopology(
	councils: readonly CouncilInput[],
	options: LayerOptions
): BuiltLayers {
	const collection: FeatureCollection<Polygon | MultiPolygon, { adm1Code: string }> = {
		type: 'FeatureCollection',
		features: councils.map((council) => ({
			type: 'Feature',
			properties: { adm1Code: council.adm1Code },
			geometry: snapGeometry(council.geometry, options.snapStep)
		}))
	};
	const raw = topology({ councils: collection }) as Topology;
	const rawGeometries = (raw.objects.councils as { geometries: TopoGeometry[] }).geometries;

	// Keep every hole (each is another council area) and the largest ring of each council area.
	const keep = new Set<string>();
	for (const geometry of rawGeometries) {
		const exteriors = polygonsOf(geometry).map((polygon) => polygon[0]);
		const largest = exteriors.reduce((a, b) =>
			ringAreaKm2(ringCoordinates(raw.arcs, a)) >= ringAreaKm2(ringCoordinates(raw.arcs, b)) ? a : b
		);
		keep.add(largest.join(','));
	}
	const islandFilter = ((ring: RingArcs, interior: boolean) =>
		interior ||
		keep.has(ring.join(',')) ||
		ringAreaKm2(ringCoordinates(raw.arcs, ring)) >= options.minIslandKm2) as unknown as Filter;
	const filtered = filterRings(raw as never, islandFilter) as Topology;
	const geometries = (filtered.objects.councils as { geometries: TopoGeometry[] }).geometries;
	if (
		geometries.length !== councils.length ||
		geometries.some((g) => g.type !== 'Polygon' && g.type !== 'MultiPolygon')
	) {
		throw new Error('A council area lost all its polygons');
	}
	const sourceAreas = geometries.map((geometry) => councilAreaKm2(filtered.arcs, geometry));

	const weighted = presimplify(filtered as never, triangleAreaKm2 as never).arcs as Arc[];
	const arcs = simplifyArcs(weighted, geometries, sourceAreas, options);
	return {
		topology: {
			type: 'Topology',
			objects: filtered.objects,
			arcs: arcs as Topology['arcs']
		} as Topology,
		councilCount: geometries.length
	};
}

/** Merges council areas into one feature per group, in the grouping's order, with RFC 7946 winding. */
export function mergeLayer(
	topo: Topology,
	grouping: Grouping,
	decimals: number
): FeatureCollection<Polygon | MultiPolygon> {
	const geometries = (
		topo.objects.councils as { geometries: (TopoGeometry & GeometryObject<{ adm1Code: string }>)[] }
	).geometries;
	const features = grouping.groups.map(({ code, properties }): Feature<Polygon | MultiPolygon> => {
		const members = geometries.filter((g) => grouping.keyOf(g.properties!.adm1Code) === code);
		if (members.length === 0) throw new Error(`No council area falls in ${code}`);
		const merged = roundPolygonal(merge(topo, members as never) as MultiPolygon, decimals);
		if (!merged) throw new Error(`${code} collapsed`);
		return { type: 'Feature', properties: { ...properties }, geometry: rewind(merged) };
	});
	return { type: 'FeatureCollection', features };
}

function signedArea(ring: Position[]): number {
	let sum = 0;
	for (let i = 0; i < ring.length - 1; i++)
		sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
	return sum / 2;
}

/** RFC 7946: exterior rings counterclockwise, holes clockwise. */
export function rewind<G extends Polygon | MultiPolygon>(geometry: G): G {
	const fix = (rings: Position[][]) =>
		rings.map((ring, i) => (signedArea(ring) > 0 === (i === 0) ? ring : ring.slice().reverse()));
	return (
		geometry.type === 'Polygon'
			? { type: 'Polygon', coordinates: fix(geometry.coordinates) }
			: { type: 'MultiPolygon', coordinates: geometry.coordinates.map(fix) }
	) as G;
}
