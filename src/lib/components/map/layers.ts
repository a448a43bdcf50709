// Pure builders for the map's deck.gl layer props, kept apart from the browser-only component so
// they can be unit tested.
import { colourFor, NO_DATA, type LegendStep, type Rgba } from './colour';

export interface MapCell {
	geoCode: string;
	status: 'published' | 'suppressed';
	medianPerHour?: number;
}

export interface BoundaryFeature {
	properties: { code: string; name: string } | null;
}

export function fillColourAccessor(cells: readonly MapCell[], steps: readonly LegendStep[]) {
	const byCode = new Map(cells.map((c) => [c.geoCode, c]));
	return (feature: BoundaryFeature): Rgba => {
		const cell = feature.properties ? byCode.get(feature.properties.code) : undefined;
		if (!cell) return NO_DATA;
		return colourFor(cell.status === 'published' ? (cell.medianPerHour ?? null) : null, steps);
	};
}

export function lineColourAccessor(selected: string | null) {
	return (feature: BoundaryFeature): Rgba =>
		feature.properties?.code === selected ? [17, 17, 17, 255] : [255, 255, 255, 255];
}

export function lineWidthAccessor(selected: string | null) {
	return (feature: BoundaryFeature): number => (feature.properties?.code === selected ? 3 : 1);
}

/** The British Isles as the map first shows them (west, south, east, north). */
export const UK_BOUNDS: [number, number, number, number] = [-8.7, 49.8, 1.9, 60.9];
