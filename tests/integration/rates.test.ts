import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DATABASES, openTestDatabase, type TestDatabase } from './harness';
import { createTestUser } from './factory';
import {
	addDoctors as addRateDoctors,
	CORNWALL,
	DEVON,
	IN_HOURS,
	IN_WINDOW,
	SETTINGS,
	submissionInput,
	TODAY,
	type Doctors
} from './rate-fixtures';
import { deleteAccount } from '../../src/lib/server/auth/accounts';
import { SYSTEM_ACTOR } from '../../src/lib/server/audit';
import { contributorKey } from '../../src/lib/server/rates/contributor';
import { currentSnapshot } from '../../src/lib/server/rates/cache';
import { decideSubmission, listHeldSubmissions } from '../../src/lib/server/rates/moderation';
import { isPublicationRunning, publishDueSnapshots } from '../../src/lib/server/rates/publication';
import { latestSnapshot, readRateCells } from '../../src/lib/server/rates/read';
import {
	deleteOwnSubmission,
	findOwnSubmission,
	listOwnSubmissions,
	MAX_SUBMISSIONS_PER_MONTH,
	saveSubmission
} from '../../src/lib/server/rates/submissions';
import { insertSubmissionRows, seedDemoRates, submissionRow } from '../../scripts/seed/rates';
import type { AreaCode } from '../../src/lib/domain/geography';
import { RATE_CATEGORY_CODES, type RateCategory } from '../../src/lib/domain/rate-units';
import * as clock from '../../src/lib/server/clock';
import { addMonths } from '../../src/lib/domain/calendar';
import { positionAgainst } from '../../src/lib/domain/rate-position';
import type { MemberCell, PublicCell, SnapshotInfo } from '../../src/lib/domain/published-cell';

const SOUTH_WEST_AREAS: AreaCode[] = [DEVON, CORNWALL, 'E54000038', 'E54000041', 'E54000043'];
const SOUTH_WEST = 'TLK';
const ENGLAND = 'E92000001';
const SUPPRESSED_KEYS = ['geoCode', 'level', 'name', 'parentCode', 'status'];

