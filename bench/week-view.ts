// Week view server time with 5 years of entries for one doctor among 10 000 doctors (issue 5).
// Run: npx tsx bench/week-view.ts            (in-memory PGlite)
//      BENCH_DATABASE_URL=postgres://… npx tsx bench/week-view.ts   (a PostgreSQL server; use an
//      empty database: the script creates its rows and leaves them)
import { sql } from 'kysely';
import { openDb, setupDatabase } from '../src/lib/server/db/index';
import { loadWeek } from '../src/lib/server/diary/week';
import { createJobPlan } from '../src/lib/server/diary/job-plans';
import { addDays } from '../src/lib/domain/calendar';
import { nearestRank, sortedTimes } from '../tools/stats';

const DOCTORS = 10_000;
const ENTRIES_PER_OTHER_DOCTOR = 60;
const RUNS = 200;
const TODAY = '2026-11-24';

const url = process.env.BENCH_DATABASE_URL;
const db = await openDb(url ? { kind: 'postgres', url } : { kind: 'pglite', dataDir: null });
await setupDatabase(db);

let started = performance.now();
await sql`
	insert into users (email, name, doctor_kind, password_hash)
	select 'bench' || i || '@example.org', 'Dr Bench ' || i, 'salaried', 'x'
	from generate_series(1, ${DOCTORS}) as i`.execute(db);
await sql`
	insert into workplaces (user_id, name, kind, nation, basis)
	select id, 'Practice', 'practice', 'ENG', 'salaried' from users`.execute(db);
// Every other doctor: 60 sessions spread over the last year.
await sql`
	insert into worked_sessions (user_id, workplace_id, date, session_type, start_time, finish_time,
		consulting_minutes, admin_minutes, contacts_face_to_face)
	select w.user_id, w.id, date '2026-11-23' - (n * 6), 'surgery', '08:30', '13:10', 200, 80, 18
	from workplaces w cross join generate_series(0, ${ENTRIES_PER_OTHER_DOCTOR - 1}) as n
	where w.user_id <> (select id from users where email = 'bench1@example.org')`.execute(db);

const target = await db
	.selectFrom('users')
	.innerJoin('workplaces', 'workplaces.user_id', 'users.id')
	.select(['users.id as userId', 'workplaces.id as workplaceId'])
	.where('users.email', '=', 'bench1@example.org')
	.executeTakeFirstOrThrow();
// The doctor measured: two sessions every weekday for five years, under two job plans.
await sql`
	insert into worked_sessions (user_id, workplace_id, date, session_type, start_time, finish_time,
		consulting_minutes, admin_minutes, contacts_face_to_face, contacts_telephone)
	select ${target.userId}, ${target.workplaceId}, d::date, 'surgery', s.start, s.finish, 190, 80, 14, 8
	from generate_series(date '2021-11-22', date '2026-11-23', interval '1 day') as d
	cross join (values ('08:30', '13:05'), ('14:00', '18:50')) as s(start, finish)
	where extract(isodow from d) <= 5`.execute(db);
const sessions = (weekdays: number[]) =>
	weekdays.flatMap((weekday) =>
		(['08:30', '14:00'] as const).map((start) => ({
			weekday: weekday as 1 | 2 | 3 | 4 | 5,
			start,
			end: start === '08:30' ? '12:40' : '18:10',
			sessionType: 'surgery' as const,
			activities: {
				consulting: 180,
				admin: 70,
				home_visits: 0,
				meetings: 0,
				teaching: 0,
				cpd: 0,
				other: 0
			}
		}))
	);
for (const [effectiveFrom, weekdays] of [
	['2021-11-01', [1, 2, 3, 4]],
	['2024-09-02', [1, 2, 4, 5]]
] as const) {
	await createJobPlan(db, target.userId, {
		workplaceId: target.workplaceId,
		effectiveFrom,
		fullTimeSalaryPence: 96_000_00,
		sessions: sessions([...weekdays])
	});
}
await sql`analyze`.execute(db);
const { n } = await db
	.selectFrom('worked_sessions')
	.select((eb) => eb.fn.countAll().as('n'))
	.executeTakeFirstOrThrow();
const mine = await db
	.selectFrom('worked_sessions')
	.select((eb) => eb.fn.countAll().as('n'))
	.where('user_id', '=', target.userId)
	.executeTakeFirstOrThrow();
console.log(
	`${url ? 'PostgreSQL' : 'PGlite'}: ${DOCTORS} doctors, ${Number(n)} entries (${Number(mine.n)} for the doctor measured); set up in ${Math.round(performance.now() - started)} ms`
);

// Warm up, then time the week view for weeks across the five years.
for (let i = 0; i < 20; i++) await loadWeek(db, target.userId, TODAY, TODAY);
const times: number[] = [];
for (let i = 0; i < RUNS; i++) {
	const date = addDays(TODAY, -7 * (i % 260));
	started = performance.now();
	await loadWeek(db, target.userId, date, TODAY);
	times.push(performance.now() - started);
}
const sorted = sortedTimes(times);
const at = (q: number) => nearestRank(sorted, q).toFixed(2);
console.log(
	`loadWeek over ${RUNS} runs: median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`
);
await db.destroy();
