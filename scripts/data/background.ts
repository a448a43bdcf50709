// The land background under the boundary layers: the United Kingdom, Ireland (so the map does not look
// cut at the border) and the islands and coast around them, from world-atlas's countries-50m (Natural
// Earth 1:50m), clipped to a box around the British Isles.

import { bboxClip } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { roundPolygonal } from './geometry';
import { rewind } from './layers';

/** [west, south, east, north]: Ireland's west coast to the Dover Strait, the Channel Islands to Shetland. */
export const BRITISH_ISLES_BBOX: [number, number, number, number] = [-11, 49, 2.6, 61];

/** ISO 3166-1 numeric id in world-atlas → the properties written. */
const COUNTRIES: Record<string, { code: string; name: string }> = {
	'826': { code: 'GBR', name: 'United Kingdom' },
	'372': { code: 'IRL', name: 'Ireland' },
	'833': { code: 'IMN', name: 'Isle of Man' },
	'831': { code: 'GGY', name: 'Guernsey' },
	'832': { code: 'JEY', name: 'Jersey' },
	'250': { code: 'FRA', name: 'France' }
};

export function buildBackground(
	world: Topology,
	decimals: number
): FeatureCollection<Polygon | MultiPolygon> {
	const countries = world.objects.countries as GeometryCollection;
	const features: Feature<Polygon | MultiPolygon>[] = [];
	for (const [id, properties] of Object.entries(COUNTRIES)) {
		const geometry = countries.geometries.find((g) => g.id === id);
		if (!geometry) throw new Error(`world-atlas has no country ${id}`);
		const country = feature(world, geometry) as Feature<Polygon | MultiPolygon>;
		const clipped = bboxClip(country, BRITISH_ISLES_BBOX).geometry as Polygon | MultiPolygon;
		const rounded = roundPolygonal(
			clipped.type === 'MultiPolygon'
				? {
						...clipped,
						coordinates: clipped.coordinates.filter((p) => p.length && p[0].length >= 4)
					}
				: clipped,
			decimals
		);
		if (!rounded) throw new Error(`${properties.name} lies outside the background box`);
		features.push({ type: 'Feature', properties, geometry: rewind(rounded) });
	}
	return { type: 'FeatureCollection', features };
}
