import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrimaryAndReplica, type StartedPrimaryAndReplica } from '../../tools/postgres';
import {
	addDoctors,
	CORNWALL,
	DEVON,
	IN_HOURS,
	SETTINGS,
	submissionInput,
	TODAY
} from './rate-fixtures';
import { createTestUser } from './factory';
import type { Db } from '../../src/lib/server/db/index';
import { getDb, getReadReplica, startDb, stopDb } from '../../src/lib/server/db/connection';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { SYSTEM_ACTOR } from '../../src/lib/server/audit';
import { forgetCurrentSnapshot } from '../../src/lib/server/rates/cache';
import { buildRatesCsv, readPublishedRates } from '../../src/lib/server/rates/export';
import { publishDueSnapshots } from '../../src/lib/server/rates/publication';
import {
	currentPublishedSnapshot,
	readPublished,
	type PublishedSource
} from '../../src/lib/server/rates/published';
import { latestSnapshot, listRateCategories, readRateCells } from '../../src/lib/server/rates/read';
import { listOwnSubmissions, saveSubmission } from '../../src/lib/server/rates/submissions';
import { RATE_CATEGORY_CODES } from '../../src/lib/domain/rate-units';
import type { SnapshotInfo } from '../../src/lib/domain/published-cell';
import { GET as getRatesCsv } from '../../src/routes/(public)/map/csv/+server';
import { GET as getRatesJson } from '../../src/routes/api/rates/[category]/+server';
import { load as loadMap } from '../../src/routes/(public)/map/+page.server';
import { load as loadCompare } from '../../src/routes/(public)/map/compare/+page.server';

// Issue 17: published figures read on a PostgreSQL streaming replica (DATABASE_READ_URL), through
// the process's own connection module (startDb with a read URL), on a real primary and replica
// made by pg_basebackup (tools/postgres.ts). Waits are for events (the replica's replay reaching
// the primary's WAL position, a read answered by the replica), capped only against a hang.
// Publication takes explicit days, so nothing here reads the date (vite.config.ts, dateFree).

// On 24 Nov 2026 (TODAY) with a one-month lag the latest quarter ends 30 Sep 2026; the next one
// (to 31 Dec 2026) is due from 1 Feb 2027. The doctors' August 2026 reports are in both windows.
const FIRST_QUARTER = '2026-09-30';
const NEXT_QUARTER = '2026-12-31';
const NEXT_QUARTER_DUE = '2027-02-15';
const SOUTH_WEST = 'TLK';

/** A read of published figures, with the database that answered it. */
async function routed<T>(read: (db: Db, snapshot: SnapshotInfo | null) => Promise<T>) {
	const snapshot = await currentPublishedSnapshot();
	const sources: PublishedSource[] = [];
	const answer = await readPublished(
		snapshot,
		(db) => read(db, snapshot),
		undefined,
		(s) => sources.push(s)
	);
	return { answer, source: sources.at(-1), snapshot };
}

