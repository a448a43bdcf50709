// The committed boundary files in data/ (built by `npm run data:build`) and the council area → area
// fact table they come from (DESIGN.md §4). Reads files only; no network.

import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { area, bbox, booleanValid, featureCollection, intersect, kinks } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { COUNCIL_AREAS } from '../../data/council-areas';
import { AREAS, NATIONS, REGIONS } from '../../data/geography';

type Layer = FeatureCollection<Polygon | MultiPolygon, Record<string, string>>;
type Shape = Feature<Polygon | MultiPolygon, Record<string, string>>;

const FILES = ['areas', 'regions', 'nations', 'background'] as const;
const text = Object.fromEntries(
	FILES.map((name) => [
		name,
		readFileSync(new URL(`../../data/${name}.geojson`, import.meta.url), 'utf8')
	])
) as Record<(typeof FILES)[number], string>;
const layer = (name: (typeof FILES)[number]) => JSON.parse(text[name]) as Layer;
const areas = layer('areas');
const regions = layer('regions');
const nations = layer('nations');

const km2 = (f: Shape) => area(f) / 1e6;
const byCode = (l: Layer) => new Map(l.features.map((f) => [f.properties.code, f]));

function overlapKm2(a: Shape, b: Shape): number {
	const shared = intersect(featureCollection([a, b]));
	return shared ? area(shared) / 1e6 : 0;
}

function bboxesOverlap(a: Shape, b: Shape): boolean {
	const [aw, as, ae, an] = bbox(a);
	const [bw, bs, be, bn] = bbox(b);
	return aw <= be && bw <= ae && as <= bn && bs <= an;
}

describe('council area → area fact table', () => {
	it('has 232 council areas, each keyed once', () => {
		expect(COUNCIL_AREAS).toHaveLength(232);
		expect(new Set(COUNCIL_AREAS.map((c) => c.adm1Code)).size).toBe(232);
	});

	it('maps every council area to a known area, and every area gets at least one', () => {
		const codes = new Set<string>(AREAS.map((a) => a.code));
		for (const council of COUNCIL_AREAS)
			expect(codes, council.adm1Code).toContain(council.areaCode);
		for (const a of AREAS) {
			expect(
				COUNCIL_AREAS.some((c) => c.areaCode === a.code),
				a.code
			).toBe(true);
		}
		const count = (prefix: string) => AREAS.filter((a) => a.code.startsWith(prefix)).length;
		expect([count('E54'), count('S08'), count('W11'), count('GB-NIR')]).toEqual([42, 14, 7, 1]);
	});

	it('keeps each council area in the nation of its area', () => {
		const regionNation = new Map<string, string>(REGIONS.map((r) => [r.code, r.nationCode]));
		for (const council of COUNCIL_AREAS) {
			const a = AREAS.find((x) => x.code === council.areaCode)!;
			expect(regionNation.get(a.regionCode), council.name).toBe(council.nationCode);
		}
	});

	it('places council areas in their ITL1 region except the two documented ICB crossings', () => {
		const crossings = COUNCIL_AREAS.filter(
			(c) => AREAS.find((a) => a.code === c.areaCode)!.regionCode !== c.itl1Code
		).map((c) => c.name);
		expect(crossings.sort()).toEqual(['Cumbria', 'Milton Keynes']);
	});

	it('corrects the known errors of the source and keys on adm1_code', () => {
		const row = (code: string) => COUNCIL_AREAS.find((c) => c.adm1Code === code)!;
		expect(
			COUNCIL_AREAS.filter((c) => c.sourceName === 'Halton')
				.map((c) => c.name)
				.sort()
		).toEqual(['Halton', 'Wirral']);
		expect(row('GBR-5669')).toMatchObject({ sourceName: 'Merseyside', name: 'St Helens' });
		expect(row('GBR-5706').nationCode).toBe('E92000001');
		expect(row('GBR-2119')).toMatchObject({
			sourceRegion: 'East Wales',
			region: 'West Wales and the Valleys'
		});
		expect(row('GBR-2116')).toMatchObject({
			sourceRegion: 'West Wales and the Valleys',
			region: 'East Wales'
		});
		expect(row('GBR-2054').kind).toBe('two_tier_county');
	});

	it('gives Frimley its three Berkshire unitaries and notes every split county', () => {
		expect(
			COUNCIL_AREAS.filter((c) => c.areaCode === 'E54000034')
				.map((c) => c.name)
				.sort()
		).toEqual(['Bracknell Forest', 'Royal Borough of Windsor and Maidenhead', 'Slough']);
		const approximated = COUNCIL_AREAS.filter((c) => c.note?.startsWith('Approximation'));
		expect(approximated.map((c) => c.name).sort()).toEqual([
			'Cumbria',
			'Essex',
			'Hampshire',
			'North Yorkshire',
			'Suffolk',
			'Surrey'
		]);
	});
});

