import { allGeoUnits } from '../../domain/geography';
import type { Db } from '../db/index';
import { listRateCategories } from './read';

export interface AreaGroup {
	region: string;
	areas: { code: string; name: string }[];
}

/** Areas grouped under their region, in the fact table's order, for the area picker. */
export function areaGroups(): AreaGroup[] {
	const units = allGeoUnits();
	return units
		.filter((u) => u.level === 'region')
		.map((region) => ({
			region: region.shortName,
			areas: units
				.filter((u) => u.level === 'area' && u.parentCode === region.code)
				.map((u) => ({ code: u.code, name: u.shortName }))
		}));
}

export async function rateFormOptions(db: Db) {
	return { categories: await listRateCategories(db), areaGroups: areaGroups() };
}
