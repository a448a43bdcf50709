// Issue 13: the same date and seed give the same demo database, on any day the machine thinks it
// is. Two demos made "on different days" (the machine's clock faked to each) with the app's clock
// pinned to one date must publish the same figures and hold the same diaries; a different seed
// must not, or the comparison would prove nothing.
//
// PGlite only, whatever TEST_DATABASE_URL says: three whole demos take 20–50 s on this 2-core
// machine, and what is compared is the generator's output and the publication's arithmetic, which
// the rate tests already check on both databases.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import { openTestDatabase, type TestDatabase } from './harness';
import type { Db } from '../../src/lib/server/db/index';

const AS_OF = '2026-11-24';
const SECRET_A = 'demo-reproducible-secret-one-0123456789';
const SECRET_B = 'demo-reproducible-secret-two-0123456789';

interface Demo {
	t: TestDatabase;
	today: string;
}

/**
 * A demo database made with the machine's clock at `machineDay`, the app's pinned to AS_OF, and
 * contributor keys under `secret`. The app's modules are loaded afresh for each, so the secret
 * (read once per process) and the clock's pin are this demo's own.
 */
async function makeDemo(machineDay: string, seed: number, secret: string): Promise<Demo> {
	vi.setSystemTime(new Date(`${machineDay}T10:00:00Z`));
	vi.stubEnv('CONTRIBUTOR_KEY_SECRET', secret);
	vi.resetModules();
	const clock = await import('../../src/lib/server/clock');
	const { seedDemo } = await import('../../scripts/seed/index');
	clock.pinClock(AS_OF);
	// The machine's day really is another one: only the pin makes the two demos' dates agree.
	expect(new Date().toISOString().slice(0, 10)).toBe(machineDay);
	const t = await openTestDatabase('pglite');
	// No `today`: seedDemo takes it from the clock, as `npm run seed` does.
	const summary = await seedDemo(t.db, { seed });
	expect(summary).toMatchObject({ today: AS_OF, seed, accountsCreated: true, diarySeeded: true });
	return { t, today: summary.today };
}

/** Rows without the named columns, sorted, so ids, timestamps and insertion order cannot differ. */
function comparable(rows: Record<string, unknown>[], drop: string[]): string[] {
	return rows
		.map((row) =>
			JSON.stringify(Object.fromEntries(Object.entries(row).filter(([k]) => !drop.includes(k))))
		)
		.sort();
}

/** Every published snapshot and every cell of each, by quarter rather than by id. */
async function publishedFigures(db: Db) {
	const snapshots = await db.selectFrom('rate_snapshots').selectAll().execute();
	const cells = await db
		.selectFrom('rate_snapshot_cells as c')
		.innerJoin('rate_snapshots as s', 's.id', 'c.snapshot_id')
		.selectAll('c')
		.select('s.quarter_end')
		.execute();
	return {
		snapshots: comparable(snapshots, ['id', 'published_at']),
		cells: comparable(cells, ['snapshot_id'])
	};
}

/** The demo accounts' workplaces, job plans and worked sessions, by owner and workplace name. */
async function diary(db: Db) {
	const { rows: workplaces } = await sql<Record<string, unknown>>`
		select u.email as owner, w.* from workplaces w join users u on u.id = w.user_id
	`.execute(db);
	const { rows: plans } = await sql<Record<string, unknown>>`
		select w.name as workplace, p.*, s.*
		from job_plans p
		join workplaces w on w.id = p.workplace_id
		join job_plan_sessions s on s.job_plan_id = p.id
	`.execute(db);
	const { rows: sessions } = await sql<Record<string, unknown>>`
		select u.email as owner, w.name as workplace, e.*
		from worked_sessions e
		join users u on u.id = e.user_id
		join workplaces w on w.id = e.workplace_id
	`.execute(db);
	const ids = ['id', 'user_id', 'workplace_id', 'job_plan_id', 'created_at', 'updated_at'];
	return {
		workplaces: comparable(workplaces, ids),
		plans: comparable(plans, ids),
		sessions: comparable(sessions, ids)
	};
}

/** The submissions without their contributor keys (ids aside, everything else is generated). */
async function submissions(db: Db) {
	const rows = await db.selectFrom('rate_submissions').selectAll().execute();
	return comparable(rows, ['id', 'contributor_key']);
}

async function contributorKeys(db: Db): Promise<Set<string>> {
	const rows = await db.selectFrom('rate_submissions').select('contributor_key').execute();
	return new Set(rows.map((r) => r.contributor_key));
}

describe('the demo database', () => {
	let first: Demo;
	let second: Demo;
	let otherSeed: Demo;

	beforeAll(async () => {
		vi.useFakeTimers({ toFake: ['Date'] });
		first = await makeDemo('2026-12-03', 42, SECRET_A);
		second = await makeDemo('2029-07-15', 42, SECRET_B);
		otherSeed = await makeDemo('2026-12-03', 43, SECRET_A);
	}, 300_000);

	afterAll(async () => {
		vi.useRealTimers();
		vi.unstubAllEnvs();
		vi.resetModules();
		await Promise.all([first, second, otherSeed].map((demo) => demo?.t.close()));
	});

	it('made on different days with the same date and seed publishes the same figures', async () => {
		const [a, b] = await Promise.all([publishedFigures(first.t.db), publishedFigures(second.t.db)]);
		// Every quarter due by 24 Nov 2026 (lag one month): the last ends 30 Sep 2026.
		expect(a.snapshots.length).toBeGreaterThanOrEqual(8);
		expect(a.cells.some((c) => c.includes('"quarter_end":"2026-09-30"'))).toBe(true);
		expect(a.cells.some((c) => c.includes('"status":"published"'))).toBe(true);
		expect(b).toEqual(a);
	});

	it('holds the same diary', async () => {
		const [a, b] = await Promise.all([diary(first.t.db), diary(second.t.db)]);
		expect(a.workplaces).toHaveLength(3);
		expect(a.plans.length).toBeGreaterThan(0);
		expect(a.sessions.length).toBeGreaterThan(40);
		expect(b).toEqual(a);
	});

	it('does not depend on the contributor keys, which another secret changes', async () => {
		const [keysA, keysB] = await Promise.all([
			contributorKeys(first.t.db),
			contributorKeys(second.t.db)
		]);
		expect(keysA.size).toBeGreaterThan(100);
		expect(keysB.size).toBe(keysA.size);
		expect([...keysA].filter((key) => keysB.has(key))).toEqual([]);
		// Everything but the keys is the same, so the figures above cannot have come from the keys.
		expect(await submissions(second.t.db)).toEqual(await submissions(first.t.db));
	});

	it('from another seed publishes other figures and keeps another diary', async () => {
		const [a, c] = await Promise.all([
			publishedFigures(first.t.db),
			publishedFigures(otherSeed.t.db)
		]);
		expect(c.snapshots.length).toBe(a.snapshots.length);
		expect(c.cells).not.toEqual(a.cells);
		const [diaryA, diaryC] = await Promise.all([diary(first.t.db), diary(otherSeed.t.db)]);
		expect(diaryC.workplaces).toEqual(diaryA.workplaces);
		expect(diaryC.sessions).not.toEqual(diaryA.sessions);
	});
});
