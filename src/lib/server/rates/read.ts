import type { Db } from '../db/index';
import { allGeoUnits, findGeoUnit, type GeoLevel } from '../../domain/geography';
import type {
	CellBase,
	MemberCell,
	PublicCell,
	RateCells,
	SnapshotInfo
} from '../../domain/published-cell';

/** Trend points shown to members: the last eight published quarters (DESIGN §3.6). */
export const TREND_QUARTERS = 8;

export type RateAudience = 'public' | 'member';

export async function listRateCategories(db: Db) {
	return db
		.selectFrom('rate_categories')
		.select(['code', 'name', 'description'])
		.orderBy('sort_order')
		.execute();
}

export async function latestSnapshot(db: Db): Promise<SnapshotInfo | null> {
	const row = await db
		.selectFrom('rate_snapshots')
		.selectAll()
		.orderBy('quarter_end', 'desc')
		.limit(1)
		.executeTakeFirst();
	return row
		? {
				id: row.id,
				quarterEnd: row.quarter_end,
				windowFrom: row.window_from,
				windowTo: row.window_to,
				publishedAt: new Date(row.published_at).toISOString()
			}
		: null;
}

/**
 * A published snapshot's cells for one category, shaped for who is asking. The public shape has
 * no area rows and no member-only fields at all: they are never selected for it, so they cannot
 * reach a non-member's browser. Suppressed cells carry no numbers in either shape.
 */
export async function readRateCells(
	db: Db,
	categoryCode: string,
	audience: 'public',
	snapshot?: SnapshotInfo | null
): Promise<RateCells<PublicCell> | null>;
export async function readRateCells(
	db: Db,
	categoryCode: string,
	audience: 'member',
	snapshot?: SnapshotInfo | null
): Promise<RateCells<MemberCell> | null>;
export async function readRateCells(
	db: Db,
	categoryCode: string,
	audience: RateAudience,
	snapshot?: SnapshotInfo | null
): Promise<RateCells<PublicCell | MemberCell> | null> {
	const category = await db
		.selectFrom('rate_categories')
		.select(['code', 'name', 'description'])
		.where('code', '=', categoryCode)
		.executeTakeFirst();
	if (!category) return null;
	const snap = snapshot === undefined ? await latestSnapshot(db) : snapshot;
	if (!snap) return { snapshot: null, category, cells: [] };

	const levels: GeoLevel[] =
		audience === 'member' ? ['nation', 'region', 'area'] : ['nation', 'region'];
	const rows = await db
		.selectFrom('rate_snapshot_cells')
		.select([
			'geo_code',
			'geo_level',
			'status',
			'median_per_hour',
			'median_per_session',
			'count_band',
			'confidence',
			'p25_per_hour',
			'p75_per_hour',
			'contacts_per_hour'
		])
		.where('snapshot_id', '=', snap.id)
		.where('category_code', '=', categoryCode)
		.where('geo_level', 'in', levels)
		.execute();

	const trends = audience === 'member' ? await readTrends(db, categoryCode, snap) : new Map();
	const order = new Map(allGeoUnits().map((u, i) => [u.code, i]));
	rows.sort((a, b) => (order.get(a.geo_code) ?? 0) - (order.get(b.geo_code) ?? 0));

	const cells = rows.map((row): PublicCell | MemberCell => {
		const unit = findGeoUnit(row.geo_code);
		const base: CellBase = {
			geoCode: row.geo_code,
			level: row.geo_level,
			name: unit?.shortName ?? row.geo_code,
			parentCode: unit?.parentCode ?? null
		};
		if (row.status === 'suppressed' || row.median_per_hour === null)
			return { ...base, status: 'suppressed' };
		const published = {
			...base,
			status: 'published' as const,
			medianPerHour: row.median_per_hour,
			medianPerSession: row.median_per_session!,
			countBand: row.count_band!,
			confidence: row.confidence!
		};
		if (audience === 'public') return published;
		return {
			...published,
			quartiles:
				row.p25_per_hour !== null && row.p75_per_hour !== null
					? { p25: row.p25_per_hour, p75: row.p75_per_hour }
					: null,
			contactsPerHour: row.contacts_per_hour === null ? null : Number(row.contacts_per_hour),
			// Trend points belong to cells that have quartiles now (20+ doctors), as in §3.5.
			trend: row.p25_per_hour !== null ? (trends.get(row.geo_code) ?? []) : []
		};
	});
	return { snapshot: snap, category, cells };
}

/** Trend points are the medians of cells that had quartiles (20+ doctors) in each snapshot. */
async function readTrends(db: Db, categoryCode: string, upTo: SnapshotInfo) {
	const snapshots = await db
		.selectFrom('rate_snapshots')
		.select(['id', 'quarter_end'])
		.where('quarter_end', '<=', upTo.quarterEnd)
		.orderBy('quarter_end', 'desc')
		.limit(TREND_QUARTERS)
		.execute();
	const byGeo = new Map<string, { quarterEnd: string; medianPerHour: number }[]>();
	if (snapshots.length === 0) return byGeo;
	const quarterOf = new Map(snapshots.map((s) => [s.id, s.quarter_end]));
	const rows = await db
		.selectFrom('rate_snapshot_cells')
		.select(['snapshot_id', 'geo_code', 'median_per_hour'])
		.where('category_code', '=', categoryCode)
		.where('snapshot_id', 'in', [...quarterOf.keys()])
		.where('status', '=', 'published')
		.where('p25_per_hour', 'is not', null)
		.execute();
	for (const row of rows) {
		let list = byGeo.get(row.geo_code);
		if (!list) byGeo.set(row.geo_code, (list = []));
		list.push({ quarterEnd: quarterOf.get(row.snapshot_id)!, medianPerHour: row.median_per_hour! });
	}
	for (const list of byGeo.values()) list.sort((a, b) => a.quarterEnd.localeCompare(b.quarterEnd));
	return byGeo;
}
