import { describe, it, expect } from 'vitest';
import { AREAS, NATIONS, NORTHERN_IRELAND_AREA_CODE, REGIONS } from '../../../data/geography';
import {
	allGeoUnits,
	ancestorsOf,
	childrenOf,
	comparablePlaces,
	DEFAULT_COMPARE_PLACES,
	findGeoUnit,
	isAreaCode,
	nationOfRegion,
	parentOf,
	parseAreaCode,
	regionOfArea,
	type GeoLevel
} from './geography';

const ENGLAND = 'E92000001';
const SCOTLAND = 'S92000003';
const WALES = 'W92000004';
const NORTHERN_IRELAND = 'N92000002';

function unitsAt(level: GeoLevel) {
	return allGeoUnits().filter((unit) => unit.level === level);
}

function codesOf(units: { code: string }[] | null) {
	return units?.map((unit) => unit.code);
}

describe('geography fact table', () => {
	it('has 4 nations and the 12 ITL1 regions', () => {
		expect(NATIONS).toHaveLength(4);
		expect(REGIONS).toHaveLength(12);
		expect(unitsAt('nation')).toHaveLength(4);
		expect(unitsAt('region')).toHaveLength(12);
	});

	it('has 42 ICBs, 14 Scottish health boards, 7 Welsh local health boards and 1 NI area', () => {
		const prefixCount = (prefix: string) =>
			AREAS.filter((area) => area.code.startsWith(prefix)).length;
		expect(prefixCount('E54')).toBe(42);
		expect(prefixCount('S08')).toBe(14);
		expect(prefixCount('W11')).toBe(7);
		expect(AREAS.filter((area) => area.type === 'nation')).toHaveLength(1);
		expect(AREAS).toHaveLength(64);
		expect(unitsAt('area')).toHaveLength(64);
	});

	it('uses each code once across all levels', () => {
		const codes = allGeoUnits().map((unit) => unit.code);
		expect(codes).toHaveLength(4 + 12 + 64);
		expect(new Set(codes).size).toBe(codes.length);
	});

	it('uses each name once within a level', () => {
		for (const level of ['nation', 'region', 'area'] as const) {
			const names = unitsAt(level).map((unit) => unit.name);
			const shortNames = unitsAt(level).map((unit) => unit.shortName);
			expect(new Set(names).size).toBe(names.length);
			expect(new Set(shortNames).size).toBe(shortNames.length);
		}
	});

	it('gives each area type its code pattern', () => {
		for (const area of AREAS) {
			if (area.type === 'icb') expect(area.code).toMatch(/^E54\d{6}$/);
			if (area.type === 'health_board') expect(area.code).toMatch(/^S08\d{6}$/);
			if (area.type === 'local_health_board') expect(area.code).toMatch(/^W11\d{6}$/);
		}
		for (const area of AREAS.filter((a) => a.type === 'icb')) {
			expect(area.name).toBe(`NHS ${area.shortName} Integrated Care Board`);
		}
	});
});

