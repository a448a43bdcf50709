// Demo diary for the demo accounts (DESIGN §8): ten weeks (more, to reach the last bank holiday) of
// realistic sessions, so the week view and reports have something to say. Deterministic for a given
// `today` and seed, and idempotent: a doctor who already has workplaces is left alone.
import type { Db } from '../../src/lib/server/db/index';
import { isBankHoliday } from '../../src/lib/domain/bank-holidays';
import { createEntry } from '../../src/lib/server/diary/entries';
import { createJobPlan } from '../../src/lib/server/diary/job-plans';
import { saveTemplate } from '../../src/lib/server/diary/templates';
import { createWorkplace } from '../../src/lib/server/diary/workplaces';
import { DEMO_ACCOUNTS } from './demo';
import * as clock from '../../src/lib/server/clock';
import { Random, streamSeed } from './random';
import type { EntryInput } from '../../src/lib/schemas/diary';
import type { SessionType } from '../../src/lib/domain/vocabulary';
import { addDays, weekdayOf } from '../../src/lib/domain/calendar';
import {
	blankSession,
	locumOutOfHours,
	locumSurgery,
	plannedSessions,
	salariedDay,
	type SessionFields
} from './doctor-day';

const WEEKS = 10;

function entryOn(workplaceId: string, date: string, fields: SessionFields): EntryInput {
	return { date, workplaceId, ...fields };
}

function blank(workplaceId: string, date: string, sessionType: SessionType): EntryInput {
	return entryOn(workplaceId, date, blankSession(sessionType));
}
async function userIdOf(db: Db, email: string): Promise<string | undefined> {
	const row = await db
		.selectFrom('users')
		.select('id')
		.where('email', '=', email)
		.executeTakeFirst();
	return row?.id;
}

async function hasDiary(db: Db, userId: string): Promise<boolean> {
	return !!(await db
		.selectFrom('workplaces')
		.select('id')
		.where('user_id', '=', userId)
		.limit(1)
		.executeTakeFirst());
}

/** The first day seeded: ten weeks back, or further to take in the last bank holiday. */
function firstDay(today: string): string {
	const monday = addDays(today, 1 - weekdayOf(today));
	let from = addDays(monday, -7 * WEEKS);
	for (let d = addDays(monday, -7 * 14); d < from; d = addDays(d, 1)) {
		if (weekdayOf(d) <= 5 && isBankHoliday(d, 'ENG')) {
			from = addDays(d, 1 - weekdayOf(d));
			break;
		}
	}
	return from;
}

/**
 * Dr Asha Patel, salaried at £96,000 full-time: six sessions a week (Monday and Thursday surgeries,
 * Tuesday duty doctor), overrunning 30–90 minutes most days, about 30 contacts a day and 40–55 on
 * duty days (mostly telephone), a week of annual leave, a bank holiday and a few days not logged.
 */
async function seedSalariedDoctor(
	db: Db,
	userId: string,
	today: string,
	seed: number | undefined
): Promise<void> {
	const rng = new Random(streamSeed('salariedDiary', seed));
	const place = await createWorkplace(db, userId, {
		name: 'Riverside Medical Centre',
		kind: 'practice',
		basis: 'salaried',
		areaCode: 'E54000050',
		nation: null
	});
	if (!place.ok) throw new Error('demo workplace refused');
	const from = firstDay(today);
	const plan = {
		workplaceId: place.id,
		effectiveFrom: addDays(from, -28),
		fullTimeSalaryPence: 96_000_00,
		sessions: ([1, 2, 4] as const).flatMap((weekday) => plannedSessions(weekday, weekday === 2))
	};
	const saved = await createJobPlan(db, userId, plan);
	if (!saved.ok) throw new Error('demo job plan refused');

	// Three weeks ago, inside the reports' default eight weeks.
	const leaveWeek = addDays(today, 1 - weekdayOf(today) - 21);
	const unlogged = new Set([
		addDays(from, 7 * 2 + 3),
		addDays(from, 7 * 6),
		addDays(from, 7 * 8 + 1)
	]);
	for (let date = from; date < today; date = addDays(date, 1)) {
		const weekday = weekdayOf(date);
		const sessions = plan.sessions.filter((s) => s.weekday === weekday);
		if (sessions.length === 0 || unlogged.has(date)) continue;
		if (isBankHoliday(date, 'ENG')) {
			await createEntry(db, userId, blank(place.id, date, 'bank_holiday'));
			continue;
		}
		if (date >= leaveWeek && date < addDays(leaveWeek, 7)) {
			await createEntry(db, userId, blank(place.id, date, 'annual_leave'));
			continue;
		}
		for (const fields of salariedDay(rng, sessions, weekday === 2))
			await createEntry(db, userId, entryOn(place.id, date, fields));
	}
	const template = blank(place.id, from, 'extended_access');
	const { date: _date, ...fields } = {
		...template,
		start: '09:00',
		finish: '13:10',
		activities: { ...template.activities, consulting: 190, admin: 60 }
	};
	await saveTemplate(db, userId, 'Saturday extended access', fields);
}

/**
 * Dr Tom Reid, a locum: in-hours sessions at about £100 an hour, the odd day at £780, and an
 * out-of-hours evening most weeks that runs past midnight, paid by the hour.
 */
async function seedLocum(
	db: Db,
	userId: string,
	today: string,
	seed: number | undefined
): Promise<void> {
	const rng = new Random(streamSeed('locumDiary', seed));
	const surgery = await createWorkplace(db, userId, {
		name: 'Castle Street Surgery',
		kind: 'practice',
		basis: 'locum',
		areaCode: 'E54000039',
		nation: null
	});
	const ooh = await createWorkplace(db, userId, {
		name: 'Severnside out of hours',
		kind: 'ooh_provider',
		basis: 'locum',
		areaCode: 'E54000039',
		nation: null
	});
	if (!surgery.ok || !ooh.ok) throw new Error('demo workplaces refused');
	for (let date = firstDay(today); date < today; date = addDays(date, 1)) {
		const weekday = weekdayOf(date);
		if (isBankHoliday(date, 'ENG')) continue;
		if (weekday <= 5 && rng.chance(0.6))
			await createEntry(db, userId, entryOn(surgery.id, date, locumSurgery(rng)));
		if (weekday === 5 || (weekday === 6 && rng.chance(0.5)))
			await createEntry(db, userId, entryOn(ooh.id, date, locumOutOfHours(rng)));
	}
}

/**
 * Gives the demo doctor and the demo member their diaries; returns false when neither needed one
 * (no demo accounts, or they already have workplaces). Today is left for the doctor to log.
 * `seed` is the overall seed (seed/random.ts), DEFAULT_SEED by default.
 */
export async function seedDemoDiary(
	db: Db,
	today: string = clock.today(),
	{ seed }: { seed?: number } = {}
): Promise<boolean> {
	let seeded = false;
	const [doctor, member] = await Promise.all(
		DEMO_ACCOUNTS.slice(0, 2).map((account) => userIdOf(db, account.email))
	);
	if (doctor && !(await hasDiary(db, doctor))) {
		await seedSalariedDoctor(db, doctor, today, seed);
		seeded = true;
	}
	if (member && !(await hasDiary(db, member))) {
		await seedLocum(db, member, today, seed);
		seeded = true;
	}
	return seeded;
}
