// The in-process figures: each the app's own function, timed as the app calls it, next to a naive
// way of getting the same answer.
import { sql } from 'kysely';
import type { Db } from '../../src/lib/server/db/index';
import { readRateCells, latestSnapshot } from '../../src/lib/server/rates/read';
import { currentSnapshot, rateCellsResponse } from '../../src/lib/server/rates/cache';
import { publishDueSnapshots } from '../../src/lib/server/rates/publication';
import { publicationSettings } from '../../src/lib/server/rates/settings';
import { SYSTEM_ACTOR } from '../../src/lib/server/audit';
import {
	perContributorMedians,
	summariseCell,
	type ContributionRow
} from '../../src/lib/domain/rate-stats';
import { allGeoUnits } from '../../src/lib/domain/geography';
import { loadWeek } from '../../src/lib/server/diary/week';
import { listTemplates } from '../../src/lib/server/diary/templates';
import { findAllEntries } from '../../src/lib/server/diary/entries';
import { listWorkplaces } from '../../src/lib/server/diary/workplaces';
import { listJobPlans } from '../../src/lib/server/diary/job-plans';
import { getDiarySettings, overtimeSettingsFor } from '../../src/lib/server/diary/settings';
import { computeDiaryPeriod } from '../../src/lib/server/diary/compute';
import { listHeldSubmissions } from '../../src/lib/server/rates/moderation';
import { summarise, timeIt, type Timing } from './stats';
import { windowForQuarter, addDays } from '../../src/lib/domain/calendar';

export const MAP_CATEGORY = 'in_hours_session';

// ---------------------------------------------------------------------------------------------
// (a) Map data

/**
 * The naive map: every member cell of one category computed from the submissions on request —
 * each doctor's median per cell at area, region and nation level, then the median and quartiles
 * over doctors — for the latest window only (trend points would need eight windows more).
 */
export async function naiveRateCells(db: Db, category: string, quarterEnd: string) {
	const window = windowForQuarter(quarterEnd);
	const { rows } = await sql<{
		geo_code: string;
		doctors: number | string;
		p25: number;
		p50: number;
		p75: number;
		cph: number | null;
	}>`
		with s as (
			select contributor_key, area_code, region_code, nation_code, pence_per_hour,
				case when booked_contacts is not null then booked_contacts / hours_worked end as cph
			from rate_submissions
			where status = 'accepted' and category_code = ${category}
				and work_month between ${window.fromMonth} and ${window.toMonth}
		), levels as (
			select contributor_key, area_code as geo_code, pence_per_hour, cph from s
			union all select contributor_key, region_code, pence_per_hour, cph from s
			union all select contributor_key, nation_code, pence_per_hour, cph from s
		), doctors as (
			select geo_code, contributor_key,
				percentile_cont(0.5) within group (order by pence_per_hour) as pph,
				percentile_cont(0.5) within group (order by cph) as cph
			from levels group by geo_code, contributor_key
		)
		select geo_code, count(*) as doctors,
			percentile_cont(0.25) within group (order by pph) as p25,
			percentile_cont(0.5) within group (order by pph) as p50,
			percentile_cont(0.75) within group (order by pph) as p75,
			percentile_cont(0.5) within group (order by cph) as cph
		from doctors group by geo_code
	`.execute(db);
	const settings = await publicationSettings(db);
	const byGeo = new Map(rows.map((r) => [r.geo_code, r]));
	return allGeoUnits().map((unit) => {
		const row = byGeo.get(unit.code);
		const doctors = Number(row?.doctors ?? 0);
		if (!row || doctors < settings.minContributors)
			return { geoCode: unit.code, status: 'suppressed' };
		return {
			geoCode: unit.code,
			status: 'published',
			medianPerHour: Math.round(Number(row.p50) / 100),
			quartiles:
				doctors >= settings.detailContributors
					? { p25: Math.round(Number(row.p25) / 100), p75: Math.round(Number(row.p75) / 100) }
					: null
		};
	});
}

export interface MapFigures {
	readRateCells: Timing;
	cached: Timing;
	naive: Timing;
	cells: number;
}

export async function measureMap(db: Db, runs: number, naiveRuns: number): Promise<MapFigures> {
	const snapshot = await latestSnapshot(db);
	if (!snapshot) throw new Error('no snapshot published');
	const data = await readRateCells(db, MAP_CATEGORY, 'member');
	return {
		cells: data?.cells.length ?? 0,
		readRateCells: await timeIt(() => readRateCells(db, MAP_CATEGORY, 'member'), { runs }),
		// As the endpoint does it: which snapshot is latest, then the kept answer.
		cached: await timeIt(
			async () => rateCellsResponse(db, MAP_CATEGORY, 'member', await currentSnapshot(db)),
			{ runs }
		),
		naive: await timeIt(() => naiveRateCells(db, MAP_CATEGORY, snapshot.quarterEnd), {
			runs: naiveRuns,
			warmup: 1
		})
	};
}

