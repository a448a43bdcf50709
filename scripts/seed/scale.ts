// National-scale data (issue 7): tens of thousands of doctor accounts, a million rate submissions
// and years of diaries, for the benchmarks and for trying the app at the size a national body would
// run it. Deterministic for a given seed and `today`; rows go in thousands at a time as arrays
// unnested on the server, the same statement on PGlite and pg.
import { createHash } from 'node:crypto';
import { sql, type Insertable } from 'kysely';
import type { Db } from '../../src/lib/server/db/index';
import { hashPassword } from '../../src/lib/server/auth/password';
import { AREAS, type AreaCode } from '../../data/geography';
import { isBankHoliday } from '../../src/lib/domain/bank-holidays';
import { contributorKey } from '../../src/lib/server/rates/contributor';
import { nationOfArea } from '../../src/lib/server/diary/workplaces';
import { seedRateSubmissions } from './rates';
import { createProgressBar } from './progress';
import { copyAllRows, Copier, type Columns } from './bulk-insert';
import {
	blankSession,
	locumOutOfHours,
	locumSurgery,
	plannedSessions,
	salariedDay,
	type SessionFields
} from './doctor-day';
import { Random, streamSeed } from './random';
import { addDays, weekdayOf, addMonths, type Weekday } from '../../src/lib/domain/calendar';
import type { SessionType } from '../../src/lib/domain/vocabulary';
import type { WorkedSessionTable } from '../../src/lib/server/db/tables/diary';
import { toRow } from '../../src/lib/server/diary/entries';

/** Every scale account shares this password (and one argon2 hash of it, made once per run). */
export const SCALE_PASSWORD = 'scale-doctor-pass';
export const SCALE_EMAIL_DOMAIN = 'scale.sessional.test';

/** The doctor whose diary spans all the years asked for: the benchmarks read this one's weeks. */
export function scaleDoctorEmail(index: number): string {
	return `gp${index + 1}@${SCALE_EMAIL_DOMAIN}`;
}

export interface ScaleOptions {
	today: string;
	doctors: number;
	submissions: number;
	/** Years of diary for the first doctor; the other diary keepers have up to as many. */
	diaryYears: number;
	/** How many doctors keep a diary (the first always does when diaryYears > 0). */
	diaryDoctors?: number;
	/** Share of doctors with a current membership. */
	memberShare?: number;
	/** The overall seed (seed/random.ts); DEFAULT_SEED by default. */
	seed?: number;
	/** Progress bars on stderr. */
	progress?: boolean;
}

export interface ScaleSummary {
	generated: boolean;
	doctors: number;
	members: number;
	submissions: number;
	diaryDoctors: number;
	diaryEntries: number;
	seconds: { users: number; submissions: number; diary: number };
}

// ---------------------------------------------------------------------------------------------
// Identities

