import { sql, type Insertable } from 'kysely';
import type { RateSnapshotCellTable } from '../db/tables/rates';
import type { Db } from '../db/index';
import { allGeoUnits } from '../../domain/geography';
import { RATE_CATEGORY_CODES } from '../../domain/rate-units';
import { summariseCell, type CellSettings, type ContributorValue } from '../../domain/rate-stats';
import { recordAudit, type Actor } from '../audit';
import { forgetCurrentSnapshot } from './cache';
import * as clock from '../clock';
import { dueQuarters, windowForQuarter } from '../../domain/calendar';

/** Any fixed number: every instance must use the same one for the advisory lock. */
const PUBLICATION_LOCK_KEY = 7_340_211;

export interface PublicationSettings extends CellSettings {
	lagMonths: number;
}

export type PublicationRun =
	| { status: 'busy' }
	| {
			status: 'done';
			published: { quarterEnd: string; cellsPublished: number; cellsSuppressed: number }[];
	  };

type CellKey = `${string}|${string}`;

/** One value per doctor per cell, for every level at once (DESIGN §3.5: each doctor counts once). */
async function contributorValues(db: Db, fromMonth: string, toMonth: string) {
	const rows = await sql<{
		category_code: string;
		geo_code: string;
		contributor_key: string;
		pph: number | string;
		cph: number | string | null;
	}>`
		with s as (
			select contributor_key, category_code, area_code, region_code, nation_code, pence_per_hour,
				case when booked_contacts is not null then booked_contacts / hours_worked end as cph
			from rate_submissions
			where status = 'accepted' and work_month between ${fromMonth} and ${toMonth}
		), levels as (
			select contributor_key, category_code, area_code as geo_code, pence_per_hour, cph from s
			union all
			select contributor_key, category_code, region_code, pence_per_hour, cph from s
			union all
			select contributor_key, category_code, nation_code, pence_per_hour, cph from s
		)
		select category_code, geo_code, contributor_key,
			percentile_cont(0.5) within group (order by pence_per_hour) as pph,
			percentile_cont(0.5) within group (order by cph) as cph
		from levels
		group by category_code, geo_code, contributor_key
	`.execute(db);
	const byCell = new Map<CellKey, ContributorValue[]>();
	for (const row of rows.rows) {
		const key: CellKey = `${row.category_code}|${row.geo_code}`;
		let list = byCell.get(key);
		if (!list) byCell.set(key, (list = []));
		list.push({
			contributorKey: row.contributor_key,
			pencePerHour: Number(row.pph),
			contactsPerHour: row.cph === null ? null : Number(row.cph)
		});
	}
	return byCell;
}

async function publishQuarter(db: Db, quarterEnd: string, settings: PublicationSettings) {
	const window = windowForQuarter(quarterEnd);
	const byCell = await contributorValues(db, window.fromMonth, window.toMonth);
	const cells: Omit<Insertable<RateSnapshotCellTable>, 'snapshot_id'>[] = [];
	// Every category × geography gets a row, so a cell with no reports reads as suppressed too.
	for (const category of RATE_CATEGORY_CODES) {
		for (const unit of allGeoUnits()) {
			const summary = summariseCell(byCell.get(`${category}|${unit.code}`) ?? [], settings);
			const base = { category_code: category, geo_code: unit.code, geo_level: unit.level };
			cells.push(
				summary.status === 'suppressed'
					? {
							...base,
							status: 'suppressed',
							median_per_hour: null,
							median_per_session: null,
							count_band: null,
							confidence: null,
							p25_per_hour: null,
							p75_per_hour: null,
							contacts_per_hour: null
						}
					: {
							...base,
							status: 'published',
							median_per_hour: summary.medianPerHour,
							median_per_session: summary.medianPerSession,
							count_band: summary.countBand,
							confidence: summary.confidence,
							p25_per_hour: summary.quartiles?.p25 ?? null,
							p75_per_hour: summary.quartiles?.p75 ?? null,
							contacts_per_hour: summary.medianContactsPerHour
						}
			);
		}
	}
	const cellsPublished = cells.filter((c) => c.status === 'published').length;
	const snapshot = await db
		.insertInto('rate_snapshots')
		.values({
			quarter_end: quarterEnd,
			window_from: window.fromMonth,
			window_to: window.toMonth,
			min_contributors: settings.minContributors,
			// The snapshot column keeps the name its migration gave it.
			quartile_contributors: settings.detailContributors,
			cells_published: cellsPublished,
			cells_suppressed: cells.length - cellsPublished,
			// The date people read on the map: the app's clock, so a demo as of a date says so.
			published_at: clock.now()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	for (let i = 0; i < cells.length; i += 500) {
		await db
			.insertInto('rate_snapshot_cells')
			.values(cells.slice(i, i + 500).map((c) => ({ ...c, snapshot_id: snapshot.id })))
			.execute();
	}
	return { quarterEnd, cellsPublished, cellsSuppressed: cells.length - cellsPublished };
}

/**
 * Publishes every due quarter that has no snapshot yet (DESIGN §3.4), oldest first, so a new
 * installation backfills its trend history in one run. Idempotent; a transaction-scoped advisory
 * lock lets only one instance run it, and a second caller is told the job is busy.
 */
export async function publishDueSnapshots(
	db: Db,
	today: string,
	settings: PublicationSettings,
	actor: Actor
): Promise<PublicationRun> {
	const run = await db.transaction().execute(async (trx): Promise<PublicationRun> => {
		const { rows } = await sql<{ locked: boolean }>`
			select pg_try_advisory_xact_lock(${PUBLICATION_LOCK_KEY}) as locked
		`.execute(trx);
		if (!rows[0]?.locked) return { status: 'busy' };

		const earliest = await trx
			.selectFrom('rate_submissions')
			.select((eb) => eb.fn.min('work_month').as('month'))
			.where('status', '=', 'accepted')
			.executeTakeFirst();
		const existing = new Set(
			(await trx.selectFrom('rate_snapshots').select('quarter_end').execute()).map(
				(r) => r.quarter_end
			)
		);
		const todo = dueQuarters(today, settings.lagMonths, earliest?.month ?? null).filter(
			(q) => !existing.has(q)
		);
		const published = [];
		for (const quarterEnd of todo) published.push(await publishQuarter(trx, quarterEnd, settings));
		return { status: 'done', published };
	});
	if (run.status === 'done' && run.published.length > 0) {
		forgetCurrentSnapshot(db);
		await recordAudit(db, actor, 'publication.run', null, {
			quarters: run.published.map((p) => p.quarterEnd)
		});
	}
	return run;
}

/** Is the publication lock held right now (by a run in another session)? */
export async function isPublicationRunning(db: Db): Promise<boolean> {
	const { rows } = await sql<{ n: number | string }>`
		select count(*) as n from pg_locks
		where locktype = 'advisory' and classid = 0 and objsubid = 1 and granted
			and objid = ${PUBLICATION_LOCK_KEY}
			and database = (select oid from pg_database where datname = current_database())
	`.execute(db);
	return Number(rows[0]?.n ?? 0) > 0;
}

/** What a publication run did, a line each, for `npm run publish` and the server's log. */
export function describePublicationRun(run: PublicationRun): string[] {
	if (run.status === 'busy')
		return ['Another process is publishing right now; nothing was done here. Run it again later.'];
	if (run.published.length === 0)
		return ['Nothing was due: every due quarter is published already.'];
	return run.published.map(
		(p) =>
			`Published the quarter ending ${p.quarterEnd}: ${p.cellsPublished} cells shown, ${p.cellsSuppressed} suppressed (too few doctors).`
	);
}
