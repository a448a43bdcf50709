import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { parse } from 'csv-parse/sync';
import { DATABASES, openTestDatabase, type TestDatabase } from './harness';
import { addDoctors, CORNWALL, DEVON, SETTINGS, TODAY } from './rate-fixtures';
import { createTestUser } from './factory';
import type { Db } from '../../src/lib/server/db/index';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { SYSTEM_ACTOR } from '../../src/lib/server/audit';
import { grantMembership } from '../../src/lib/server/membership';
import { publishDueSnapshots } from '../../src/lib/server/rates/publication';
import { readRateCells } from '../../src/lib/server/rates/read';
import { RATES_CSV_MEMBERS_ONLY } from '../../src/lib/server/rates/export';
import { allGeoUnits } from '../../src/lib/domain/geography';
import { RATE_CATEGORY_CODES } from '../../src/lib/domain/rate-units';
import { GET } from '../../src/routes/(public)/map/csv/+server';
import * as clock from '../../src/lib/server/clock';
import { addDays } from '../../src/lib/domain/calendar';
import { RATES_NOTICE_TEXT } from '../../src/lib/domain/rates-notice';

// The endpoint takes the process's database from getDb(); here it is the test's own database.
const connection = vi.hoisted(() => ({ db: null as Db | null }));
vi.mock('../../src/lib/server/db/connection', () => ({
	getDb: () => {
		if (!connection.db) throw new Error('No test database yet');
		return connection.db;
	},
	// No read replica: published figures are read on the same database (rates/published.ts).
	getReadReplica: () => null
}));

// On 24 Nov 2026 with a one-month lag the latest quarter ends 30 Sep 2026 (as in privacy.test.ts).

type Outcome =
	| { kind: 'response'; response: Response }
	| { kind: 'redirect'; location: string }
	| { kind: 'error'; status: number; message: string };

/** GET /map/csv as the given person; SvelteKit's thrown redirects and errors become values. */
async function download(user: SessionUser | null, query = ''): Promise<Outcome> {
	const url = new URL(`http://localhost/map/csv${query}`);
	const event = {
		url,
		locals: { user, session: null },
		request: new Request(url)
	} as unknown as Parameters<typeof GET>[0];
	try {
		return { kind: 'response', response: await GET(event) };
	} catch (thrown) {
		if (isRedirect(thrown)) return { kind: 'redirect', location: thrown.location };
		if (isHttpError(thrown))
			return { kind: 'error', status: thrown.status, message: thrown.body.message };
		throw thrown;
	}
}

async function csvOf(user: SessionUser, query = '') {
	const outcome = await download(user, query);
	if (outcome.kind !== 'response') throw new Error(`No file: ${JSON.stringify(outcome)}`);
	const text = await outcome.response.text();
	const [notice, header, ...data] = parse(text, { bom: true }) as string[][];
	const rows = data.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
	return { response: outcome.response, notice, header, rows };
}

