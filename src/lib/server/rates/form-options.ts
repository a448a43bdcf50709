import { allGeoUnits } from '../../domain/geography';
import type { Db } from '../db/index';
import { listRateCategories } from './read';
import { publicationSettings } from './settings';

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

/** What the rate form needs, with k in force for its promise of how figures are published. */
export async function rateFormOptions(db: Db) {
	const [categories, { minContributors }] = await Promise.all([
		listRateCategories(db),
		publicationSettings(db)
	]);
	return { categories, areaGroups: areaGroups(), minContributors };
}
