// Demo diary for the demo accounts (DESIGN §8): ten weeks (more, to reach the last bank holiday) of
// realistic sessions, so the week view and reports have something to say. Deterministic for a given
// `today` and seed, and idempotent: a doctor who already has workplaces is left alone.
import type { Db } from '../../src/lib/server/db/index';
import { isBankHoliday } from '../../src/lib/domain/bank-holidays';
import type { EntryInput } from '../../src/lib/schemas/diary';
import { createEntry } from '../../src/lib/server/diary/entries';
import { createJobPlan } from '../../src/lib/server/diary/job-plans';
import { saveTemplate } from '../../src/lib/server/diary/templates';
import { createWorkplace } from '../../src/lib/server/diary/workplaces';
import { DEMO_ACCOUNTS } from './demo';
import * as clock from '../../src/lib/server/clock';
import { Random, streamSeed } from './random';
import {
	ACTIVITY_KINDS,
	CONTACT_MODES,
	type ActivityKind,
	type ContactMode,
	type SessionType,
	ADMIN_COUNT_KINDS,
	type AdminCountKind
} from '../../src/lib/domain/vocabulary';
import { addDays, weekdayOf, addClockMinutes } from '../../src/lib/domain/calendar';

const WEEKS = 10;

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
	return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

function blank(workplaceId: string, date: string, sessionType: SessionType): EntryInput {
	return {
		date,
		workplaceId,
		sessionType,
		start: null,
		finish: null,
		breakMinutes: 0,
		activities: zeros<ActivityKind>(ACTIVITY_KINDS),
		contacts: zeros<ContactMode>(CONTACT_MODES),
		adminCounts: zeros<AdminCountKind>(ADMIN_COUNT_KINDS),
		remoteOohMinutes: 0,
		notes: null,
		feePence: null,
		feeBasis: null,
		feeExtrasPence: null
	};
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
		sessions: ([1, 2, 4] as const).flatMap((weekday) =>
			(['08:30', '14:00'] as const).map((start) => ({
				weekday,
				start,
				end: addClockMinutes(start, 250),
				sessionType: (weekday === 2 ? 'duty_doctor' : 'surgery') as SessionType,
				activities: { ...zeros<ActivityKind>(ACTIVITY_KINDS), consulting: 180, admin: 70 }
			}))
		)
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
		const duty = weekday === 2;
		const dayContacts = duty ? rng.int(40, 55) : rng.int(22, 30);
		// Most days run over, at the end of the last session.
		const overrun = rng.next() < 0.8 ? rng.int(30, 90) : rng.int(0, 15);
		for (const [index, session] of sessions.entries()) {
			const last = index === sessions.length - 1;
			const early = index === 0 && duty ? 30 : rng.int(0, 10);
			const extra = (last ? overrun : rng.int(0, 20)) + early;
			const length = 250 + extra;
			const contacts = Math.round(dayContacts / sessions.length) + (last ? dayContacts % 2 : 0);
			const phone = Math.round(contacts * (duty ? 0.7 : 0.35));
			const video = duty ? rng.int(0, 2) : rng.int(0, 1);
			const visits = duty && last ? rng.int(1, 2) : 0;
			const admin = Math.min(length - 150, 60 + Math.round(extra * 0.6));
			const entry = blank(place.id, date, session.sessionType);
			await createEntry(db, userId, {
				...entry,
				start: addClockMinutes(session.start, -early),
				finish: addClockMinutes(session.end, extra - early),
				breakMinutes: 0,
				activities: {
					...entry.activities,
					consulting: length - admin - visits * 30,
					home_visits: visits * 30,
					admin
				},
				contacts: {
					...entry.contacts,
					telephone: phone,
					video,
					online: duty ? rng.int(1, 4) : 0,
					home_visit: visits,
					face_to_face: Math.max(0, contacts - phone - video - visits)
				},
				adminCounts: {
					results: rng.int(10, 22),
					letters: rng.int(8, 16),
					prescriptions: rng.int(15, 35),
					tasks_referrals: rng.int(3, 9)
				},
				remoteOohMinutes: last && rng.next() < 0.25 ? rng.int(20, 45) : 0,
				notes: duty && last && rng.next() < 0.3 ? 'No cover for the second duty doctor.' : null
			});
		}
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
		if (weekday <= 5 && rng.next() < 0.6) {
			const fullDay = rng.next() < 0.3;
			const entry = blank(surgery.id, date, 'surgery');
			const overrun = rng.int(0, 40);
			const length = (fullDay ? 560 : 250) + overrun;
			const contacts = fullDay ? rng.int(30, 36) : rng.int(15, 18);
			const phone = Math.round(contacts * 0.3);
			await createEntry(db, userId, {
				...entry,
				start: '08:30',
				finish: addClockMinutes('08:30', length),
				breakMinutes: fullDay ? 40 : 0,
				activities: {
					...entry.activities,
					consulting: fullDay ? 380 : 175,
					admin: length - (fullDay ? 420 : 175)
				},
				contacts: { ...entry.contacts, face_to_face: contacts - phone, telephone: phone },
				adminCounts: {
					results: rng.int(5, 15),
					letters: rng.int(3, 10),
					prescriptions: rng.int(10, 25),
					tasks_referrals: rng.int(1, 5)
				},
				feePence: fullDay ? rng.int(72, 85) * 10_00 : rng.int(40, 48) * 10_00 + 5_00,
				feeBasis: fullDay ? 'per_day' : 'per_session',
				feeExtrasPence: null
			});
		}
		if (weekday === 5 || (weekday === 6 && rng.next() < 0.5)) {
			const entry = blank(ooh.id, date, 'out_of_hours');
			const finish = rng.next() < 0.6 ? '00:30' : '23:30';
			const length = finish === '00:30' ? 360 : 300;
			const contacts = rng.int(18, 26);
			await createEntry(db, userId, {
				...entry,
				start: '18:30',
				finish,
				breakMinutes: 20,
				activities: { ...entry.activities, consulting: length - 110, admin: 90 },
				contacts: {
					...entry.contacts,
					telephone: Math.round(contacts * 0.6),
					face_to_face: contacts - Math.round(contacts * 0.6) - 1,
					home_visit: 1
				},
				feePence: rng.int(105, 120) * 100,
				feeBasis: 'per_hour',
				feeExtrasPence: null
			});
		}
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
