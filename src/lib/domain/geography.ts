// Pure lookups over the geography fact table (DESIGN.md §4): nation → region (ITL1) → area.
// Rate cells are keyed by one of these codes; a suppressed cell points to its parent (§3.5).
import { AREAS, NATIONS, REGIONS, type AreaCode, type RegionCode } from '../../../data/geography';

export type { AreaCode };

export type GeoLevel = 'nation' | 'region' | 'area';

export interface GeoUnit {
	level: GeoLevel;
	code: string;
	name: string;
	shortName: string;
	/** The enclosing unit one level up; null for a nation. */
	parentCode: string | null;
}

const units: readonly GeoUnit[] = Object.freeze([
	...NATIONS.map((nation) =>
		Object.freeze<GeoUnit>({
			level: 'nation',
			code: nation.code,
			name: nation.name,
			shortName: nation.name,
			parentCode: null
		})
	),
	...REGIONS.map((region) =>
		Object.freeze<GeoUnit>({
			level: 'region',
			code: region.code,
			name: region.name,
			shortName: region.name,
			parentCode: region.nationCode
		})
	),
	...AREAS.map((area) =>
		Object.freeze<GeoUnit>({
			level: 'area',
			code: area.code,
			name: area.name,
			shortName: area.shortName,
			parentCode: area.regionCode
		})
	)
]);

const unitsByCode = new Map<string, GeoUnit>();
const childrenByCode = new Map<string, GeoUnit[]>();
for (const unit of units) {
	if (unitsByCode.has(unit.code)) throw new Error(`Duplicate geography code ${unit.code}`);
	unitsByCode.set(unit.code, unit);
	childrenByCode.set(unit.code, []);
}
for (const unit of units) {
	if (unit.parentCode === null) continue;
	const children = childrenByCode.get(unit.parentCode);
	if (!children) {
		throw new Error(`Geography code ${unit.code} has unknown parent ${unit.parentCode}`);
	}
	children.push(unit);
}

/** Every nation, then every region, then every area, in table order. */
export function allGeoUnits(): readonly GeoUnit[] {
	return units;
}

export function findGeoUnit(code: string): GeoUnit | null {
	return unitsByCode.get(code) ?? null;
}

export function isAreaCode(value: unknown): value is AreaCode {
	return typeof value === 'string' && unitsByCode.get(value)?.level === 'area';
}

function isRegionCode(value: unknown): value is RegionCode {
	return typeof value === 'string' && unitsByCode.get(value)?.level === 'region';
}

/** The unit one level up, or null for a nation or an unknown code. */
export function parentOf(code: string): GeoUnit | null {
	const parentCode = unitsByCode.get(code)?.parentCode;
	return parentCode ? findGeoUnit(parentCode) : null;
}

/** The region holding an area; null when the code is not an area. */
export function regionOfArea(code: string): GeoUnit | null {
	return isAreaCode(code) ? parentOf(code) : null;
}

/** The nation holding a region; null when the code is not a region. */
export function nationOfRegion(code: string): GeoUnit | null {
	return isRegionCode(code) ? parentOf(code) : null;
}

/**
 * The enclosing units, nearest first: an area gives [region, nation], a region [nation], a nation [].
 * Null for an unknown code, so a caller cannot mistake it for a nation.
 */
export function ancestorsOf(code: string): GeoUnit[] | null {
	if (!unitsByCode.has(code)) return null;
	const ancestors: GeoUnit[] = [];
	for (let parent = parentOf(code); parent; parent = parentOf(parent.code)) ancestors.push(parent);
	return ancestors;
}

/** The units one level down, in table order; [] for an area, null for an unknown code. */
export function childrenOf(code: string): GeoUnit[] | null {
	const children = childrenByCode.get(code);
	return children ? [...children] : null;
}

/**
 * Reads an area code from untrusted input (a form field, a query parameter). Surrounding space and
 * letter case are forgiven; anything that is not one of the known areas gives null.
 */
export function parseAreaCode(value: unknown): AreaCode | null {
	if (typeof value !== 'string') return null;
	const code = value.trim().toUpperCase();
	return isAreaCode(code) ? code : null;
}

/** A nation drawn as a single region (Scotland, Wales, Northern Ireland): the two carry one figure. */
export function isSingleRegionNation(code: string): boolean {
	const unit = findGeoUnit(code);
	return unit?.level === 'nation' && (childrenOf(code)?.length ?? 0) === 1;
}

/**
 * The places the comparison offers: every unit, with a nation that is one region and an area that
 * is its whole region offered once (as the region).
 */
export function comparablePlaces(): GeoUnit[] {
	return allGeoUnits()
		.filter((u) => !isSingleRegionNation(u.code))
		.filter((u) => !(u.level === 'area' && (childrenOf(u.parentCode ?? '')?.length ?? 0) === 1));
}

/** What the comparison shows before a place is chosen: North East England beside Scotland. */
export const DEFAULT_COMPARE_PLACES: readonly string[] = ['TLC', 'TLM'];
