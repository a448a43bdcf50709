import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DATABASES, openTestDatabase, type TestDatabase } from './harness';
import { createTestUser } from './factory';
import {
	addDoctors as addRateDoctors,
	CORNWALL,
	DEVON,
	IN_HOURS,
	SETTINGS,
	submissionInput,
	TODAY,
	type Doctors
} from './rate-fixtures';
import type { Db } from '../../src/lib/server/db/index';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { SYSTEM_ACTOR } from '../../src/lib/server/audit';
import { grantMembership } from '../../src/lib/server/membership';
import { revokeMembership } from '../../src/lib/server/membership/admin';
import { rateAudienceFor } from '../../src/lib/server/rates/audience';
import { contributorKey } from '../../src/lib/server/rates/contributor';
import { forgetCurrentSnapshot } from '../../src/lib/server/rates/cache';
import { publishDueSnapshots } from '../../src/lib/server/rates/publication';
import { latestSnapshot, readRateCells, type RateAudience } from '../../src/lib/server/rates/read';
import { deleteOwnSubmission, saveSubmission } from '../../src/lib/server/rates/submissions';
import { insertSubmissionRows, submissionRow } from '../../scripts/seed/rates';
import type { AreaCode } from '../../src/lib/domain/geography';
import { RATE_CATEGORY_CODES, type RateCategory } from '../../src/lib/domain/rate-units';
import { GET } from '../../src/routes/api/rates/[category]/+server';
import { load as loadMap } from '../../src/routes/(public)/map/+page.server';
import { load as loadCompare } from '../../src/routes/(public)/map/compare/+page.server';
import * as clock from '../../src/lib/server/clock';
import { addDays, addMonths } from '../../src/lib/domain/calendar';
import type { MemberCell, PublicCell, RateCells } from '../../src/lib/domain/published-cell';

// The map endpoint and the map pages take the process's database from getDb(); here it is the
// test's own real database (PGlite, or a server), so what they send is what a browser would get.
const connection = vi.hoisted(() => ({ db: null as Db | null }));
vi.mock('../../src/lib/server/db/connection', () => ({
	getDb: () => {
		if (!connection.db) throw new Error('No test database yet');
		return connection.db;
	},
	// No read replica: published figures are read on the same database (rates/published.ts).
	getReadReplica: () => null
}));

// Publication takes an explicit day: on 24 Nov 2026 with a one-month lag the latest quarter ends
// 30 Sep 2026, window 2025-10 to 2026-09; the next one (to 31 Dec) is due from 1 Feb 2027.
const NEXT_QUARTER_DUE = '2027-02-01';
const NORTH_CENTRAL_LONDON: AreaCode = 'E54000028';
const SOUTH_WEST = 'TLK';
const LONDON = 'TLI';
const ENGLAND = 'E92000001';
const SUPPRESSED_KEYS = ['geoCode', 'level', 'name', 'parentCode', 'status'];
const MEMBER_ONLY_WORDS = ['quartiles', 'p25', 'p75', 'contactsPerHour', 'trend'];

type Cell = PublicCell | MemberCell;
type Body = RateCells<Cell> & { audience: RateAudience };

interface Answer {
	status: number;
	etag: string | null;
	body: string;
}

/** Every key of a value, at any depth. */
function allKeys(value: unknown): string[] {
	if (Array.isArray(value)) return value.flatMap(allKeys);
	if (value && typeof value === 'object') {
		return Object.entries(value).flatMap(([k, v]) => [k, ...allKeys(v)]);
	}
	return [];
}

/** Keys that would give a count or an extreme away: n, count, min, max, total, sum. */
function leakyKeys(value: unknown): string[] {
	return allKeys(value).filter(
		(k) => k !== 'countBand' && (/^n$/i.test(k) || /count|min|max|total|sum/i.test(k))
	);
}

function parse(body: string): Body {
	return JSON.parse(body) as Body;
}

function cellOf(body: string, geoCode: string): Cell {
	const cell = parse(body).cells.find((c) => c.geoCode === geoCode);
	if (!cell) throw new Error(`No cell for ${geoCode}`);
	return cell;
}