async function waitFor(what: string, done: () => Promise<boolean>, capMs = 120_000) {
	const started = performance.now();
	while (!(await done())) {
		if (performance.now() - started > capMs) throw new Error(`gave up waiting: ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

const pageEvent = (path: string, user: SessionUser | null) =>
	({ url: new URL(`http://localhost${path}`), locals: { user, session: null } }) as never;

/** The rates a /map page load hands its page. */
async function mapRates(category: string, user: SessionUser | null) {
	const data = await loadMap(pageEvent(`/map?category=${category}`, user));
	if (!data) throw new Error('The map page gave no data');
	return data.rates;
}

async function csvText(user: SessionUser): Promise<string> {
	const url = new URL('http://localhost/map/csv');
	const event = { url, locals: { user, session: null }, request: new Request(url) } as never;
	return (await getRatesCsv(event)).text();
}

async function ratesJson(category: string, user: SessionUser | null) {
	const event = {
		params: { category },
		locals: { user, session: null },
		request: new Request(`http://localhost/api/rates/${category}`)
	} as never;
	const response = await getRatesJson(event);
	return { status: response.status, body: JSON.parse(await response.text()) };
}

/** What the primary alone says: the figures every routed read must equal. */
async function onPrimary(category: string, audience: 'public' | 'member') {
	const primary = getDb();
	const snapshot = await latestSnapshot(primary);
	return audience === 'member'
		? readRateCells(primary, category, 'member', snapshot)
		: readRateCells(primary, category, 'public', snapshot);
}

describe('published figures on a read replica (PostgreSQL)', { timeout: 300_000 }, () => {
	let pair: StartedPrimaryAndReplica;
	let replica: Db;
	let member: SessionUser;

	beforeAll(async () => {
		pair = await startPrimaryAndReplica();
		// As the server starts: the primary migrated (setupDatabase), the replica opened beside it.
		const primary = await startDb({ kind: 'postgres', url: pair.url }, pair.replica.url);
		replica = getReadReplica()!;
		member = await createTestUser(primary, 'Replica', { role: 'admin' });
		// Devon: 25 doctors, a cell with quartiles; Cornwall: 4, suppressed.
		await addDoctors(primary, 25, { prefix: 'devon', pounds: (i) => 78 + i, area: DEVON });
		await addDoctors(primary, 4, { prefix: 'cornwall', pounds: (i) => 95 + i, area: CORNWALL });
		await publishDueSnapshots(primary, TODAY, SETTINGS, SYSTEM_ACTOR);
		await pair.waitForReplica();
	});

	afterAll(async () => {
		await stopDb();
		await pair?.stop();
	});

	it('is a real, read-only replica: a write sent there fails with 25006', async () => {
		expect(replica).not.toBe(getDb());
		const { rows } = await sql<{ standby: boolean }>`select pg_is_in_recovery() as standby`.execute(
			replica
		);
		expect(rows[0].standby).toBe(true);
		await expect(replica.deleteFrom('rate_snapshots').execute()).rejects.toMatchObject({
			code: '25006'
		});
	});

	it('answers the same figures through the replica as the primary', async () => {
		for (const category of RATE_CATEGORY_CODES) {
			for (const audience of ['public', 'member'] as const) {
				const { answer, source } = await routed((db, snapshot) =>
					audience === 'member'
						? readRateCells(db, category, 'member', snapshot)
						: readRateCells(db, category, 'public', snapshot)
				);
				expect(source).toBe('replica');
				expect(answer).toEqual(await onPrimary(category, audience));
			}
		}
		const devon = (await onPrimary(IN_HOURS, 'member'))!.cells.find((c) => c.geoCode === DEVON);
		expect(devon).toMatchObject({ status: 'published', quartiles: expect.anything() });

		// The pages and endpoints read through it: the same figures as the primary's.
		expect(await mapRates(IN_HOURS, null)).toEqual({
			audience: 'public',
			...(await onPrimary(IN_HOURS, 'public'))
		});
		expect(await mapRates(IN_HOURS, member)).toEqual({
			audience: 'member',
			...(await onPrimary(IN_HOURS, 'member'))
		});
		const compare = await loadCompare(
			pageEvent(`/map/compare?place=${SOUTH_WEST}&place=${DEVON}&category=${IN_HOURS}`, member)
		);
		const memberCells = (await onPrimary(IN_HOURS, 'member'))!.cells;
		expect(compare).toMatchObject({
			member: true,
			columns: [
				{
					category: IN_HOURS,
					cells: [SOUTH_WEST, DEVON].map((code) => memberCells.find((c) => c.geoCode === code))
				}
			]
		});
		const json = await ratesJson(IN_HOURS, null);
		expect(json.status).toBe(200);
		expect(json.body).toEqual(
			JSON.parse(JSON.stringify({ audience: 'public', ...(await onPrimary(IN_HOURS, 'public')) }))
		);
		const codes = (await listRateCategories(getDb())).map((c) => c.code);
		expect(await csvText(member)).toBe(
			buildRatesCsv((await readPublishedRates(getDb(), codes))!, { bom: false })
		);
	});

	it('reads a quarter just published on the primary until the replica has replayed it', async () => {
		// Replay stops where it is; the primary goes on and publishes the next quarter.
		await sql`select pg_wal_replay_pause()`.execute(replica);
		const run = await publishDueSnapshots(getDb(), NEXT_QUARTER_DUE, SETTINGS, SYSTEM_ACTOR);
		expect(run).toMatchObject({ status: 'done', published: [{ quarterEnd: NEXT_QUARTER }] });
		forgetCurrentSnapshot(replica);
		expect((await latestSnapshot(replica))?.quarterEnd).toBe(FIRST_QUARTER);

		const { answer, source, snapshot } = await routed((db, snapshot) =>
			readRateCells(db, IN_HOURS, 'member', snapshot)
		);
		expect(snapshot?.quarterEnd).toBe(NEXT_QUARTER);
		expect(source).toBe('primary');
		expect(answer).toEqual(await onPrimary(IN_HOURS, 'member'));
		// A page shows the new quarter whole: its snapshot and its cells from one database.
		const rates = await mapRates(IN_HOURS, member);
		expect(rates.snapshot?.quarterEnd).toBe(NEXT_QUARTER);
		expect(rates).toEqual({ audience: 'member', ...(await onPrimary(IN_HOURS, 'member')) });

		await sql`select pg_wal_replay_resume()`.execute(replica);
		await pair.waitForReplica();
		// The replica's own lookup is kept a second; forgotten here rather than waited out.
		forgetCurrentSnapshot(replica);
		const after = await routed((db, snapshot) => readRateCells(db, IN_HOURS, 'member', snapshot));
		expect(after.source).toBe('replica');
		expect(after.answer).toEqual(answer);
	});

	it('falls back to the primary while the replica is down, with the same figures', async () => {
		await pair.replica.pause();
		forgetCurrentSnapshot(replica);
		for (const audience of ['public', 'member'] as const) {
			const { answer, source } = await routed((db, snapshot) =>
				audience === 'member'
					? readRateCells(db, IN_HOURS, 'member', snapshot)
					: readRateCells(db, IN_HOURS, 'public', snapshot)
			);
			expect(source).toBe('primary');
			expect(answer).toEqual(await onPrimary(IN_HOURS, audience));
		}
		// Pages and endpoints answer as before, not with a 503. (The CSV is read afresh every time.)
		const codes = (await listRateCategories(getDb())).map((c) => c.code);
		expect(await csvText(member)).toBe(
			buildRatesCsv((await readPublishedRates(getDb(), codes))!, { bom: false })
		);
		const other = RATE_CATEGORY_CODES.find((c) => c !== IN_HOURS)!;
		expect(await mapRates(other, member)).toEqual({
			audience: 'member',
			...(await onPrimary(other, 'member'))
		});
		expect((await ratesJson(other, null)).status).toBe(200);

		// Back up: once it has replayed what it missed, reads go there again.
		await pair.replica.resume();
		await pair.waitForReplica();
		let last: Awaited<ReturnType<typeof routed>> | undefined;
		await waitFor('a read answered by the replica again', async () => {
			last = await routed((db, snapshot) => readRateCells(db, IN_HOURS, 'member', snapshot));
			return last.source === 'replica';
		});
		expect(last!.answer).toEqual(await onPrimary(IN_HOURS, 'member'));
	});

	it('sends every write to the primary while reads go to the replica', async () => {
		expect((await routed((db) => listRateCategories(db))).source).toBe('replica');
		// A doctor's submission and a new account: writes through getDb(), as every action does.
		// Sent to the replica they would fail with 25006 (above); here they succeed.
		const doctor = await createTestUser(getDb(), 'Replica writer');
		const saved = await saveSubmission(getDb(), doctor.id, submissionInput());
		expect(saved).toMatchObject({ ok: true });
		expect(await listOwnSubmissions(getDb(), doctor.id)).toHaveLength(1);
		expect((await routed((db) => listRateCategories(db))).source).toBe('replica');
	});
});