describe.each(DATABASES)('locum rates on %s', (name) => {
	let t: TestDatabase;
	beforeAll(async () => {
		t = await openTestDatabase(name);
	});
	afterAll(async () => t?.close());

	// Each case starts from no submissions and no snapshots; users and the audit log may pile up.
	beforeEach(async () => {
		await t.db.deleteFrom('rate_snapshots').execute();
		await t.db.deleteFrom('rate_submissions').execute();
	});

	const createUser = async () => (await createTestUser(t.db, 'Rates')).id;
	const addDoctors = (n: number, d: Doctors) => addRateDoctors(t.db, n, d);
	const input = submissionInput;

	const publish = (today = TODAY) => publishDueSnapshots(t.db, today, SETTINGS, SYSTEM_ACTOR);

	async function memberCells(category: RateCategory = IN_HOURS, snapshot?: SnapshotInfo) {
		const result = await readRateCells(t.db, category, 'member', snapshot);
		if (!result) throw new Error(`No category ${category}`);
		return result.cells;
	}

	async function publicCells(category: RateCategory = IN_HOURS) {
		const result = await readRateCells(t.db, category, 'public');
		if (!result) throw new Error(`No category ${category}`);
		return result.cells;
	}

	function find<C extends PublicCell | MemberCell>(cells: C[], geoCode: string): C {
		const cell = cells.find((c) => c.geoCode === geoCode);
		if (!cell) throw new Error(`No cell for ${geoCode}`);
		return cell;
	}

	async function snapshotFor(quarterEnd: string): Promise<SnapshotInfo> {
		const row = await t.db
			.selectFrom('rate_snapshots')
			.selectAll()
			.where('quarter_end', '=', quarterEnd)
			.executeTakeFirstOrThrow();
		return {
			id: row.id,
			quarterEnd: row.quarter_end,
			windowFrom: row.window_from,
			windowTo: row.window_to,
			publishedAt: new Date(row.published_at).toISOString()
		};
	}

	async function countSnapshots(): Promise<number> {
		const { n } = await t.db
			.selectFrom('rate_snapshots')
			.select((eb) => eb.fn.countAll().as('n'))
			.executeTakeFirstOrThrow();
		return Number(n);
	}

	function expectSuppressed(cell: PublicCell | MemberCell) {
		expect(cell.status).toBe('suppressed');
		expect(Object.keys(cell).sort()).toEqual(SUPPRESSED_KEYS);
		expect(Object.values(cell).some((v) => typeof v === 'number')).toBe(false);
	}

	/** Every key of a value, at any depth (cells hold quartiles and trend points). */
	function allKeys(value: unknown): string[] {
		if (Array.isArray(value)) return value.flatMap(allKeys);
		if (value && typeof value === 'object') {
			return Object.entries(value).flatMap(([k, v]) => [k, ...allKeys(v)]);
		}
		return [];
	}

	describe('suppression and detail thresholds', () => {
		it('suppresses a cell of 9 doctors in both shapes, with no number at all', async () => {
			await addDoctors(9, { prefix: 'nine', pounds: (i) => 85 + i });
			expect(await publish()).toMatchObject({ status: 'done' });

			const member = await memberCells();
			for (const code of [DEVON, SOUTH_WEST, ENGLAND]) expectSuppressed(find(member, code));
			const visitor = await publicCells();
			for (const code of [SOUTH_WEST, ENGLAND]) expectSuppressed(find(visitor, code));
		});

		it('publishes 10 doctors with medians and a low-confidence band but no quartiles', async () => {
			// £85 … £94: the median is £89.50, shown as £90; per session 89.5 × 250/60 = £372.92 → £375.
			await addDoctors(10, { prefix: 'ten', pounds: (i) => 85 + i });
			await publish();

			const devon = find(await memberCells(), DEVON);
			expect(devon).toMatchObject({
				status: 'published',
				medianPerHour: 90,
				medianPerSession: 375,
				countBand: '10-19',
				confidence: 'low',
				quartiles: null,
				contactsPerHour: null
			});
			const region = find(await publicCells(), SOUTH_WEST);
			expect(region).toEqual({
				geoCode: SOUTH_WEST,
				level: 'region',
				name: 'South West',
				parentCode: ENGLAND,
				status: 'published',
				medianPerHour: 90,
				medianPerSession: 375,
				countBand: '10-19',
				confidence: 'low'
			});
		});

		it('adds quartiles and contacts per hour from 20 doctors', async () => {
			// £80 … £99: p25 at rank 4.75 = £84.75 → £85, p75 at rank 14.25 = £94.25 → £94.
			await addDoctors(20, { prefix: 'twenty', pounds: (i) => 80 + i });
			await publish();

			const devon = find(await memberCells(), DEVON);
			expect(devon).toMatchObject({
				status: 'published',
				medianPerHour: 90,
				countBand: '20-49',
				confidence: 'medium',
				quartiles: { p25: 85, p75: 94 },
				contactsPerHour: 3.5
			});
		});

		it('counts a doctor with many submissions in a cell once', async () => {
			// Ten months of reports from one doctor, all inside the window, plus eight other doctors.
			const months = Array.from({ length: 10 }, (_, i) => addMonths('2025-11-01', i).slice(0, 7));
			await insertSubmissionRows(
				t.db,
				months.map((workMonth) =>
					submissionRow({
						contributorKey: contributorKey('prolific'),
						category: IN_HOURS,
						workMonth,
						areaCode: DEVON,
						amountPence: 90_00,
						basis: 'per_hour',
						hoursWorked: 4
					})
				)
			);
			await addDoctors(8, { prefix: 'others', pounds: (i) => 86 + i });
			await publish();

			const member = await memberCells();
			for (const code of [DEVON, SOUTH_WEST, ENGLAND]) expectSuppressed(find(member, code));
		});
	});

	describe('what each audience can see', () => {
		beforeEach(async () => {
			// Two quarters of 25 doctors in Devon and 12 in Cornwall, so there are quartiles, cells
			// without them, and trend points in the member shape.
			await addDoctors(25, { prefix: 'devon', pounds: (i) => 80 + i, month: '2026-05' });
			await addDoctors(25, { prefix: 'devon', pounds: (i) => 82 + i, month: '2026-08' });
			await addDoctors(12, { prefix: 'cornwall', pounds: (i) => 95 + i, area: CORNWALL });
			await publish();
		});

		it('gives the public no area cells and no member-only figures', async () => {
			for (const category of RATE_CATEGORY_CODES) {
				const cells = await publicCells(category);
				expect(cells.length).toBeGreaterThan(0);
				expect(cells.some((c) => (c.level as string) === 'area')).toBe(false);
				const json = JSON.stringify(cells);
				for (const word of ['quartiles', 'p25', 'p75', 'trend', 'contactsPerHour']) {
					expect(json).not.toContain(word);
				}
			}
			// The member shape of the same snapshot does have them, so the test above is not vacuous.
			const member = await memberCells();
			expect(member.some((c) => c.level === 'area')).toBe(true);
			expect(find(member, DEVON)).toMatchObject({ quartiles: { p25: expect.any(Number) } });
			expect(find(member, DEVON)).toMatchObject({ trend: [{}, {}] });
		});

		it('exposes no minimum, maximum or exact count in any cell of either shape', async () => {
			for (const category of RATE_CATEGORY_CODES) {
				const keys = [
					...allKeys(await publicCells(category)),
					...allKeys(await memberCells(category))
				];
				const leaky = keys.filter((k) => k !== 'countBand' && /min|max|count$/i.test(k));
				expect(leaky).toEqual([]);
			}
		});

		it('places a rate against published quartiles, and nowhere without them', async () => {
			const cells = await memberCells();
			const devon = find(cells, DEVON);
			if (devon.status !== 'published') throw new Error('Devon should be published');
			const { p25, p75 } = devon.quartiles!;
			expect(p25).toBeLessThan(devon.medianPerHour);
			expect(positionAgainst((p25 - 1) * 100, devon)).toBe('below_p25');
			expect(positionAgainst(p25 * 100, devon)).toBe('p25_to_median');
			expect(positionAgainst(devon.medianPerHour * 100, devon)).toBe('median_to_p75');
			expect(positionAgainst(p75 * 100, devon)).toBe('median_to_p75');
			expect(positionAgainst(p75 * 100 + 1, devon)).toBe('above_p75');

			const cornwall = find(cells, CORNWALL);
			if (cornwall.status !== 'published') throw new Error('Cornwall should be published');
			expect(cornwall.quartiles).toBeNull();
			expect(positionAgainst(100_00, cornwall)).toBeNull();
		});
	});

	describe('publication', () => {
		it('changes no published figure until the next quarter is due', async () => {
			await addDoctors(12, { prefix: 'first', pounds: (i) => 85 + i });
			const first = await publish();
			expect(first).toEqual({
				status: 'done',
				published: [expect.objectContaining({ quarterEnd: '2026-09-30' })]
			});
			const before = await memberCells();

			// Late reports for a month inside the published window, at a very different rate.
			await addDoctors(12, { prefix: 'late', pounds: () => 150 });
			expect(await publish()).toEqual({ status: 'done', published: [] });
			expect(await countSnapshots()).toBe(1);
			expect(await memberCells()).toEqual(before);
			const mapSees = await currentSnapshot(t.db);
			expect(mapSees?.quarterEnd).toBe('2026-09-30');

			// The quarter to 31 December is due from 1 February with a one-month lag, not before.
			expect(await publish('2027-01-31')).toEqual({ status: 'done', published: [] });
			expect(await publish('2027-02-01')).toMatchObject({
				status: 'done',
				published: [{ quarterEnd: '2026-12-31' }]
			});
			expect(await countSnapshots()).toBe(2);
			// The map endpoint's kept "latest snapshot" is dropped by the publication itself.
			expect((await currentSnapshot(t.db))?.quarterEnd).toBe('2026-12-31');
			const after = find(await memberCells(), DEVON);
			expect(after).toMatchObject({ status: 'published', countBand: '20-49' });
			expect((after as { medianPerHour: number }).medianPerHour).toBeGreaterThan(
				(find(before, DEVON) as { medianPerHour: number }).medianPerHour
			);
			// The earlier snapshot is kept as it was: it is the trend history.
			expect(await memberCells(IN_HOURS, await snapshotFor('2026-09-30'))).toEqual(before);
		});

		it('backfills every due quarter in one run, and publishes nothing on a second run', async () => {
			// Two years of work, 2024-10 to 2026-09: twelve doctors reporting every third month.
			const months = Array.from({ length: 24 }, (_, i) => addMonths('2024-10-01', i).slice(0, 7));
			for (const [m, month] of months.entries()) {
				await addDoctors(12, { prefix: `backfill-${m % 3}`, pounds: (i) => 85 + i, month });
			}
			const run = await publish();
			expect(run.status).toBe('done');
			expect(run.status === 'done' && run.published.map((p) => p.quarterEnd)).toEqual([
				'2024-12-31',
				'2025-03-31',
				'2025-06-30',
				'2025-09-30',
				'2025-12-31',
				'2026-03-31',
				'2026-06-30',
				'2026-09-30'
			]);
			expect(await publish()).toEqual({ status: 'done', published: [] });
			expect(await countSnapshots()).toBe(8);
			const latest = await latestSnapshot(t.db);
			expect(latest).toMatchObject({
				quarterEnd: '2026-09-30',
				windowFrom: '2025-10',
				windowTo: '2026-09'
			});
		});

		it('counts only work inside the rolling twelve months ending with the quarter', async () => {
			await addDoctors(10, { prefix: 'inside', pounds: () => 90, month: '2026-08' });
			// A month before the window and a month after the quarter: neither belongs to it.
			await addDoctors(10, { prefix: 'before', pounds: () => 200, month: '2025-09' });
			await addDoctors(5, { prefix: 'after', pounds: () => 200, month: '2026-10' });
			await publish();

			expect(find(await memberCells(), DEVON)).toMatchObject({
				status: 'published',
				medianPerHour: 90,
				countBand: '10-19'
			});
			// The quarter to 30 September 2025 (window 2024-10 to 2025-09) has only the earlier doctors.
			const older = await memberCells(IN_HOURS, await snapshotFor('2025-09-30'));
			expect(find(older, DEVON)).toMatchObject({ medianPerHour: 200, countBand: '10-19' });
		});

		// Needs two connections at once, which only a server has; CI always provides one.
		const onServer = name === 'postgres' ? it : () => undefined;
		onServer('reports busy while another session holds the publication lock', async () => {
			await addDoctors(10, { prefix: 'locked', pounds: (i) => 85 + i });
			await t.db.transaction().execute(async (trx) => {
				await sql`select pg_advisory_xact_lock(7340211)`.execute(trx);
				// t.db takes another connection from the pool: a second instance, in effect.
				expect(await publishDueSnapshots(t.db, TODAY, SETTINGS, SYSTEM_ACTOR)).toEqual({
					status: 'busy'
				});
				expect(await isPublicationRunning(t.db)).toBe(true);
			});
			expect(await countSnapshots()).toBe(0);
			expect(await publish()).toMatchObject({ status: 'done', published: [{}] });
		});
	});

	describe('moderation', () => {
		it('leaves a rate beyond the soft bounds out until an admin approves it', async () => {
			await addDoctors(9, { prefix: 'group', pounds: (i) => 85 + i });
			const userId = await createUser();
			const saved = await saveSubmission(t.db, userId, input({ amountPence: 260_00 }));
			expect(saved).toMatchObject({ ok: true, status: 'held' });
			if (!saved.ok) throw new Error('not saved');
			const row = await t.db
				.selectFrom('rate_submissions')
				.select(['status', 'moderation_reason'])
				.where('id', '=', saved.id)
				.executeTakeFirstOrThrow();
			expect(row).toEqual({ status: 'held', moderation_reason: 'above_soft_bound' });

			// The moderation queue shows the values, never who sent them.
			const queue = await listHeldSubmissions(t.db);
			expect(queue.map((q) => q.id)).toEqual([saved.id]);
			expect(JSON.stringify(queue)).not.toContain(contributorKey(userId));

			await publish();
			expectSuppressed(find(await memberCells(), DEVON));

			expect(await decideSubmission(t.db, SYSTEM_ACTOR, saved.id, 'approve')).toBe(true);
			// Approval changes nothing published; the next quarter counts the doctor.
			expectSuppressed(find(await memberCells(), DEVON));
			await publish('2027-02-01');
			expect(find(await memberCells(), DEVON)).toMatchObject({
				status: 'published',
				countBand: '10-19'
			});
		});

		it('holds a robust outlier against its category and region, and accepts a usual rate', async () => {
			// Twelve doctors at £86–£97 an hour: median £91.50, median absolute deviation £3.
			await addDoctors(12, { prefix: 'duty', pounds: (i) => 86 + i, category: 'duty_doctor' });
			const duty = { category: 'duty_doctor' as const, areaCode: CORNWALL };
			const high = await saveSubmission(
				t.db,
				await createUser(),
				input({ ...duty, amountPence: 240_00 })
			);
			expect(high).toMatchObject({ ok: true, status: 'held' });
			const usual = await saveSubmission(
				t.db,
				await createUser(),
				input({ ...duty, amountPence: 95_00 })
			);
			expect(usual).toMatchObject({ ok: true, status: 'accepted' });
			const reasons = await t.db
				.selectFrom('rate_submissions')
				.select('moderation_reason')
				.where('status', '=', 'held')
				.execute();
			expect(reasons).toEqual([{ moderation_reason: 'outlier' }]);
		});
	});

	describe('saving submissions', () => {
		// The monthly limit counts rows by their created_at, which the database sets from its own
		// clock, so these cases pass the real date rather than TODAY.
		const today = clock.today();
		const workMonth = addMonths(today, -1).slice(0, 7);

		async function rowsOf(userId: string) {
			return t.db
				.selectFrom('rate_submissions')
				.selectAll()
				.where('contributor_key', '=', contributorKey(userId))
				.execute();
		}

		it('updates the first submission when a second one is for the same cell and month', async () => {
			const userId = await createUser();
			const first = await saveSubmission(t.db, userId, input({ workMonth }));
			expect(first).toMatchObject({ ok: true, replaced: false });
			const second = await saveSubmission(
				t.db,
				userId,
				input({ workMonth, amountPence: 380_00, basis: 'per_session', hoursWorked: 4.25 })
			);
			expect(second).toMatchObject({ ok: true, replaced: true });
			expect(first.ok && second.ok && second.id === first.id).toBe(true);

			const rows = await rowsOf(userId);
			expect(rows).toHaveLength(1);
			expect(rows[0]).toMatchObject({
				amount_pence: 380_00,
				basis: 'per_session',
				pence_per_hour: 8941,
				session_equivalent_pence: 37254
			});
		});

		it(`refuses the ${MAX_SUBMISSIONS_PER_MONTH + 1}st new submission in a month, but still allows edits`, async () => {
			const userId = await createUser();
			const cells = RATE_CATEGORY_CODES.flatMap((category) =>
				SOUTH_WEST_AREAS.map((areaCode) => ({
					category,
					areaCode
				}))
			);
			for (const cell of cells.slice(0, MAX_SUBMISSIONS_PER_MONTH)) {
				const result = await saveSubmission(t.db, userId, input({ workMonth, ...cell }));
				expect(result).toMatchObject({ ok: true });
			}
			const refused = await saveSubmission(
				t.db,
				userId,
				input({ workMonth, ...cells[MAX_SUBMISSIONS_PER_MONTH] })
			);
			expect(refused).toEqual({
				ok: false,
				errors: { form: expect.stringContaining(`${MAX_SUBMISSIONS_PER_MONTH} rates this month`) }
			});
			expect(await rowsOf(userId)).toHaveLength(MAX_SUBMISSIONS_PER_MONTH);

			const edit = await saveSubmission(
				t.db,
				userId,
				input({ workMonth, ...cells[0], amountPence: 99_00 })
			);
			expect(edit).toMatchObject({ ok: true, replaced: true });
		});

		it('refuses £5 an hour and 20 hours with messages for those fields, storing nothing', async () => {
			const userId = await createUser();
			const cheap = await saveSubmission(t.db, userId, input({ workMonth, amountPence: 5_00 }));
			expect(cheap).toEqual({ ok: false, errors: { amount: expect.stringContaining('£30') } });
			const long = await saveSubmission(t.db, userId, input({ workMonth, hoursWorked: 20 }));
			expect(long).toEqual({
				ok: false,
				errors: { hoursWorked: expect.stringContaining('between 1 and 14') }
			});
			expect(await rowsOf(userId)).toHaveLength(0);
		});

		it("keeps one doctor's submissions from another, and holds no user id", async () => {
			const owner = await createUser();
			const other = await createUser();
			const saved = await saveSubmission(t.db, owner, input({ workMonth }));
			if (!saved.ok) throw new Error('not saved');

			expect(await findOwnSubmission(t.db, other, saved.id)).toBeUndefined();
			expect(await listOwnSubmissions(t.db, other)).toEqual([]);
			expect(await deleteOwnSubmission(t.db, other, saved.id)).toBe(false);
			const edit = await saveSubmission(
				t.db,
				other,
				input({ workMonth, amountPence: 200_00 }),
				saved.id
			);
			expect(edit).toMatchObject({ ok: false, errors: { form: expect.any(String) } });

			expect(await findOwnSubmission(t.db, owner, saved.id)).toMatchObject({
				id: saved.id,
				amountPence: 90_00
			});
			const [row] = await rowsOf(owner);
			expect(row.amount_pence).toBe(90_00);
			const values = Object.values(row).map((v) =>
				v instanceof Date ? v.toISOString() : String(v)
			);
			expect(values.some((v) => v.includes(owner))).toBe(false);
			expect(Object.keys(row).some((k) => /user/i.test(k))).toBe(false);

			expect(await deleteOwnSubmission(t.db, owner, saved.id)).toBe(true);
			expect(await findOwnSubmission(t.db, owner, saved.id)).toBeUndefined();
		});

		it("deleting an account deletes the doctor's submissions but no published figure", async () => {
			const userId = await createUser();
			for (const month of ['2026-06', '2026-07', IN_WINDOW]) {
				const result = await saveSubmission(t.db, userId, input({ workMonth: month }));
				expect(result).toMatchObject({ ok: true, status: 'accepted' });
			}
			await addDoctors(10, { prefix: 'colleague', pounds: (i) => 85 + i });
			await publish();
			const before = await memberCells();
			expect(find(before, DEVON)).toMatchObject({ status: 'published', countBand: '10-19' });

			await deleteAccount(t.db, userId);
			expect(await rowsOf(userId)).toHaveLength(0);
			const user = await t.db.selectFrom('users').select('id').where('id', '=', userId).execute();
			expect(user).toEqual([]);
			expect(await memberCells()).toEqual(before);
		});
	});

	it('seeds demo rates that show every kind of cell at every level, with trends', async () => {
		const summary = await seedDemoRates(t.db, TODAY);
		expect(summary).toMatchObject({ generated: true, latest: { quarterEnd: '2026-09-30' } });
		expect(summary.submissions).toBeGreaterThan(2000);
		expect(summary.held).toBeGreaterThan(0);
		expect(summary.snapshots).toBeGreaterThanOrEqual(8);

		const kinds = (cells: MemberCell[]) => ({
			quartiles: cells.filter((c) => c.status === 'published' && c.quartiles !== null).length,
			noQuartiles: cells.filter((c) => c.status === 'published' && c.quartiles === null).length,
			suppressed: cells.filter((c) => c.status === 'suppressed').length
		});
		const all: MemberCell[] = [];
		for (const category of RATE_CATEGORY_CODES) all.push(...(await memberCells(category)));
		for (const level of ['region', 'area'] as const) {
			const tally = kinds(all.filter((c) => c.level === level));
			expect(tally.quartiles, level).toBeGreaterThan(0);
			expect(tally.noQuartiles, level).toBeGreaterThan(0);
			expect(tally.suppressed, level).toBeGreaterThan(0);
		}
		const nations = all.filter((c) => c.level === 'nation' && c.status === 'published');
		expect(new Set(nations.map((c) => c.geoCode)).size).toBeGreaterThanOrEqual(2);
		const longestTrend = Math.max(
			...all.map((c) => (c.status === 'published' ? c.trend.length : 0))
		);
		expect(longestTrend).toBeGreaterThanOrEqual(4);

		// A second run (every `npm start`) generates nothing and publishes nothing new.
		const again = await seedDemoRates(t.db, TODAY);
		expect(again).toMatchObject({
			generated: false,
			submissions: summary.submissions,
			snapshots: summary.snapshots
		});
	});
});