describe.each(DATABASES)('the members’ CSV of published cells on %s', (name) => {
	let t: TestDatabase;
	let member: SessionUser;
	let doctor: SessionUser;
	const createUser = () => createTestUser(t.db, 'Export');

	beforeAll(async () => {
		t = await openTestDatabase(name);
		connection.db = t.db;
		member = await createUser();
		doctor = await createUser();
		const today = clock.today();
		await grantMembership(t.db, {
			userId: member.id,
			validFrom: addDays(today, -30),
			validUntil: addDays(today, 335),
			source: 'admin_grant'
		});
		// Devon: 24 doctors (published, with quartiles); Cornwall: 4 (suppressed).
		await addDoctors(t.db, 24, { prefix: 'devon', area: DEVON, pounds: (i) => 90 + i });
		await addDoctors(t.db, 4, { prefix: 'cornwall', area: CORNWALL, pounds: (i) => 150 + i });
		expect(await publishDueSnapshots(t.db, TODAY, SETTINGS, SYSTEM_ACTOR)).toMatchObject({
			status: 'done'
		});
	});
	afterAll(async () => {
		connection.db = null;
		await t?.close();
	});

	it('gives a member every kind of work, nation, region and health area as a named CSV file', async () => {
		const { response, notice, header, rows } = await csvOf(member);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(response.headers.get('content-disposition')).toBe(
			'attachment; filename="sessional-rates-2026-09-30.csv"'
		);
		expect(response.headers.get('cache-control')).toBe('private, no-store');
		expect(notice[0]).toContain(RATES_NOTICE_TEXT);
		expect(header).toContain('25th percentile £ per hour');
		expect(header).toContain('Median patient contacts per hour');
		expect(rows).toHaveLength(RATE_CATEGORY_CODES.length * allGeoUnits().length);
		expect(new Set(rows.map((r) => r['Kind of work code']))).toEqual(new Set(RATE_CATEGORY_CODES));
		expect(new Set(rows.map((r) => r.Level))).toEqual(new Set(['nation', 'region', 'health area']));
	});

	it('holds exactly the figures the map reader gives a member', async () => {
		const { rows } = await csvOf(member);
		const { cells } = (await readRateCells(t.db, 'in_hours_session', 'member'))!;
		const devonCell = cells.find((c) => c.geoCode === DEVON)!;
		expect(devonCell.status).toBe('published');
		if (devonCell.status !== 'published') return;
		const devon = rows.find(
			(r) => r['Kind of work code'] === 'in_hours_session' && r['Geography code'] === DEVON
		)!;
		expect(devon).toMatchObject({
			Status: 'published',
			Parent: 'South West',
			'Median £ per hour': String(devonCell.medianPerHour),
			'Median £ per 4 h 10 min session': String(devonCell.medianPerSession),
			'Doctors reporting (band)': devonCell.countBand.replace('-', '–'),
			'25th percentile £ per hour': String(devonCell.quartiles!.p25),
			'75th percentile £ per hour': String(devonCell.quartiles!.p75),
			'Quarter end': '2026-09-30',
			'Work from (month)': '2025-10',
			'Work to (month)': '2026-09'
		});
	});

	it('writes a suppressed area as "not enough reports" with no figure at all', async () => {
		const { rows } = await csvOf(member);
		const cornwall = rows.find(
			(r) => r['Kind of work code'] === 'in_hours_session' && r['Geography code'] === CORNWALL
		)!;
		expect(cornwall.Status).toBe('not enough reports');
		for (const column of [
			'Median £ per hour',
			'Median £ per 4 h 10 min session',
			'Doctors reporting (band)',
			'Confidence',
			'25th percentile £ per hour',
			'75th percentile £ per hour',
			'Median patient contacts per hour'
		]) {
			expect(cornwall[column], column).toBe('');
		}
		// Cornwall's doctors reported £150+ an hour; no such number is anywhere in the file.
		const text = await ((await download(member)) as { response: Response }).response.text();
		expect(text).not.toMatch(/\b15\d\b/);
	});

	it('gives one kind of work when asked, and refuses a kind that does not exist', async () => {
		const { response, rows } = await csvOf(member, '?category=remote');
		expect(response.headers.get('content-disposition')).toContain(
			'sessional-rates-2026-09-30-remote.csv'
		);
		expect(rows).toHaveLength(allGeoUnits().length);
		expect(rows.every((r) => r.Status === 'not enough reports')).toBe(true);
		expect(await download(member, '?category=nonsense')).toMatchObject({
			kind: 'error',
			status: 400
		});
	});

	it('refuses a signed-in non-member with how to join, and sends a visitor to sign in', async () => {
		expect(await download(doctor)).toEqual({
			kind: 'error',
			status: 403,
			message: RATES_CSV_MEMBERS_ONLY
		});
		expect(await download(doctor, '?category=nonsense')).toMatchObject({ status: 403 });
		expect(await download(null, '?category=remote')).toEqual({
			kind: 'redirect',
			location: `/login?redirectTo=${encodeURIComponent('/map/csv?category=remote')}`
		});
	});
});