describe('boundary layers', () => {
	it('hold exactly the codes of data/geography.ts, in its order', () => {
		expect(areas.features.map((f) => f.properties.code)).toEqual(AREAS.map((a) => a.code));
		expect(regions.features.map((f) => f.properties.code)).toEqual(REGIONS.map((r) => r.code));
		expect(nations.features.map((f) => f.properties.code)).toEqual(NATIONS.map((n) => n.code));
		for (const f of areas.features) {
			expect(f.properties.regionCode).toBe(
				AREAS.find((a) => a.code === f.properties.code)!.regionCode
			);
		}
	});

	it('are small enough for a phone (each well under 150 KB gzip)', () => {
		for (const name of FILES) {
			expect(gzipSync(text[name]).length, name).toBeLessThan(150 * 1024);
		}
	});

	it('have valid, non-empty polygons without self-intersections', () => {
		for (const l of [areas, regions, nations, layer('background')]) {
			for (const f of l.features) {
				expect(f.geometry.coordinates.length, f.properties.code).toBeGreaterThan(0);
				expect(km2(f), f.properties.code).toBeGreaterThan(1);
				expect(booleanValid(f), f.properties.code).toBe(true);
				expect(kinks(f).features, f.properties.code).toHaveLength(0);
			}
		}
	});

	it('put each area inside its region, and the areas of a region fill it without gaps', () => {
		const regionByCode = byCode(regions);
		for (const region of REGIONS) {
			const outline = regionByCode.get(region.code)!;
			const members = areas.features.filter((f) => f.properties.regionCode === region.code);
			for (const member of members) {
				const inside = overlapKm2(member, outline);
				expect(inside / km2(member), member.properties.code).toBeCloseTo(1, 4);
			}
			const sum = members.reduce((s, f) => s + km2(f), 0);
			expect(Math.abs(sum / km2(outline) - 1), region.code).toBeLessThan(0.001);
		}
	});

	it('have no holes: every hole in this geography would be a gap between neighbours', () => {
		for (const l of [areas, regions, nations]) {
			for (const f of l.features) {
				const parts =
					f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
				expect(
					parts.every((rings) => rings.length === 1),
					f.properties.code
				).toBe(true);
			}
		}
	});

	it('make up each nation from its regions', () => {
		const nationByCode = byCode(nations);
		for (const nation of NATIONS) {
			const members = regions.features.filter((f) => f.properties.nationCode === nation.code);
			const sum = members.reduce((s, f) => s + km2(f), 0);
			expect(Math.abs(sum / km2(nationByCode.get(nation.code)!) - 1), nation.code).toBeLessThan(
				0.001
			);
		}
	});

	it('do not overlap between neighbouring areas', () => {
		const list = areas.features;
		let pairs = 0;
		for (let i = 0; i < list.length; i++) {
			for (let j = i + 1; j < list.length; j++) {
				if (!bboxesOverlap(list[i], list[j])) continue;
				pairs++;
				const overlap = overlapKm2(list[i], list[j]);
				expect(overlap, `${list[i].properties.code} × ${list[j].properties.code}`).toBeLessThan(
					0.01
				);
			}
		}
		expect(pairs).toBeGreaterThan(100);
	});

	it('include a background for the United Kingdom and Ireland', () => {
		const codes = layer('background').features.map((f) => f.properties.code);
		expect(codes).toEqual(expect.arrayContaining(['GBR', 'IRL']));
	});
});