/** The bytes one cell takes in an answer (key order is kept by JSON.parse and stringify). */
function cellBytes(body: string, geoCode: string): string {
	const bytes = JSON.stringify(cellOf(body, geoCode));
	expect(body).toContain(bytes);
	return bytes;
}

/**
 * A suppressed cell as sent: its codes, name, level and the word "suppressed", and not one digit
 * anywhere else (no median, band, count, quartile, trend point or rounded figure of any kind).
 */
function expectBlank(body: string, geoCode: string) {
	const cell = cellOf(body, geoCode);
	expect(cell.status, geoCode).toBe('suppressed');
	expect(Object.keys(cell).sort(), geoCode).toEqual(SUPPRESSED_KEYS);
	cellBytes(body, geoCode);
	const withoutCodes = JSON.stringify({ ...cell, geoCode: 'code', parentCode: 'code' });
	expect(withoutCodes, geoCode).not.toMatch(/\d/);
}

/** Two publication runs give different snapshot ids and times; everything else must match. */
function withoutRunIdentity(body: string): string {
	const parsed = parse(body);
	if (parsed.snapshot) parsed.snapshot = { ...parsed.snapshot, id: 0, publishedAt: '' };
	return JSON.stringify(parsed);
}

describe.each(DATABASES)('privacy of published rates on %s', (name) => {
	let t: TestDatabase;
	let member: SessionUser;

	beforeAll(async () => {
		t = await openTestDatabase(name);
		connection.db = t.db;
		member = await createUser();
		const today = clock.today();
		await grantMembership(t.db, {
			userId: member.id,
			validFrom: addDays(today, -30),
			validUntil: addDays(today, 335),
			source: 'admin_grant'
		});
	});
	afterAll(async () => {
		connection.db = null;
		await t?.close();
	});

	// Each case starts from no submissions and no snapshots; users and memberships pile up.
	beforeEach(async () => {
		await t.db.deleteFrom('rate_snapshots').execute();
		await t.db.deleteFrom('rate_submissions').execute();
	});

	const createUser = (role?: SessionUser['role']) => createTestUser(t.db, 'Privacy', { role });
	const addDoctors = (n: number, d: Doctors) => addRateDoctors(t.db, n, d);
	const input = submissionInput;

	const publish = (today = TODAY) => publishDueSnapshots(t.db, today, SETTINGS, SYSTEM_ACTOR);

	/**
	 * GET /api/rates/[category] as a browser sends it. The endpoint keeps the latest snapshot for a
	 * second; forgetting it first makes every request look it up again, as one a second later (or
	 * on another instance) would.
	 */
	async function request(
		category: string,
		user: SessionUser | null,
		ifNoneMatch?: string
	): Promise<Answer> {
		forgetCurrentSnapshot(t.db);
		const headers = new Headers(ifNoneMatch ? { 'if-none-match': ifNoneMatch } : {});
		const event = {
			params: { category },
			locals: { user, session: null },
			request: new Request(`http://localhost/api/rates/${category}`, { headers })
		} as unknown as Parameters<typeof GET>[0];
		const response = await GET(event);
		return {
			status: response.status,
			etag: response.headers.get('etag'),
			body: await response.text()
		};
	}

	const viewer = (audience: RateAudience) => (audience === 'member' ? member : null);

	/** Every category's answer for a visitor and a member, keyed 'audience|category'. */
	async function allAnswers(): Promise<Map<string, Answer>> {
		const answers = new Map<string, Answer>();
		for (const audience of ['public', 'member'] as const) {
			for (const category of RATE_CATEGORY_CODES) {
				const answer = await request(category, viewer(audience));
				expect(answer.status).toBe(200);
				expect(parse(answer.body).audience).toBe(audience);
				answers.set(`${audience}|${category}`, answer);
			}
		}
		return answers;
	}

	/**
	 * The same answer built afresh from the database, past the endpoint's per-snapshot cache: a
	 * change in the stored snapshot would show here even while this process keeps the old bytes.
	 */
	async function freshBody(category: RateCategory, audience: RateAudience): Promise<string> {
		const snapshot = await latestSnapshot(t.db);
		const data =
			audience === 'member'
				? await readRateCells(t.db, category, 'member', snapshot)
				: await readRateCells(t.db, category, 'public', snapshot);
		return JSON.stringify({ audience, ...data });
	}

	/** Starts from an empty table, adds the doctors, publishes, and returns what is sent. */
	async function scenario(setup: () => Promise<void>): Promise<Map<string, string>> {
		await t.db.deleteFrom('rate_snapshots').execute();
		await t.db.deleteFrom('rate_submissions').execute();
		await setup();
		expect(await publish()).toMatchObject({ status: 'done' });
		expect((await latestSnapshot(t.db))?.quarterEnd).toBe('2026-09-30');
		const answers = await allAnswers();
		return new Map([...answers].map(([key, a]) => [key, withoutRunIdentity(a.body)]));
	}

	describe('a cell just under the threshold', () => {
		it('sends no number of any kind for 9 doctors with 108 submissions, nor for their region', async () => {
			// Nine doctors, each reporting six months in Devon and six in Cornwall.
			const months = Array.from({ length: 6 }, (_, m) => addMonths('2026-01-01', m).slice(0, 7));
			const rows = Array.from({ length: 9 }, (_, i) =>
				months.flatMap((workMonth, m) =>
					[DEVON, CORNWALL].map((areaCode) =>
						submissionRow({
							contributorKey: contributorKey(`busy-${i}`),
							category: IN_HOURS,
							workMonth,
							areaCode,
							amountPence: (85 + i + m) * 100,
							basis: 'per_hour',
							hoursWorked: 4,
							bookedContacts: 14
						})
					)
				)
			).flat();
			expect(rows).toHaveLength(108);
			await insertSubmissionRows(t.db, rows);
			expect(await publish()).toMatchObject({ status: 'done' });

			const answers = await allAnswers();
			for (const [key, answer] of answers) {
				const cells = parse(answer.body).cells;
				expect(cells.length, key).toBeGreaterThan(0);
				// Every cell of every category, area cells included for members, is blank.
				for (const cell of cells) expectBlank(answer.body, cell.geoCode);
			}
			const memberBody = answers.get(`member|${IN_HOURS}`)!.body;
			for (const code of [DEVON, CORNWALL, SOUTH_WEST, ENGLAND]) expectBlank(memberBody, code);
		});

		it('sends the same bytes for 9 doctors as for 9 plus a tenth whose only rate is held or outside the window', async () => {
			const nine = () => addDoctors(9, { prefix: 'nine', pounds: (i) => 85 + i });
			const baseline = await scenario(nine);
			for (const code of [DEVON, SOUTH_WEST, ENGLAND]) {
				expectBlank(baseline.get(`member|${IN_HOURS}`)!, code);
			}

			const held = await scenario(async () => {
				await nine();
				const saved = await saveSubmission(
					t.db,
					(await createUser()).id,
					input({ amountPence: 260_00 })
				);
				expect(saved).toMatchObject({ ok: true, status: 'held' });
			});
			const beforeWindow = await scenario(async () => {
				await nine();
				await addDoctors(1, { prefix: 'early', pounds: () => 90, month: '2025-09' });
			});
			const afterQuarter = await scenario(async () => {
				await nine();
				await addDoctors(1, { prefix: 'late', pounds: () => 90, month: '2026-10', area: CORNWALL });
			});
			for (const variant of [held, beforeWindow, afterQuarter]) {
				expect([...variant]).toEqual([...baseline]);
			}

			// The comparison does see a tenth doctor who counts: in Cornwall, the two areas stay blank
			// and their region (ten doctors) and nation are published, with a band.
			const tenth = await scenario(async () => {
				await nine();
				await addDoctors(1, { prefix: 'tenth', pounds: () => 90, area: CORNWALL });
			});
			expect(tenth.get(`member|${IN_HOURS}`)).not.toBe(baseline.get(`member|${IN_HOURS}`));
			for (const audience of ['public', 'member'] as const) {
				const body = tenth.get(`${audience}|${IN_HOURS}`)!;
				for (const code of [SOUTH_WEST, ENGLAND]) {
					expect(cellOf(body, code)).toMatchObject({
						status: 'published',
						medianPerHour: 90,
						countBand: '10-19',
						confidence: 'low'
					});
				}
			}
			const memberBody = tenth.get(`member|${IN_HOURS}`)!;
			for (const code of [DEVON, CORNWALL]) expectBlank(memberBody, code);
		});
	});

	describe('subtraction between a region and its areas', () => {
		// South West: Devon publishes (12 doctors, £85–£96), Cornwall is suppressed (a few doctors).
		// London (12 doctors, £100–£111) is another region of the same nation.
		async function southWest(cornwall: number[], devon: (i: number) => number = (i) => 85 + i) {
			return scenario(async () => {
				await addDoctors(12, { prefix: 'devon', pounds: devon });
				await addDoctors(12, {
					prefix: 'london',
					pounds: (i) => 100 + i,
					area: NORTH_CENTRAL_LONDON
				});
				await addDoctors(cornwall.length, {
					prefix: 'cornwall',
					pounds: (i) => cornwall[i],
					area: CORNWALL
				});
			});
		}
		const five = (pounds: number) => Array.from({ length: 5 }, () => pounds);

		it('leaves every cell that does not contain the suppressed area byte-identical whether its doctors charge £60 or £200 an hour', async () => {
			const cheap = await southWest(five(60));
			const dear = await southWest(five(200));
			const containing = new Set([CORNWALL, SOUTH_WEST, ENGLAND]);
			for (const [key, body] of cheap) {
				const other = dear.get(key)!;
				const codes = parse(body).cells.map((c) => c.geoCode);
				expect(parse(other).cells.map((c) => c.geoCode)).toEqual(codes);
				for (const code of codes.filter((c) => !containing.has(c))) {
					expect(cellBytes(other, code), `${key} ${code}`).toBe(cellBytes(body, code));
				}
				if (key.startsWith('member|')) {
					expectBlank(body, CORNWALL);
					expectBlank(other, CORNWALL);
				}
			}
			// Devon and London are published in both, so the byte comparison above compared figures.
			expect(cellOf(cheap.get(`member|${IN_HOURS}`)!, DEVON)).toMatchObject({
				status: 'published',
				medianPerHour: 91
			});
			expect(cellOf(cheap.get(`public|${IN_HOURS}`)!, LONDON)).toMatchObject({
				status: 'published',
				medianPerHour: 106
			});
			// The cells that contain Cornwall do move: the next case shows by how much, and what of it.
			expect(cellBytes(dear.get(`public|${IN_HOURS}`)!, SOUTH_WEST)).not.toBe(
				cellBytes(cheap.get(`public|${IN_HOURS}`)!, SOUTH_WEST)
			);
		});

		it('lets a region’s median say only on which side of the other doctors a suppressed area’s doctors lie, never their rate', async () => {
			// Seventeen doctors in the South West: the median is the ninth. Five Cornish doctors below
			// everyone in Devon make it Devon's fourth (£88); above everyone, Devon's ninth (£93).
			// How far below or above cannot be read: £60, £70 and £84 send the same bytes, and so do
			// £150, £200 and £240 (for England too, whose 29 doctors also give quartiles).
			const sides = { below: [60, 70, 84], above: [150, 200, 240] };
			const seen: Record<keyof typeof sides, Set<string>> = { below: new Set(), above: new Set() };
			for (const side of ['below', 'above'] as const) {
				for (const pounds of sides[side]) {
					const answers = await southWest(five(pounds));
					const containing = [SOUTH_WEST, ENGLAND].flatMap((code) =>
						(['public', 'member'] as const).map((a) =>
							cellBytes(answers.get(`${a}|${IN_HOURS}`)!, code)
						)
					);
					seen[side].add(JSON.stringify(containing));
					expect(cellOf(answers.get(`public|${IN_HOURS}`)!, SOUTH_WEST)).toMatchObject({
						medianPerHour: side === 'below' ? 88 : 93,
						countBand: '10-19'
					});
				}
			}
			expect(seen.below.size).toBe(1);
			expect(seen.above.size).toBe(1);
		});

		it('publishes count bands, never counts: 1, 4 or 7 doctors in the suppressed area give the same bands everywhere', async () => {
			const bandsOf = (answers: Map<string, string>) =>
				[...answers].map(([key, body]) => [
					key,
					parse(body).cells.map((c) =>
						c.status === 'published'
							? [c.geoCode, c.countBand, c.confidence, 'quartiles' in c && c.quartiles !== null]
							: [c.geoCode]
					)
				]);
			const runs = [];
			for (const n of [1, 4, 7]) runs.push(await southWest(Array.from({ length: n }, () => 70)));
			expect(bandsOf(runs[1])).toEqual(bandsOf(runs[0]));
			expect(bandsOf(runs[2])).toEqual(bandsOf(runs[0]));

			for (const answers of runs) {
				const memberBody = answers.get(`member|${IN_HOURS}`)!;
				// 12 in Devon, 13–19 in the South West: one band, so a band subtracted from a band is 0–9.
				expect(cellOf(memberBody, DEVON)).toMatchObject({ countBand: '10-19' });
				expect(cellOf(memberBody, SOUTH_WEST)).toMatchObject({ countBand: '10-19' });
				expect(cellOf(memberBody, ENGLAND)).toMatchObject({ countBand: '20-49' });
				for (const [key, body] of answers) {
					const parsed = parse(body);
					expect(leakyKeys(parsed), key).toEqual([]);
					for (const cell of parsed.cells) {
						if (cell.status === 'published') {
							expect(['10-19', '20-49', '50+']).toContain(cell.countBand);
						}
					}
				}
			}
		});

		it('sends identical bytes for 1 or 7 suppressed doctors below a round figure the other doctors all report', async () => {
			// Rates cluster on round figures: all of Devon at £90 and all of London at £100. Then the
			// South West and England medians and quartiles fall inside those blocks whatever the
			// number (up to 7) and rates (below £90) of the Cornish doctors.
			const flat = (cornwall: number[]) =>
				scenario(async () => {
					await addDoctors(12, { prefix: 'devon', pounds: () => 90 });
					await addDoctors(12, {
						prefix: 'london',
						pounds: () => 100,
						area: NORTH_CENTRAL_LONDON
					});
					await addDoctors(cornwall.length, {
						prefix: 'cornwall',
						pounds: (i) => cornwall[i],
						area: CORNWALL
					});
				});
			const one = await flat([60]);
			const seven = await flat([55, 60, 65, 70, 75, 80, 85]);
			expect([...seven]).toEqual([...one]);
			expect(cellOf(one.get(`member|${IN_HOURS}`)!, ENGLAND)).toMatchObject({
				status: 'published',
				medianPerHour: 90,
				quartiles: { p25: 90, p75: 100 }
			});
			// …and the comparison notices a change that is published: an eighth doctor in Cornwall
			// takes the South West to 20 doctors and a new band.
			const eight = await flat([55, 60, 65, 70, 75, 80, 85, 85]);
			expect(cellOf(eight.get(`public|${IN_HOURS}`)!, SOUTH_WEST)).toMatchObject({
				countBand: '20-49'
			});
			expect(eight.get(`public|${IN_HOURS}`)).not.toBe(one.get(`public|${IN_HOURS}`));
		});
	});

	describe('repeated requests around a new submission', () => {
		it('sends the same bytes and ETag for every category to both audiences until the next quarter is published', async () => {
			// Devon: nine doctors plus A, who reports through the form (ten: published). Cornwall: nine.
			await addDoctors(9, { prefix: 'devon', pounds: (i) => 85 + i });
			await addDoctors(9, { prefix: 'cornwall', pounds: (i) => 95 + i, area: CORNWALL });
			const a = await createUser();
			const b = await createUser();
			const savedA = await saveSubmission(t.db, a.id, input({ amountPence: 90_00 }));
			expect(savedA).toMatchObject({ ok: true, status: 'accepted' });
			if (!savedA.ok) throw new Error('not saved');
			expect(await publish()).toMatchObject({ status: 'done', published: [{}] });

			const before = await allAnswers();
			const memberBody = before.get(`member|${IN_HOURS}`)!.body;
			expect(cellOf(memberBody, DEVON)).toMatchObject({ status: 'published', countBand: '10-19' });
			expectBlank(memberBody, CORNWALL);
			// The rebuilt answer matches the endpoint's bytes, so it can stand in for a cold cache.
			for (const [key, answer] of before) {
				const [audience, category] = key.split('|') as [RateAudience, RateCategory];
				expect(await freshBody(category, audience)).toBe(answer.body);
			}

			async function expectUnchanged(step: string) {
				for (const [key, old] of before) {
					const [audience, category] = key.split('|') as [RateAudience, RateCategory];
					const now = await request(category, viewer(audience));
					expect(now.etag, `${step}: ${key}`).toBe(old.etag);
					expect(now.body, `${step}: ${key}`).toBe(old.body);
					expect(await freshBody(category, audience), `${step}: ${key}`).toBe(old.body);
					expect((await request(category, viewer(audience), old.etag!)).status).toBe(304);
				}
			}

			// B makes Cornwall ten doctors; A edits, then deletes, the rate that made Devon ten.
			const savedB = await saveSubmission(
				t.db,
				b.id,
				input({ areaCode: CORNWALL, amountPence: 99_00 })
			);
			expect(savedB).toMatchObject({ ok: true, status: 'accepted' });
			await expectUnchanged('after a new submission');
			const edited = await saveSubmission(t.db, a.id, input({ amountPence: 95_00 }), savedA.id);
			expect(edited).toMatchObject({ ok: true, replaced: true });
			await expectUnchanged('after an edit');
			expect(await deleteOwnSubmission(t.db, a.id, savedA.id)).toBe(true);
			await expectUnchanged('after a deletion');
			expect(await publish()).toEqual({ status: 'done', published: [] });
			await expectUnchanged('after a publication run with nothing due');

			// The next quarter's snapshot is what shows the changes: new ETags everywhere, Devon back
			// to nine doctors (blank) and Cornwall at ten (published).
			expect(await publish(NEXT_QUARTER_DUE)).toMatchObject({
				published: [{ quarterEnd: '2026-12-31' }]
			});
			const after = await allAnswers();
			for (const [key, old] of before) {
				expect(after.get(key)!.etag, key).not.toBe(old.etag);
				const [audience, category] = key.split('|') as [RateAudience, RateCategory];
				expect((await request(category, viewer(audience), old.etag!)).status).toBe(200);
			}
			const next = after.get(`member|${IN_HOURS}`)!.body;
			expectBlank(next, DEVON);
			expect(cellOf(next, CORNWALL)).toMatchObject({ status: 'published', countBand: '10-19' });
		});
	});

	describe('a non-member asking for member fields', () => {
		beforeEach(async () => {
			// 25 doctors in Devon in two quarters for every category: quartiles, contacts per hour and
			// trend points exist in the member shape of every category.
			for (const category of RATE_CATEGORY_CODES) {
				for (const month of ['2026-05', '2026-08']) {
					await addDoctors(25, {
						prefix: `${category}-devon`,
						pounds: (i) => 80 + i,
						month,
						category
					});
				}
			}
			await publish();
		});

		it('gives a visitor no area cells, quartiles, contacts per hour or trend points in any category', async () => {
			const answers = await allAnswers();
			for (const category of RATE_CATEGORY_CODES) {
				const visitor = answers.get(`public|${category}`)!.body;
				const cells = parse(visitor).cells;
				expect(cells.filter((c) => c.status === 'published').length, category).toBeGreaterThan(0);
				expect(
					cells.filter((c) => c.level === 'area'),
					category
				).toEqual([]);
				for (const word of MEMBER_ONLY_WORDS) expect(visitor, category).not.toContain(word);
				expect(leakyKeys(parse(visitor)), category).toEqual([]);

				// The member answer of the same snapshot has every one of them, so this is not vacuous.
				const memberBody = answers.get(`member|${category}`)!.body;
				for (const word of MEMBER_ONLY_WORDS) expect(memberBody, category).toContain(word);
				expect(cellOf(memberBody, DEVON)).toMatchObject({
					status: 'published',
					quartiles: { p25: expect.any(Number), p75: expect.any(Number) },
					contactsPerHour: 3.5,
					trend: [{}, {}]
				});
				expect(leakyKeys(parse(memberBody)), category).toEqual([]);
			}
		});

		it('treats a signed-in non-member, an expired and a revoked member as visitors, and members only on the days covered', async () => {
			const today = clock.today();
			const yesterday = addDays(today, -1);
			const tomorrow = addDays(today, 1);
			const grant = async (validFrom: string, validUntil: string) => {
				const user = await createUser();
				await grantMembership(t.db, {
					userId: user.id,
					validFrom,
					validUntil,
					source: 'admin_grant'
				});
				return user;
			};

			const nonMember = await createUser();
			const expiredYesterday = await grant(addMonths(today, -12), yesterday);
			const startsTomorrow = await grant(tomorrow, addMonths(today, 12));
			const revoked = await grant(addMonths(today, -1), addMonths(today, 11));
			expect(await revokeMembership(t.db, SYSTEM_ACTOR, revoked.id, 'test')).toBe(1);
			const lastDayToday = await grant(addMonths(today, -12), today);
			const firstDayToday = await grant(today, addMonths(today, 12));

			const visitors = { anonymous: null, nonMember, expiredYesterday, startsTomorrow, revoked };
			for (const [label, user] of Object.entries(visitors)) {
				expect(await rateAudienceFor(t.db, user), label).toBe('public');
			}
			for (const [label, user] of Object.entries({ lastDayToday, firstDayToday, member })) {
				expect(await rateAudienceFor(t.db, user), label).toBe('member');
			}

			// What leaves the server for each of them: the visitors' answers are the anonymous bytes.
			for (const category of RATE_CATEGORY_CODES) {
				const anonymous = await request(category, null);
				expect(anonymous.etag).toMatch(/-public"$/);
				for (const [label, user] of Object.entries(visitors)) {
					const answer = await request(category, user);
					expect(answer.body, `${label} ${category}`).toBe(anonymous.body);
					expect(answer.etag, `${label} ${category}`).toBe(anonymous.etag);
				}
				const covered = await request(category, lastDayToday);
				expect(covered.etag).toMatch(/-member"$/);
				expect(covered.body).toContain('quartiles');
				// A member's cached answer is never what a visitor presenting its ETag gets back.
				expect((await request(category, nonMember, covered.etag!)).status).toBe(200);
			}
		});

		it('puts no member figure in the map and comparison pages’ data for a non-member', async () => {
			const nonMember = await createUser();
			const event = (path: string, user: SessionUser | null) =>
				({ url: new URL(`http://localhost${path}`), locals: { user, session: null } }) as never;

			for (const category of RATE_CATEGORY_CODES) {
				const visitorMap = JSON.stringify(
					await loadMap(event(`/map?category=${category}`, nonMember))
				);
				expect(visitorMap).toContain('"audience":"public"');
				expect(visitorMap).toContain('medianPerHour');
				for (const word of MEMBER_ONLY_WORDS) expect(visitorMap, category).not.toContain(word);
				expect(visitorMap).not.toContain(`"geoCode":"${DEVON}"`);

				const memberMap = JSON.stringify(await loadMap(event(`/map?category=${category}`, member)));
				expect(memberMap).toContain(`"geoCode":"${DEVON}"`);
				for (const word of MEMBER_ONLY_WORDS) expect(memberMap, category).toContain(word);
			}

			const query = `/map/compare?place=${SOUTH_WEST}&place=${DEVON}&category=${IN_HOURS}`;
			const visitorCompare = await loadCompare(event(query, nonMember));
			expect(visitorCompare).toMatchObject({ member: false });
			const visitorJson = JSON.stringify(visitorCompare);
			for (const word of [
				'median',
				'countBand',
				'confidence',
				'snapshot',
				'columns',
				...MEMBER_ONLY_WORDS
			]) {
				expect(visitorJson).not.toContain(word);
			}
			const memberCompare = JSON.stringify(await loadCompare(event(query, member)));
			expect(memberCompare).toContain('medianPerHour');
			expect(memberCompare).toContain('quartiles');
		});
	});
});