/** A stable v4-shaped UUID per name, so PGlite and a server seeded alike hold the same ids. */
function stableUuid(name: string): string {
	const hex = createHash('sha256').update(name).digest('hex');
	const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const FIRST_NAMES = [
	'Aisha',
	'Ben',
	'Catherine',
	'David',
	'Eleanor',
	'Farah',
	'George',
	'Hannah',
	'Imran',
	'Jane',
	'Kwame',
	'Laura',
	'Mohammed',
	'Niamh',
	'Owen',
	'Priya',
	'Rhys',
	'Sarah',
	'Tom',
	'Zara'
];
const SURNAMES = [
	'Ahmed',
	'Brown',
	'Campbell',
	'Davies',
	'Evans',
	'Fraser',
	'Gupta',
	'Hughes',
	'Iqbal',
	'Jones',
	'Khan',
	'Lewis',
	'Morgan',
	'Nolan',
	"O'Neill",
	'Patel',
	'Roberts',
	'Singh',
	'Thomas',
	'Walker'
];

// ---------------------------------------------------------------------------------------------
// Users and memberships

const USER_COLUMNS: Columns = [
	['id', 'uuid'],
	['email', 'text'],
	['name', 'text'],
	['doctor_kind', 'text'],
	['password_hash', 'text'],
	['email_verified_at', 'timestamptz']
];

const MEMBERSHIP_COLUMNS: Columns = [
	['user_id', 'uuid'],
	['valid_from', 'date'],
	['valid_until', 'date'],
	['source', 'text'],
	['amount_pence', 'int4'],
	['reference', 'text']
];

interface ScaleDoctor {
	id: string;
	kind: 'salaried' | 'locum';
}

function scaleDoctors(count: number, seed: number): ScaleDoctor[] {
	const random = new Random(seed);
	return Array.from({ length: count }, (_, i) => ({
		id: stableUuid(`sessional-scale-${seed}-${i}`),
		// The first doctor is salaried: the diary benchmark reads a job-planned week.
		kind: i === 0 || random.chance(0.55) ? 'salaried' : 'locum'
	}));
}

// ---------------------------------------------------------------------------------------------
// Diaries

const WORKED_COLUMNS: Columns = [
	['user_id', 'uuid'],
	['workplace_id', 'uuid'],
	['date', 'date'],
	['session_type', 'text'],
	['start_time', 'text'],
	['finish_time', 'text'],
	['break_minutes', 'int4'],
	['consulting_minutes', 'int4'],
	['home_visits_minutes', 'int4'],
	['admin_minutes', 'int4'],
	['meetings_minutes', 'int4'],
	['teaching_minutes', 'int4'],
	['cpd_minutes', 'int4'],
	['other_minutes', 'int4'],
	['contacts_face_to_face', 'int4'],
	['contacts_telephone', 'int4'],
	['contacts_video', 'int4'],
	['contacts_online', 'int4'],
	['contacts_home_visit', 'int4'],
	['admin_results', 'int4'],
	['admin_letters', 'int4'],
	['admin_prescriptions', 'int4'],
	['admin_tasks_referrals', 'int4'],
	['remote_ooh_minutes', 'int4'],
	['notes', 'text'],
	['fee_pence', 'int4'],
	['fee_basis', 'text'],
	['fee_extras_pence', 'int4']
];

const WORKPLACE_COLUMNS: Columns = [
	['id', 'uuid'],
	['user_id', 'uuid'],
	['name', 'text'],
	['kind', 'text'],
	['area_code', 'text'],
	['nation', 'text'],
	['basis', 'text']
];
const PLAN_COLUMNS: Columns = [
	['id', 'uuid'],
	['workplace_id', 'uuid'],
	['effective_from', 'date'],
	['full_time_salary_pence', 'int4']
];
const PLAN_SESSION_COLUMNS: Columns = [
	['job_plan_id', 'uuid'],
	['weekday', 'int4'],
	['start_time', 'text'],
	['end_time', 'text'],
	['session_type', 'text'],
	['consulting_minutes', 'int4'],
	['admin_minutes', 'int4']
];

/** A worked_sessions row, as the app's createEntry would store it. */
type EntryRow = Insertable<WorkedSessionTable>;

function entryRow(
	userId: string,
	workplaceId: string,
	date: string,
	fields: SessionFields
): EntryRow {
	return toRow(userId, { date, workplaceId, ...fields });
}

function blankEntry(
	userId: string,
	workplaceId: string,
	date: string,
	type: SessionType
): EntryRow {
	return entryRow(userId, workplaceId, date, blankSession(type));
}

interface Workplace {
	id: string;
	user_id: string;
	name: string;
	kind: 'practice' | 'ooh_provider' | 'pcn_hub';
	area_code: string;
	nation: string;
	basis: 'salaried' | 'locum';
}

interface PlannedDay {
	weekday: Weekday;
	duty: boolean;
}

const AREA_CODES = AREAS.map((a) => a.code) as AreaCode[];

function workplaceIn(
	random: Random,
	id: string,
	userId: string,
	kind: Workplace['kind'],
	basis: Workplace['basis'],
	name: string
): Workplace {
	const area = random.pick(AREA_CODES);
	return {
		id,
		user_id: userId,
		name,
		kind,
		area_code: area,
		nation: nationOfArea(area) ?? 'ENG',
		basis
	};
}

const PLAN_PATTERNS: readonly (readonly PlannedDay[])[] = [
	[
		{ weekday: 1, duty: false },
		{ weekday: 2, duty: true },
		{ weekday: 4, duty: false }
	],
	[
		{ weekday: 1, duty: false },
		{ weekday: 2, duty: false },
		{ weekday: 3, duty: true },
		{ weekday: 4, duty: false }
	],
	[
		{ weekday: 2, duty: false },
		{ weekday: 3, duty: false },
		{ weekday: 5, duty: true }
	],
	[
		{ weekday: 1, duty: true },
		{ weekday: 2, duty: false },
		{ weekday: 4, duty: false },
		{ weekday: 5, duty: false }
	]
];

interface Diary {
	workplaces: Workplace[];
	plans: {
		id: string;
		workplace_id: string;
		effective_from: string;
		full_time_salary_pence: number;
		days: readonly PlannedDay[];
	}[];
	entries: (emit: (row: EntryRow) => Promise<void>) => Promise<void>;
}

/** One doctor's diary from `from` to the day before `today`. */
function diaryFor(
	doctor: ScaleDoctor,
	index: number,
	from: string,
	today: string,
	seed: number
): Diary {
	const random = new Random(seed * 7919 + index);
	const name = (i: number) => stableUuid(`sessional-scale-${seed}-${index}-${i}`);
	if (doctor.kind === 'salaried') {
		const place = workplaceIn(random, name(0), doctor.id, 'practice', 'salaried', 'Practice');
		const pattern = random.pick(PLAN_PATTERNS);
		const plans = [
			{
				id: name(1),
				workplace_id: place.id,
				effective_from: addDays(from, -28),
				full_time_salary_pence: random.int(88, 104) * 1000_00,
				days: pattern
			}
		];
		// A job plan that changes part-way through, as they do every year or two.
		if (addDays(from, 2 * 365) < today) {
			plans.push({
				...plans[0],
				id: name(2),
				effective_from: addDays(from, 365 + random.int(0, 300)),
				days: random.pick(PLAN_PATTERNS)
			});
		}
		return {
			workplaces: [place],
			plans,
			entries: async (emit) => {
				let leaveWeek = false;
				for (let date = from; date < today; date = addDays(date, 1)) {
					const weekday = weekdayOf(date);
					if (weekday === 1) leaveWeek = random.chance(6 / 52);
					const plan = plans.filter((p) => p.effective_from <= date).at(-1)!;
					const day = plan.days.find((d) => d.weekday === weekday);
					if (!day || random.chance(0.05)) continue;
					if (isBankHoliday(date, 'ENG'))
						await emit(blankEntry(doctor.id, place.id, date, 'bank_holiday'));
					else if (leaveWeek) await emit(blankEntry(doctor.id, place.id, date, 'annual_leave'));
					else if (random.chance(0.01)) await emit(blankEntry(doctor.id, place.id, date, 'sick'));
					else
						for (const fields of salariedDay(
							random,
							plannedSessions(day.weekday, day.duty),
							day.duty
						))
							await emit(entryRow(doctor.id, place.id, date, fields));
				}
			}
		};
	}
	const surgeries = [
		workplaceIn(random, name(0), doctor.id, 'practice', 'locum', 'Surgery A'),
		workplaceIn(random, name(1), doctor.id, 'practice', 'locum', 'Surgery B')
	];
	const ooh = workplaceIn(random, name(2), doctor.id, 'ooh_provider', 'locum', 'Out of hours');
	return {
		workplaces: [...surgeries, ooh],
		plans: [],
		entries: async (emit) => {
			for (let date = from; date < today; date = addDays(date, 1)) {
				const weekday = weekdayOf(date);
				if (isBankHoliday(date, 'ENG')) continue;
				if (weekday <= 5 && random.chance(0.6))
					await emit(entryRow(doctor.id, random.pick(surgeries).id, date, locumSurgery(random)));
				if (weekday === 5 || (weekday === 6 && random.chance(0.5)))
					await emit(entryRow(doctor.id, ooh.id, date, locumOutOfHours(random)));
			}
		}
	};
}

async function seedDiaries(
	db: Db,
	doctors: ScaleDoctor[],
	options: Required<Pick<ScaleOptions, 'today' | 'diaryYears' | 'seed'>> & {
		diaryDoctors: number;
		progress: boolean;
	}
) {
	const keepers = doctors.slice(0, options.diaryDoctors);
	const random = new Random(options.seed + 1);
	const days = Math.round(options.diaryYears * 365.25);
	// Rough size for the bar: salaried ~7 entries a week, locums ~5.
	const spans = keepers.map((_, i) => (i === 0 ? days : random.int(30, days)));
	const estimate = Math.round(spans.reduce((a, b) => a + b, 0) * 0.95);
	const bar = options.progress ? createProgressBar('diary', estimate) : null;
	const entries = new Copier(db, 'worked_sessions', WORKED_COLUMNS, (n) => bar?.update(n));
	const diaries = keepers.map((doctor, i) =>
		diaryFor(doctor, i, addDays(options.today, -spans[i]), options.today, options.seed)
	);
	// Workplaces and job plans first: the entries refer to them.
	const workplaces = diaries.flatMap((d) => d.workplaces);
	const plans = diaries.flatMap((d) => d.plans);
	const planSessions = plans.flatMap((plan) =>
		plan.days.flatMap((day) =>
			plannedSessions(day.weekday, day.duty).map((session) => ({
				job_plan_id: plan.id,
				weekday: session.weekday,
				start_time: session.start,
				end_time: session.end,
				session_type: session.sessionType,
				consulting_minutes: session.activities.consulting,
				admin_minutes: session.activities.admin
			}))
		)
	);
	await copyAllRows(db, 'workplaces', WORKPLACE_COLUMNS, workplaces);
	await copyAllRows(db, 'job_plans', PLAN_COLUMNS, plans);
	await copyAllRows(db, 'job_plan_sessions', PLAN_SESSION_COLUMNS, planSessions);
	for (const diary of diaries) await diary.entries((row) => entries.add(row));
	await entries.flush();
	bar?.finish(entries.written);
	return { diaryDoctors: keepers.length, diaryEntries: entries.written };
}

// ---------------------------------------------------------------------------------------------
// The whole population

/**
 * Doctor accounts (one argon2 hash shared by all), memberships for a share of them, their rate
 * submissions under their own contributor keys, and diaries. Skipped, returning generated: false,
 * when the scale accounts exist already.
 */
export async function seedScale(db: Db, options: ScaleOptions): Promise<ScaleSummary> {
	// The population's stream; the ids, diaries and memberships derive their own from it.
	const seed = streamSeed('scale', options.seed);
	const progress = options.progress ?? false;
	const diaryDoctors =
		options.diaryYears > 0 ? Math.min(options.doctors, options.diaryDoctors ?? 1000) : 0;
	const summary: ScaleSummary = {
		generated: false,
		doctors: options.doctors,
		members: 0,
		submissions: 0,
		diaryDoctors: 0,
		diaryEntries: 0,
		seconds: { users: 0, submissions: 0, diary: 0 }
	};
	const existing = await db
		.selectFrom('users')
		.select('id')
		.where('email', '=', scaleDoctorEmail(0))
		.executeTakeFirst();
	if (existing) return summary;
	summary.generated = true;

	let started = performance.now();
	const doctors = scaleDoctors(options.doctors, seed);
	const passwordHash = await hashPassword(SCALE_PASSWORD);
	const verifiedAt = new Date(`${options.today}T09:00:00Z`);
	const random = new Random(seed + 2);
	const userBar = progress ? createProgressBar('doctors', doctors.length) : null;
	const users = new Copier(db, 'users', USER_COLUMNS, (n) => userBar?.update(n));
	const members = new Copier(db, 'memberships', MEMBERSHIP_COLUMNS);
	for (const [i, doctor] of doctors.entries()) {
		await users.add({
			id: doctor.id,
			email: scaleDoctorEmail(i),
			name: `Dr ${random.pick(FIRST_NAMES)} ${random.pick(SURNAMES)}`,
			doctor_kind: doctor.kind,
			password_hash: passwordHash,
			email_verified_at: verifiedAt
		});
		// The first doctor is a member, so the benchmarks can read the member shape as them.
		if (i === 0 || random.chance(options.memberShare ?? 0.3)) {
			await members.add({
				user_id: doctor.id,
				valid_from: addMonths(options.today, -random.int(1, 11)),
				valid_until: addMonths(options.today, random.int(1, 12)),
				source: 'payment',
				amount_pence: 2600,
				reference: 'scale seed'
			});
		}
	}
	await users.flush();
	await members.flush();
	userBar?.finish(users.written);
	summary.members = members.written;
	summary.seconds.users = (performance.now() - started) / 1000;

	started = performance.now();
	const rateBar = progress ? createProgressBar('submissions', options.submissions) : null;
	summary.submissions = await seedRateSubmissions(db, {
		today: options.today,
		contributorKeys: doctors.map((d) => contributorKey(d.id)),
		submissions: options.submissions,
		seed: options.seed,
		stream: 'scale',
		onProgress: (n) => rateBar?.update(n)
	});
	rateBar?.finish(summary.submissions);
	summary.seconds.submissions = (performance.now() - started) / 1000;

	started = performance.now();
	if (diaryDoctors > 0) {
		Object.assign(
			summary,
			await seedDiaries(db, doctors, {
				today: options.today,
				diaryYears: options.diaryYears,
				seed,
				diaryDoctors,
				progress
			})
		);
	}
	summary.seconds.diary = (performance.now() - started) / 1000;
	// Fresh statistics, so the planner sees the tables at their new size straight away.
	await sql`analyze`.execute(db);
	return summary;
}

export function describeScale(summary: ScaleSummary): string {
	const n = (value: number) => value.toLocaleString('en-GB');
	if (!summary.generated) return 'Scale data: already present; left as it is.';
	const s = summary.seconds;
	return (
		`Scale data: ${n(summary.doctors)} doctors (${n(summary.members)} members, password ${SCALE_PASSWORD}) in ${s.users.toFixed(1)} s; ` +
		`${n(summary.submissions)} rate submissions in ${s.submissions.toFixed(1)} s; ` +
		`${n(summary.diaryEntries)} diary entries for ${n(summary.diaryDoctors)} doctors in ${s.diary.toFixed(1)} s.`
	);
}