describe('hierarchy', () => {
	it('puts every area in exactly one region, and every region in exactly one nation', () => {
		for (const area of unitsAt('area')) {
			const region = regionOfArea(area.code);
			expect(region?.level).toBe('region');
			const containing = unitsAt('region').filter((r) =>
				codesOf(childrenOf(r.code))?.includes(area.code)
			);
			expect(codesOf(containing)).toEqual([region?.code]);
		}
		for (const region of unitsAt('region')) {
			const nation = nationOfRegion(region.code);
			expect(nation?.level).toBe('nation');
			const containing = unitsAt('nation').filter((n) =>
				codesOf(childrenOf(n.code))?.includes(region.code)
			);
			expect(codesOf(containing)).toEqual([nation?.code]);
		}
	});

	it('leaves no region without areas', () => {
		for (const region of unitsAt('region')) {
			expect(childrenOf(region.code)?.length).toBeGreaterThan(0);
		}
	});

	it('places England in 9 regions and each other nation in one region', () => {
		expect(codesOf(childrenOf(ENGLAND))).toHaveLength(9);
		expect(codesOf(childrenOf(WALES))).toEqual(['TLL']);
		expect(codesOf(childrenOf(SCOTLAND))).toEqual(['TLM']);
		expect(codesOf(childrenOf(NORTHERN_IRELAND))).toEqual(['TLN']);
	});

	it('places Welsh, Scottish and Northern Irish areas in their own regions', () => {
		const areaCodesIn = (regionCode: string) => codesOf(childrenOf(regionCode)) ?? [];
		expect(areaCodesIn('TLL')).toHaveLength(7);
		expect(areaCodesIn('TLL').every((code) => code.startsWith('W11'))).toBe(true);
		expect(areaCodesIn('TLM')).toHaveLength(14);
		expect(areaCodesIn('TLM').every((code) => code.startsWith('S08'))).toBe(true);
		expect(areaCodesIn('TLN')).toEqual([NORTHERN_IRELAND_AREA_CODE]);
	});

	it('places ICBs only in English regions', () => {
		for (const area of unitsAt('area')) {
			const inEngland = ancestorsOf(area.code)?.at(-1)?.code === ENGLAND;
			expect(area.code.startsWith('E54')).toBe(inEngland);
		}
	});

	it('gives the chain up from an area to its nation', () => {
		expect(codesOf(ancestorsOf('E54000050'))).toEqual(['TLC', ENGLAND]);
		expect(codesOf(ancestorsOf('E54000034'))).toEqual(['TLJ', ENGLAND]);
		expect(codesOf(ancestorsOf('E54000040'))).toEqual(['TLK', ENGLAND]);
		expect(codesOf(ancestorsOf('S08000031'))).toEqual(['TLM', SCOTLAND]);
		expect(codesOf(ancestorsOf('W11000029'))).toEqual(['TLL', WALES]);
		expect(codesOf(ancestorsOf(NORTHERN_IRELAND_AREA_CODE))).toEqual(['TLN', NORTHERN_IRELAND]);
		expect(codesOf(ancestorsOf('TLI'))).toEqual([ENGLAND]);
		expect(ancestorsOf(ENGLAND)).toEqual([]);
	});

	it('looks up units with their parent', () => {
		expect(findGeoUnit('E54000027')).toEqual({
			level: 'area',
			code: 'E54000027',
			name: 'NHS North West London Integrated Care Board',
			shortName: 'North West London',
			parentCode: 'TLI'
		});
		expect(parentOf('TLE')?.name).toBe('England');
		expect(parentOf(WALES)).toBeNull();
		expect(childrenOf('S08000020')).toEqual([]);
	});
});

describe('unknown and mismatched codes', () => {
	it('return null', () => {
		for (const code of ['', 'E54000052', 'E54000099', 'S08000018', 'TLZ', 'e54000050']) {
			expect(findGeoUnit(code)).toBeNull();
			expect(parentOf(code)).toBeNull();
			expect(ancestorsOf(code)).toBeNull();
			expect(childrenOf(code)).toBeNull();
			expect(regionOfArea(code)).toBeNull();
			expect(isAreaCode(code)).toBe(false);
		}
	});

	it('give null when a code is at the wrong level', () => {
		expect(regionOfArea('TLC')).toBeNull();
		expect(regionOfArea(ENGLAND)).toBeNull();
		expect(nationOfRegion('E54000050')).toBeNull();
		expect(nationOfRegion(ENGLAND)).toBeNull();
		expect(isAreaCode('TLC')).toBe(false);
		expect(isAreaCode(NORTHERN_IRELAND)).toBe(false);
	});
});

describe('parseAreaCode', () => {
	it('accepts known area codes, forgiving space and case', () => {
		expect(parseAreaCode('E54000050')).toBe('E54000050');
		expect(parseAreaCode('  s08000015 ')).toBe('S08000015');
		expect(parseAreaCode('gb-nir')).toBe(NORTHERN_IRELAND_AREA_CODE);
	});

	it('rejects anything else', () => {
		for (const value of [
			undefined,
			null,
			54000050,
			{},
			['E54000050'],
			'',
			'E54000052',
			'TLC',
			ENGLAND,
			NORTHERN_IRELAND,
			'E54000050x'
		]) {
			expect(parseAreaCode(value)).toBeNull();
		}
	});
});

describe('comparablePlaces', () => {
	it('offers a nation that is one region, and an area that is its whole region, once', () => {
		const codes = comparablePlaces().map((u) => u.code);
		expect(codes).toContain('TLM');
		expect(codes).not.toContain(SCOTLAND);
		expect(codes).toContain(ENGLAND);
		expect(new Set(codes).size).toBe(codes.length);
	});

	it('includes the places shown before any is chosen', () => {
		const codes = comparablePlaces().map((u) => u.code);
		for (const code of DEFAULT_COMPARE_PLACES) expect(codes).toContain(code);
	});
});