// ---------------------------------------------------------------------------------------------
// (b) Publication

/** The app's publication of the latest quarter, timed after removing that snapshot each run. */
export async function measurePublication(
	db: Db,
	today: string,
	runs: number
): Promise<Timing & { cells: number }> {
	const times: number[] = [];
	let cells = 0;
	for (let i = 0; i < runs; i++) {
		const latest = await latestSnapshot(db);
		if (!latest) throw new Error('no snapshot to republish');
		await db.deleteFrom('rate_snapshots').where('id', '=', latest.id).execute();
		const started = performance.now();
		const run = await publishDueSnapshots(db, today, await publicationSettings(db), SYSTEM_ACTOR);
		times.push(performance.now() - started);
		if (run.status !== 'done' || run.published.length !== 1)
			throw new Error('expected one quarter published');
		cells = run.published[0].cellsPublished + run.published[0].cellsSuppressed;
	}
	return { ...summarise(times), cells };
}

/** Naive publication: the window's rows fetched into the app and summarised there, cell by cell. */
export async function naivePublication(db: Db, quarterEnd: string) {
	const window = windowForQuarter(quarterEnd);
	const rows = await db
		.selectFrom('rate_submissions')
		.select([
			'contributor_key',
			'category_code',
			'area_code',
			'region_code',
			'nation_code',
			'pence_per_hour',
			'booked_contacts',
			'hours_worked'
		])
		.where('status', '=', 'accepted')
		.where('work_month', '>=', window.fromMonth)
		.where('work_month', '<=', window.toMonth)
		.execute();
	const byCell = new Map<string, ContributionRow[]>();
	for (const row of rows) {
		const value: ContributionRow = {
			contributorKey: row.contributor_key,
			pencePerHour: row.pence_per_hour,
			contactsPerHour:
				row.booked_contacts === null ? null : row.booked_contacts / Number(row.hours_worked)
		};
		for (const geo of [row.area_code, row.region_code, row.nation_code]) {
			const key = `${row.category_code}|${geo}`;
			let list = byCell.get(key);
			if (!list) byCell.set(key, (list = []));
			list.push(value);
		}
	}
	const settings = await publicationSettings(db);
	let published = 0;
	for (const list of byCell.values())
		if (summariseCell(perContributorMedians(list), settings).status === 'published') published++;
	return published;
}

export async function measureNaivePublication(db: Db, runs: number): Promise<Timing> {
	const snapshot = await latestSnapshot(db);
	return timeIt(() => naivePublication(db, snapshot!.quarterEnd), { runs, warmup: 0 });
}

// ---------------------------------------------------------------------------------------------
// (c) Diary week

/** What the week page's load reads: loadWeek and the templates. */
export function diaryWeekPageData(db: Db, userId: string, date: string, today: string) {
	return Promise.all([loadWeek(db, userId, date, today), listTemplates(db, userId)]);
}

/** The naive week: all the doctor's entries loaded and the week picked out in JavaScript. */
export async function naiveDiaryWeek(db: Db, userId: string, date: string) {
	const [all, workplaces, plans, settings, templates] = await Promise.all([
		findAllEntries(db, userId),
		listWorkplaces(db, userId),
		listJobPlans(db, userId),
		getDiarySettings(db, userId),
		listTemplates(db, userId)
	]);
	const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
	const from = addDays(date, -weekday);
	const to = addDays(from, 6);
	const entries = all.filter((e) => e.date >= from && e.date <= to);
	return [
		computeDiaryPeriod(from, to, entries, workplaces, plans, overtimeSettingsFor(settings)),
		templates
	];
}

export interface DiaryFigures {
	entriesForDoctor: number;
	week: Timing;
	naive: Timing;
}

export async function measureDiary(
	db: Db,
	userId: string,
	today: string,
	years: number,
	runs: number,
	naiveRuns: number
): Promise<DiaryFigures> {
	const { n } = await db
		.selectFrom('worked_sessions')
		.select((eb) => eb.fn.countAll().as('n'))
		.where('user_id', '=', userId)
		.executeTakeFirstOrThrow();
	const weeks = Math.max(1, Math.floor(years * 52));
	// Weeks spread over the years, the same sequence for both ways.
	const dateOf = (run: number) => addDays(today, -7 * ((run * 37) % weeks));
	return {
		entriesForDoctor: Number(n),
		week: await timeIt((run) => diaryWeekPageData(db, userId, dateOf(run), today), { runs }),
		naive: await timeIt((run) => naiveDiaryWeek(db, userId, dateOf(run)), {
			runs: naiveRuns,
			warmup: 2
		})
	};
}

// ---------------------------------------------------------------------------------------------
// Extra: the moderation queue among a million submissions (the held-queue index)

export async function measureModerationQueue(db: Db, runs: number): Promise<Timing> {
	return timeIt(() => listHeldSubmissions(db), { runs });
}
