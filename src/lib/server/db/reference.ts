import type { Db } from './index';
import { allGeoUnits } from '../../domain/geography';
import { RATE_CATEGORIES } from '../../domain/rate-units';

/**
 * Keeps the reference tables in step with the code: geography from data/ (names may be corrected
 * there), rate categories from rate-units (added when missing; a name the group changed in the
 * database is left alone). Parents first, so every foreign key holds.
 */
export async function syncReferenceData(db: Db): Promise<void> {
	const order = { nation: 0, region: 1, area: 2 } as const;
	const units = [...allGeoUnits()].sort((a, b) => order[a.level] - order[b.level]);
	await db.transaction().execute(async (trx) => {
		for (const level of ['nation', 'region', 'area'] as const) {
			const rows = units
				.filter((u) => u.level === level)
				.map((u) => ({
					code: u.code,
					level: u.level,
					name: u.name,
					short_name: u.shortName,
					parent_code: u.parentCode
				}));
			await trx
				.insertInto('geo_units')
				.values(rows)
				.onConflict((oc) =>
					oc.column('code').doUpdateSet((eb) => ({
						level: eb.ref('excluded.level'),
						name: eb.ref('excluded.name'),
						short_name: eb.ref('excluded.short_name'),
						parent_code: eb.ref('excluded.parent_code')
					}))
				)
				.execute();
		}
		await trx
			.insertInto('rate_categories')
			.values(
				RATE_CATEGORIES.map((c, i) => ({
					code: c.code,
					name: c.name,
					description: c.description,
					sort_order: i + 1
				}))
			)
			.onConflict((oc) => oc.column('code').doNothing())
			.execute();
	});
}
