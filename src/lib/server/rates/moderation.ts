import type { Db } from '../db/index';
import { recordAudit, type Actor } from '../audit';
import { latestSnapshot } from './read';
import { isUuid } from '../../ids';
import * as clock from '../clock';

/**
 * Held submissions with their values and the last published medians of their area and region
 * cells for context (null where the cell was suppressed); never
 * the contributor key, so an administrator cannot tell two submissions of one doctor apart.
 */
export async function listHeldSubmissions(db: Db) {
	const snapshot = await latestSnapshot(db);
	const rows = await db
		.selectFrom('rate_submissions as s')
		.innerJoin('rate_categories as c', 'c.code', 's.category_code')
		.innerJoin('geo_units as a', 'a.code', 's.area_code')
		.innerJoin('geo_units as r', 'r.code', 's.region_code')
		.leftJoin('rate_snapshot_cells as cell', (join) =>
			join
				.onRef('cell.category_code', '=', 's.category_code')
				.onRef('cell.geo_code', '=', 's.region_code')
				.on('cell.snapshot_id', '=', snapshot?.id ?? -1)
		)
		.leftJoin('rate_snapshot_cells as area_cell', (join) =>
			join
				.onRef('area_cell.category_code', '=', 's.category_code')
				.onRef('area_cell.geo_code', '=', 's.area_code')
				.on('area_cell.snapshot_id', '=', snapshot?.id ?? -1)
		)
		.select([
			's.id',
			'c.name as category',
			's.work_month',
			'a.short_name as area',
			'r.short_name as region',
			's.amount_pence',
			's.basis',
			's.hours_worked',
			's.pence_per_hour',
			's.moderation_reason',
			's.created_at',
			'cell.median_per_hour as region_median',
			'area_cell.median_per_hour as area_median'
		])
		.where('s.status', '=', 'held')
		.orderBy('s.created_at')
		.limit(200)
		.execute();
	return rows.map((r) => ({
		...r,
		hours_worked: Number(r.hours_worked),
		created_at: new Date(r.created_at).toISOString()
	}));
}

export async function decideSubmission(
	db: Db,
	actor: Actor,
	id: string,
	decision: 'approve' | 'reject'
): Promise<boolean> {
	if (!isUuid(id)) return false;
	const result = await db
		.updateTable('rate_submissions')
		.set({ status: decision === 'approve' ? 'accepted' : 'rejected', updated_at: clock.now() })
		.where('id', '=', id)
		.where('status', '=', 'held')
		.executeTakeFirst();
	const changed = Number(result.numUpdatedRows) > 0;
	if (changed)
		await recordAudit(db, actor, `moderation.${decision}`, `submission ${id.slice(0, 8)}`);
	return changed;
}

/** Approves or rejects several held submissions at once, each audited; returns how many changed. */
export async function decideSubmissions(
	db: Db,
	actor: Actor,
	ids: readonly string[],
	decision: 'approve' | 'reject'
): Promise<number> {
	return db.transaction().execute(async (trx) => {
		let changed = 0;
		for (const id of new Set(ids)) if (await decideSubmission(trx, actor, id, decision)) changed++;
		return changed;
	});
}
