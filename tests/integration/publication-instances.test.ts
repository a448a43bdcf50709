import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, hasBuild, ROOT } from '../../tools/build';
import { startPostgres, type StartedPostgres } from '../../tools/postgres';
import { startBuiltServer, type RunningServer } from '../../tools/server';
import { openDb, setupDatabase, type Db } from '../../src/lib/server/db/index';
import { addDoctors } from './rate-fixtures';

// Issue 16: two real server processes on one PostgreSQL database, their clocks pinned to a minute
// before a quarter falls due (1 February 2027: the quarter ending 31 December, lag one month) and
// left running. The quarter must come out without a restart or a click, and exactly once.
//
// Each server's pinned clock moves on with the real one, and its scheduler looks every minute, so
// this waits a minute or two of real time. The waits are for events (a look after midnight on both
// servers), capped only against a hang: nothing passes or fails on how long anything took.
// Nothing here reads the date, so it runs in the main run only (vite.config.ts, dateFree).
const PIN = '2027-01-31T23:59:20Z';
const DUE = Date.parse('2027-02-01T00:00:00Z');
const QUARTER = '2026-12-31';

interface Look {
	at: string;
	ran: string[];
}

/** The scheduler's looks for due jobs in a server's debug log (src/lib/server/jobs/index.ts). */
function looks(server: RunningServer): Look[] {
	return server
		.log()
		.split('\n')
		.filter((line) => line.includes('"looked for due jobs"'))
		.map((line) => JSON.parse(line) as Look);
}

async function waitFor(what: string, done: () => boolean | Promise<boolean>, capMs = 300_000) {
	const until = Date.now() + capMs;
	while (!(await done())) {
		if (Date.now() > until) throw new Error(`gave up waiting: ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 1_000));
	}
}

describe('publication with two instances running (PostgreSQL)', { timeout: 900_000 }, () => {
	const dataDir = mkdtempSync(join(tmpdir(), 'sessional-instances-'));
	let postgres: StartedPostgres;
	let db: Db;
	const servers: RunningServer[] = [];

	beforeAll(async () => {
		postgres = await startPostgres();
		db = await openDb({ kind: 'postgres', url: postgres.url });
		await setupDatabase(db);
		// Ten doctors' November 2026 reports: in the quarter ending 31 December, due 1 February.
		await addDoctors(db, 10, { prefix: 'instances', pounds: (i) => 85 + i, month: '2026-11' });

		// CI and `npm test` build before; a bare `vitest` on a fresh clone builds a copy of its own.
		const appDir = hasBuild(ROOT) ? ROOT : buildApp();
		const secret = randomBytes(32).toString('hex');
		for (const name of ['a', 'b']) {
			servers.push(
				await startBuiltServer({
					appDir,
					env: {
						// Not production: a production server refuses a pinned clock.
						NODE_ENV: 'test',
						DATABASE_URL: postgres.url,
						DATA_DIR: join(dataDir, name),
						SESSIONAL_TODAY: PIN,
						CONTRIBUTOR_KEY_SECRET: secret,
						SMTP_URL: '',
						JOBS: 'on',
						LOG_LEVEL: 'debug'
					}
				})
			);
		}
	});

	afterAll(async () => {
		for (const server of servers) await server.stop();
		await db?.destroy();
		await postgres?.stop();
		rmSync(dataDir, { recursive: true, force: true });
	});

	it('publishes the quarter once, on one of them, when their clocks pass midnight', async () => {
		// Before midnight nothing was due: the start-up runs published nothing.
		const before = await db.selectFrom('rate_snapshots').select('quarter_end').execute();
		expect(before).toEqual([]);

		// Both servers look at least once after midnight by their clocks; the quarter is out by then.
		await waitFor('a look after midnight on both servers', () =>
			servers.every((s) => looks(s).some((l) => Date.parse(l.at) >= DUE + 1_000))
		);

		const snapshots = await db.selectFrom('rate_snapshots').select('quarter_end').execute();
		expect(snapshots).toEqual([{ quarter_end: QUARTER }]);

		const publishing = await db
			.selectFrom('job_runs')
			.select(['detail', 'started_at'])
			.where('job', '=', 'publication')
			.where('detail', 'like', 'published%')
			.execute();
		expect(publishing.map((r) => r.detail)).toEqual([`published the quarter ending ${QUARTER}`]);
		expect(new Date(publishing[0].started_at).getTime()).toBeGreaterThanOrEqual(DUE);

		// Exactly one server ran it; the other looked after midnight and found it claimed.
		const ranIt = servers.map((s) =>
			looks(s).some((l) => Date.parse(l.at) >= DUE && l.ran.includes('publication'))
		);
		expect(ranIt.filter(Boolean)).toHaveLength(1);

		// The next run is due within the hour, not at the next quarter: the schedule moved on once.
		const [schedule] = await db
			.selectFrom('scheduled_jobs')
			.select('next_due_at')
			.where('name', '=', 'publication')
			.execute();
		const nextDue = new Date(schedule.next_due_at).getTime();
		expect(nextDue).toBeGreaterThan(DUE);
		expect(nextDue).toBeLessThanOrEqual(DUE + 62 * 60_000);

		// One audit entry for the publication, by the system.
		const audit = await db
			.selectFrom('audit_log')
			.select(['actor_label', 'details'])
			.where('action', '=', 'publication.run')
			.execute();
		expect(audit).toHaveLength(1);
		expect(audit[0].details).toEqual({ quarters: [QUARTER] });
	});
});
