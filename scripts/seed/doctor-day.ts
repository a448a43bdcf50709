// The one model of a sessional GP's working day (DESIGN §8), for the demo diary (seed/diary.ts,
// through the app's createEntry) and the national-scale diaries (seed/scale.ts, written in bulk).
// Each function draws from the generator it is given in a fixed order: the demo database is made
// from these draws, so reordering them changes it (tests/integration/demo-reproducible.test.ts).
import type { EntryInput, PlanSessionInput } from '../../src/lib/schemas/diary';
import { PLAN_SLOT_STARTS } from '../../src/lib/schemas/diary';
import { STANDARD_SESSION_MINUTES } from '../../src/lib/domain/rate-units';
import { addClockMinutes, type Weekday } from '../../src/lib/domain/calendar';
import {
	ACTIVITY_KINDS,
	ADMIN_COUNT_KINDS,
	CONTACT_MODES,
	type ActivityKind,
	type AdminCountKind,
	type ContactMode,
	type SessionType
} from '../../src/lib/domain/vocabulary';
import type { Random } from './random';

/** One diary entry without its date and workplace: what a day's model decides. */
export type SessionFields = Omit<EntryInput, 'date' | 'workplaceId'>;

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
	return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/** An entry with nothing in it: a non-working day, or the start of a worked one. */
export function blankSession(sessionType: SessionType): SessionFields {
	return {
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

/**
 * A salaried GP's job plan for one weekday: a morning and an afternoon session of a standard
 * 4 h 10 min, planned as 3 h consulting and the rest admin; duty doctor or surgery.
 */
export function plannedSessions(weekday: Weekday, duty: boolean): PlanSessionInput[] {
	return PLAN_SLOT_STARTS.map((start) => ({
		weekday,
		start,
		end: addClockMinutes(start, STANDARD_SESSION_MINUTES),
		sessionType: duty ? 'duty_doctor' : 'surgery',
		activities: { ...zeros<ActivityKind>(ACTIVITY_KINDS), consulting: 180, admin: 70 }
	}));
}

/**
 * A salaried GP's worked sessions on a planned day: about 30 contacts a day, 40–55 on duty days
 * (about 70 % by telephone), most days overrunning 30–90 minutes at the end of the last session.
 */
export function salariedDay(
	rng: Random,
	sessions: readonly Pick<PlanSessionInput, 'start' | 'end' | 'sessionType'>[],
	duty: boolean
): SessionFields[] {
	const dayContacts = duty ? rng.int(40, 55) : rng.int(22, 30);
	const overrun = rng.chance(0.8) ? rng.int(30, 90) : rng.int(0, 15);
	return sessions.map((session, index) => {
		const last = index === sessions.length - 1;
		const early = index === 0 && duty ? 30 : rng.int(0, 10);
		const extra = (last ? overrun : rng.int(0, 20)) + early;
		const length = STANDARD_SESSION_MINUTES + extra;
		const contacts = Math.round(dayContacts / sessions.length) + (last ? dayContacts % 2 : 0);
		const phone = Math.round(contacts * (duty ? 0.7 : 0.35));
		const video = duty ? rng.int(0, 2) : rng.int(0, 1);
		const visits = duty && last ? rng.int(1, 2) : 0;
		const admin = Math.min(length - 150, 60 + Math.round(extra * 0.6));
		const entry = blankSession(session.sessionType);
		return {
			...entry,
			start: addClockMinutes(session.start, -early),
			finish: addClockMinutes(session.end, extra - early),
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
			remoteOohMinutes: last && rng.chance(0.25) ? rng.int(20, 45) : 0,
			notes: duty && last && rng.chance(0.3) ? 'No cover for the second duty doctor.' : null
		};
	});
}

/** A locum's in-hours session at about £100 an hour, or now and then a whole day at about £780. */
export function locumSurgery(rng: Random): SessionFields {
	const fullDay = rng.chance(0.3);
	const entry = blankSession('surgery');
	const overrun = rng.int(0, 40);
	const length = (fullDay ? 560 : STANDARD_SESSION_MINUTES) + overrun;
	const contacts = fullDay ? rng.int(30, 36) : rng.int(15, 18);
	const phone = Math.round(contacts * 0.3);
	return {
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
		feeBasis: fullDay ? 'per_day' : 'per_session'
	};
}

/** A locum's out-of-hours evening from 18:30, often past midnight, paid by the hour. */
export function locumOutOfHours(rng: Random): SessionFields {
	const entry = blankSession('out_of_hours');
	const finish = rng.chance(0.6) ? '00:30' : '23:30';
	const length = finish === '00:30' ? 360 : 300;
	const contacts = rng.int(18, 26);
	const phone = Math.round(contacts * 0.6);
	return {
		...entry,
		start: '18:30',
		finish,
		breakMinutes: 20,
		activities: { ...entry.activities, consulting: length - 110, admin: 90 },
		contacts: {
			...entry.contacts,
			telephone: phone,
			face_to_face: contacts - phone - 1,
			home_visit: 1
		},
		feePence: rng.int(105, 120) * 100,
		feeBasis: 'per_hour'
	};
}
