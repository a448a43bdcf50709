import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestDatabase, type TestDatabase } from './harness';
import { createTestUser } from './factory';
import type { Db } from '../../src/lib/server/db/index';
import { toNumber } from '../../src/lib/server/db/index';
import { isMemberOn, membershipStatus } from '../../src/lib/server/membership';
import {
	applyPendingGrants,
	coveredUntil,
	grantDefaultsFor,
	grantOrExtendMembership,
	grantStart,
	membershipEnd,
	memberDetail,
	revokeMembership,
	searchUsers
} from '../../src/lib/server/membership/admin';
import {
	applyImport,
	readImportDate,
	parseMemberCsv,
	previewImport
} from '../../src/lib/server/membership/csv-import';
import { createAuthToken, registerUser, verifyEmail } from '../../src/lib/server/auth/accounts';
import {
	defaultSettings,
	readSettings,
	saveSettings,
	type AppSettings
} from '../../src/lib/server/settings';
import { publicationSettings } from '../../src/lib/server/rates/settings';
import { decideSubmissions, listHeldSubmissions } from '../../src/lib/server/rates/moderation';
import { publicationStatus } from '../../src/lib/server/admin/publication-status';
import { listAuditEntries } from '../../src/lib/server/admin/audit-log';
import { formatLongDate } from '../../src/lib/format';
import * as clock from '../../src/lib/server/clock';
import { nextDueDate, addMonths } from '../../src/lib/domain/calendar';

const ADMIN = { id: null, label: 'admin@example.org' };
const TODAY = clock.today();

async function makeUser(db: Db, email: string, verified = true) {
	return createTestUser(db, email, { email, name: `Dr ${email.split('@')[0]}`, verified });
}

async function auditCount(db: Db, action: string) {
	const { n } = await db
		.selectFrom('audit_log')
		.select((eb) => eb.fn.countAll().as('n'))
		.where('action', '=', action)
		.executeTakeFirstOrThrow();
	return toNumber(n);
}

describe('membership arithmetic', () => {
	it('runs a 12-month membership to the day before the same date next year', () => {
		expect(membershipEnd('2026-11-24', 12)).toBe('2027-11-23');
		expect(membershipEnd('2027-01-31', 1)).toBe('2027-02-27');
		expect(membershipEnd('2028-02-29', 12)).toBe('2029-02-27');
	});

	it('extends from the day after the current expiry, or starts today', () => {
		expect(grantStart('2026-11-24', null)).toBe('2026-11-24');
		expect(grantStart('2026-11-24', '2026-10-01')).toBe('2026-11-24');
		expect(grantStart('2026-11-24', '2026-11-24')).toBe('2026-11-25');
		expect(grantStart('2026-11-24', '2027-03-31')).toBe('2027-04-01');
		const settings = { membershipLengthMonths: 12, membershipFeePence: 2600 };
		expect(grantDefaultsFor('2026-11-24', '2027-03-31', settings)).toEqual({
			validFrom: '2027-04-01',
			validUntil: '2028-03-31',
			amountPence: 2600,
			extending: true
		});
		expect(grantDefaultsFor('2026-11-24', null, settings).validUntil).toBe('2027-11-23');
		// Memberships stored to far dates before the app's range held (issue 14) still give a
		// form to render, inside the range.
		for (const until of ['9999-12-31', '2100-12-31', '10000-01-01']) {
			expect(grantDefaultsFor('2026-11-24', until, settings), until).toMatchObject({
				validFrom: '2100-12-31',
				validUntil: '2100-12-31'
			});
		}
		expect(grantDefaultsFor('2026-11-24', '2100-06-30', settings).validUntil).toBe('2100-12-31');
	});

	it('reads dates as ISO or as the UK writes them, and nothing else', () => {
		expect(readImportDate('2027-03-31')).toEqual({ ok: true, date: '2027-03-31' });
		expect(readImportDate('31/03/2027')).toEqual({ ok: true, date: '2027-03-31' });
		expect(readImportDate('1/4/2027')).toEqual({ ok: true, date: '2027-04-01' });
		expect(readImportDate('2027-02-30')).toEqual({ ok: false, problem: 'shape' });
		expect(readImportDate('03/31/2027')).toEqual({ ok: false, problem: 'shape' });
		expect(readImportDate('next year')).toEqual({ ok: false, problem: 'shape' });
		// The app's one range of dates holds for imports too.
		expect(readImportDate('9999-12-31')).toEqual({ ok: false, problem: 'range' });
		expect(readImportDate('01/01/0001')).toEqual({ ok: false, problem: 'range' });
	});
});

describe('publication calendar', () => {
	it('names the next quarter to become due and the day it does', () => {
		expect(nextDueDate('2026-11-24', 1)).toEqual({ quarterEnd: '2026-12-31', dueOn: '2027-02-01' });
		expect(nextDueDate('2026-10-31', 1)).toEqual({ quarterEnd: '2026-09-30', dueOn: '2026-11-01' });
		expect(nextDueDate('2026-10-01', 0)).toEqual({ quarterEnd: '2026-12-31', dueOn: '2027-01-01' });
		expect(nextDueDate('2026-11-24', 3)).toEqual({ quarterEnd: '2026-09-30', dueOn: '2027-01-01' });
	});
});

describe('CSV parsing', () => {
	const today = '2026-11-24';

	it('reads a header in any column order and checks every row', () => {
		const csv = [
			'Reference,Email,Valid until',
			'R1,Alice@Example.org,2027-11-23',
			'R2,not-an-email,2027-11-23',
			'R3,bob@example.org,',
			'R4,carol@example.org,2025-01-01',
			'R5,dan@example.org,31/02/2027',
			'R6,alice@example.org,2027-12-31',
			'R7,erin@example.org,2040-01-01',
			'',
			'R8,frank@example.org,01/12/2027'
		].join('\n');
		const result = parseMemberCsv(csv, today);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.rows).toEqual([
			{ line: 2, email: 'alice@example.org', validUntil: '2027-11-23', reference: 'R1' },
			{ line: 3, email: 'not-an-email', reason: 'not an email address' },
			{ line: 4, email: 'bob@example.org', reason: 'no valid-until date' },
			{ line: 5, email: 'carol@example.org', reason: 'valid-until date has already passed' },
			{
				line: 6,
				email: 'dan@example.org',
				reason: 'valid-until date not understood (use YYYY-MM-DD or DD/MM/YYYY)'
			},
			{ line: 7, email: 'alice@example.org', reason: 'the same email as line 2' },
			{
				line: 8,
				email: 'erin@example.org',
				reason: 'valid-until date is more than 5 years ahead'
			},
			{ line: 10, email: 'frank@example.org', validUntil: '2027-12-01', reference: 'R8' }
		]);
	});

	it('takes email, date, reference by position when there is no header', () => {
		const result = parseMemberCsv(
			'a@example.org,2027-01-01\n"b@example.org","2027-02-01",X',
			today
		);
		expect(result).toEqual({
			ok: true,
			rows: [
				{ line: 1, email: 'a@example.org', validUntil: '2027-01-01', reference: null },
				{ line: 2, email: 'b@example.org', validUntil: '2027-02-01', reference: 'X' }
			]
		});
	});

	it('refuses files it cannot read as a whole', () => {
		expect(parseMemberCsv('', today)).toMatchObject({ ok: false, error: 'The file has no rows.' });
		expect(parseMemberCsv('email,name\na@example.org,A', today)).toMatchObject({ ok: false });
		expect(parseMemberCsv('a@example.org,"2027-01-01\n', today)).toMatchObject({ ok: false });
		const tooMany = Array.from({ length: 5001 }, (_, i) => `u${i}@example.org,2027-01-01`);
		expect(parseMemberCsv(tooMany.join('\n'), today)).toMatchObject({ ok: false });
	});
});

describe.each(DATABASES)('membership administration on %s', (name) => {
	let t: TestDatabase;
	beforeAll(async () => {
		t = await openTestDatabase(name);
	});
	afterAll(async () => t?.close());

	it('grants, extends and revokes, with every change audited', async () => {
		const user = await makeUser(t.db, `grant.${name}@example.org`);
		expect(await coveredUntil(t.db, user.id, TODAY)).toBeNull();
		const settings = await readSettings(t.db);
		const first = grantDefaultsFor(TODAY, null, settings);
		await grantOrExtendMembership(t.db, ADMIN, {
			userId: user.id,
			validFrom: first.validFrom,
			validUntil: first.validUntil,
			amountPence: first.amountPence,
			reference: 'cheque 12'
		});
		expect(await isMemberOn(t.db, user.id, TODAY)).toBe(true);
		expect(await coveredUntil(t.db, user.id, TODAY)).toBe(membershipEnd(TODAY, 12));

		const second = grantDefaultsFor(TODAY, await coveredUntil(t.db, user.id, TODAY), settings);
		expect(second.validFrom).toBe(addMonths(TODAY, 12));
		await grantOrExtendMembership(t.db, ADMIN, { ...second, userId: user.id, reference: null });
		expect(await coveredUntil(t.db, user.id, TODAY)).toBe(membershipEnd(TODAY, 24));
		expect(await auditCount(t.db, 'membership.grant')).toBe(2);

		expect(await revokeMembership(t.db, ADMIN, user.id, 'left the group', TODAY)).toBe(2);
		expect(await isMemberOn(t.db, user.id, TODAY)).toBe(false);
		expect(await membershipStatus(t.db, user.id, TODAY)).toEqual({
			member: false,
			validUntil: null
		});
		const detail = await memberDetail(t.db, user.id, TODAY);
		expect(detail?.history.map((h) => h.status)).toEqual(['revoked', 'revoked']);
		expect(await auditCount(t.db, 'membership.revoke')).toBe(1);
		// Nothing left to revoke: no change and no audit entry.
		expect(await revokeMembership(t.db, ADMIN, user.id, null, TODAY)).toBe(0);
		expect(await auditCount(t.db, 'membership.revoke')).toBe(1);
		expect(await memberDetail(t.db, 'not-a-uuid')).toBeNull();
	});

	it('a membership stored to a far date before the range held can still be shown and revoked', async () => {
		// Issue 14 F4: granted through the form to 9999-12-31 before every date was read in the
		// app's range; its member's page then answered 500 for good ('+010000-01').
		const user = await makeUser(t.db, `far.${name}@example.org`);
		const settings = await readSettings(t.db);
		for (const [validFrom, validUntil] of [
			[TODAY, '9999-12-31'],
			['0001-01-01', '0001-12-31']
		]) {
			await grantOrExtendMembership(t.db, ADMIN, {
				userId: user.id,
				validFrom,
				validUntil,
				amountPence: null,
				reference: null
			});
		}
		// What the member's admin page loads and shows.
		const detail = await memberDetail(t.db, user.id, TODAY);
		expect(detail?.coveredUntil).toBe('9999-12-31');
		const defaults = grantDefaultsFor(TODAY, detail!.coveredUntil, settings);
		expect(defaults).toMatchObject({ validFrom: '2100-12-31', validUntil: '2100-12-31' });
		const shown = detail!.history.flatMap((h) => [h.validFrom, h.validUntil]).map(formatLongDate);
		expect(shown).toEqual(
			expect.arrayContaining(['31 December 9999', '1 January 1', '31 December 1'])
		);
		expect(await revokeMembership(t.db, ADMIN, user.id, 'granted by mistake', TODAY)).toBe(1);
		expect(await isMemberOn(t.db, user.id, TODAY)).toBe(false);
	});

	it('finds accounts by email or name, a page at a time', async () => {
		for (let i = 0; i < 25; i++) await makeUser(t.db, `search${i}.${name}@example.org`);
		const first = await searchUsers(t.db, { q: `search`, page: 1 }, TODAY);
		expect(first.total).toBe(25);
		expect(first.pages).toBe(2);
		expect(first.users).toHaveLength(20);
		const second = await searchUsers(t.db, { q: 'SEARCH', page: 2 }, TODAY);
		expect(second.users).toHaveLength(5);
		const byName = await searchUsers(t.db, { q: 'Dr search7.', page: 1 }, TODAY);
		expect(byName.users.map((u) => u.email)).toEqual([`search7.${name}@example.org`]);
		// LIKE wildcards typed by the admin are literal.
		expect((await searchUsers(t.db, { q: '%', page: 1 }, TODAY)).total).toBe(0);
	});

	it('imports all or nothing: a rejected row stops the whole import unless asked', async () => {
		const existing = await makeUser(t.db, `existing.${name}@example.org`);
		const unverified = await makeUser(t.db, `unverified.${name}@example.org`, false);
		const covered = await makeUser(t.db, `covered.${name}@example.org`);
		await grantOrExtendMembership(t.db, ADMIN, {
			userId: covered.id,
			validFrom: TODAY,
			validUntil: addMonths(TODAY, 24),
			amountPence: 2600,
			reference: null
		});
		const until = addMonths(TODAY, 12);
		const csv = [
			'email,valid_until',
			`${existing.email},${until}`,
			`${unverified.email},${until}`,
			`${covered.email},${until}`,
			`newcomer.${name}@example.org,${until}`,
			`broken-address,${until}`
		].join('\n');

		const preview = await previewImport(t.db, csv, TODAY);
		expect(preview.ok && preview.plan.counts).toEqual({
			upgrade: 1,
			unchanged: 1,
			pending: 2,
			rejected: 1
		});
		const pendingBefore = await t.db.selectFrom('pending_membership_grants').selectAll().execute();

		const refused = await applyImport(t.db, ADMIN, csv, { validRowsOnly: false }, TODAY);
		expect(refused.ok).toBe(false);
		expect(await isMemberOn(t.db, existing.id, TODAY)).toBe(false);
		expect(await t.db.selectFrom('pending_membership_grants').selectAll().execute()).toEqual(
			pendingBefore
		);
		expect(await auditCount(t.db, 'membership.import')).toBe(0);

		const done = await applyImport(
			t.db,
			ADMIN,
			csv,
			{ validRowsOnly: true, fileName: 'm.csv' },
			TODAY
		);
		expect(done).toEqual({
			ok: true,
			summary: {
				upgraded: 1,
				unchanged: 1,
				pending: 2,
				rejected: [{ line: 6, email: 'broken-address', reason: 'not an email address' }],
				imported: true
			}
		});
		expect(await coveredUntil(t.db, existing.id, TODAY)).toBe(until);
		expect(await coveredUntil(t.db, covered.id, TODAY)).toBe(addMonths(TODAY, 24));
		// The unverified account waits like a stranger: its owner has not proved the address.
		expect(await isMemberOn(t.db, unverified.id, TODAY)).toBe(false);
		expect(await auditCount(t.db, 'membership.import')).toBe(1);
		expect(await auditCount(t.db, 'membership.pending')).toBe(2);

		// Importing the same file again changes nothing for the member and keeps one pending grant.
		const again = await applyImport(t.db, ADMIN, csv, { validRowsOnly: true }, TODAY);
		expect(again.ok && again.summary.unchanged).toBe(2);
		const open = await t.db
			.selectFrom('pending_membership_grants')
			.select('email')
			.where('applied_at', 'is', null)
			.where('email', 'like', `%.${name}@example.org`)
			.execute();
		expect(open.map((r) => r.email).sort()).toEqual(
			[`newcomer.${name}@example.org`, unverified.email].sort()
		);
	});

	it('rolls the whole import back when a write fails part-way', async () => {
		const a = await makeUser(t.db, `rollback-a.${name}@example.org`);
		const csv = `${a.email},${addMonths(TODAY, 6)}\nrollback-b.${name}@example.org,${addMonths(TODAY, 6)}`;
		// An actor id that is no user breaks the pending grant's foreign key, after the upgrade.
		const ghost = { id: '00000000-0000-0000-0000-000000000000', label: 'ghost' };
		await expect(applyImport(t.db, ghost, csv, { validRowsOnly: false }, TODAY)).rejects.toThrow();
		expect(await isMemberOn(t.db, a.id, TODAY)).toBe(false);
	});

	it('processes a large import in batches within one transaction', async () => {
		const emails = Array.from({ length: 1200 }, (_, i) => `bulk${i}.${name}@example.org`);
		for (const email of emails.slice(0, 600)) await makeUser(t.db, email);
		const csv = emails.map((e) => `${e},${addMonths(TODAY, 12)}`).join('\n');
		const result = await applyImport(t.db, ADMIN, csv, { validRowsOnly: false }, TODAY);
		expect(result.ok && [result.summary.upgraded, result.summary.pending]).toEqual([600, 600]);
	});

	it('applies a pending grant when that person registers and verifies their email', async () => {
		const email = `latecomer.${name}@example.org`;
		const until = addMonths(TODAY, 10);
		await applyImport(t.db, ADMIN, `${email},${until}`, { validRowsOnly: false }, TODAY);
		const registered = await registerUser(
			t.db,
			{
				name: 'Dr Late',
				email: email.toUpperCase(),
				doctorKind: 'locum',
				password: 'Ward-round-late-kettle'
			},
			'http://localhost'
		);
		expect(registered).toMatchObject({ ok: true, userId: expect.any(String) });
		if (!registered.ok || !registered.userId) throw new Error('not registered');
		// Registering alone proves nothing about the address.
		expect(await isMemberOn(t.db, registered.userId, TODAY)).toBe(false);
		const token = await createAuthToken(t.db, registered.userId, 'verify_email');
		expect((await verifyEmail(t.db, token)).ok).toBe(true);
		expect(await membershipStatus(t.db, registered.userId, TODAY)).toEqual({
			member: true,
			validUntil: until
		});
		const applied = await t.db
			.selectFrom('audit_log')
			.select(['actor_label', 'target'])
			.where('action', '=', 'membership.pending_applied')
			.where('target', '=', email)
			.execute();
		expect(applied).toEqual([{ actor_label: 'system', target: email }]);
		// Applied once: another call finds nothing waiting.
		expect(await applyPendingGrants(t.db, registered.userId)).toBe(0);
		const history = await memberDetail(t.db, registered.userId, TODAY);
		expect(history?.history).toHaveLength(1);
		expect(history?.history[0]).toMatchObject({ source: 'csv_import', validFrom: TODAY });
	});

	it('validates settings, refuses a minimum below 5 and applies changes at once', async () => {
		const defaults = defaultSettings();
		expect(await readSettings(t.db)).toEqual(defaults);
		expect(defaults).toMatchObject({
			membershipFeePence: 2600,
			membershipLengthMonths: 12,
			overtimeCoreMultiplier: 1.5,
			overtimeOutsideMultiplier: 2,
			toilCoreHours: 1.5,
			toilOutsideHours: 2
		});
		const next = (patch: Partial<AppSettings>) => ({ ...defaults, ...patch });

		const tooLow = await saveSettings(t.db, ADMIN, next({ minContributors: 4 }));
		expect(tooLow).toEqual({
			ok: false,
			errors: { minContributors: 'The minimum number of contributors must be at least 5.' }
		});
		const detailBelow = await saveSettings(
			t.db,
			ADMIN,
			next({ minContributors: 15, detailContributors: 12 })
		);
		expect(detailBelow.ok).toBe(false);
		expect(await saveSettings(t.db, ADMIN, next({ overtimeCoreMultiplier: 1.555 }))).toMatchObject({
			ok: false
		});
		expect(await saveSettings(t.db, ADMIN, next({ membershipFeePence: 26.5 }))).toMatchObject({
			ok: false
		});
		expect(await readSettings(t.db)).toEqual(defaults);
		expect(await auditCount(t.db, 'settings.update')).toBe(0);

		const saved = await saveSettings(
			t.db,
			ADMIN,
			next({ minContributors: 12, detailContributors: 25, membershipFeePence: 3000 })
		);
		expect(saved).toEqual({
			ok: true,
			changed: {
				minContributors: { from: defaults.minContributors, to: 12 },
				detailContributors: { from: defaults.detailContributors, to: 25 },
				membershipFeePence: { from: 2600, to: 3000 }
			}
		});
		expect(await publicationSettings(t.db)).toEqual({
			minContributors: 12,
			detailContributors: 25,
			lagMonths: defaults.publicationLagMonths
		});
		expect(await auditCount(t.db, 'settings.update')).toBe(1);
		// Saving the same values again changes nothing and records nothing.
		await saveSettings(t.db, ADMIN, await readSettings(t.db));
		expect(await auditCount(t.db, 'settings.update')).toBe(1);

		// A stored value that no longer validates reads as its default.
		await t.db
			.updateTable('settings')
			.set({ value: JSON.stringify(2) })
			.where('key', '=', 'minContributors')
			.execute();
		expect((await readSettings(t.db)).minContributors).toBe(defaults.minContributors);
		await t.db.deleteFrom('settings').execute();
	});

	it('moderates in bulk, audits each decision, and reports the publication state', async () => {
		const area = await t.db
			.selectFrom('geo_units as a')
			.innerJoin('geo_units as r', 'r.code', 'a.parent_code')
			.select(['a.code as area', 'r.code as region', 'r.parent_code as nation'])
			.where('a.level', '=', 'area')
			.executeTakeFirstOrThrow();
		const ids = [];
		for (let i = 0; i < 3; i++) {
			const row = await t.db
				.insertInto('rate_submissions')
				.values({
					contributor_key: `key-${i}`,
					category_code: 'in_hours_session',
					work_month: TODAY.slice(0, 7),
					area_code: area.area,
					region_code: area.region,
					nation_code: area.nation!,
					amount_pence: 30000,
					basis: 'per_hour',
					hours_worked: 4,
					pence_per_hour: 30000,
					session_equivalent_pence: 125000,
					status: 'held',
					moderation_reason: 'above_soft_bound'
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			ids.push(row.id);
		}
		const held = await listHeldSubmissions(t.db);
		expect(held).toHaveLength(3);
		expect(held[0]).toMatchObject({ area_median: null, region_median: null });
		expect(held[0]).not.toHaveProperty('contributor_key');
		expect(await decideSubmissions(t.db, ADMIN, [ids[0], ids[1], ids[1], 'bogus'], 'reject')).toBe(
			2
		);
		expect(await decideSubmissions(t.db, ADMIN, [ids[0]], 'approve')).toBe(0);
		expect(await auditCount(t.db, 'moderation.reject')).toBe(2);
		expect(await listHeldSubmissions(t.db)).toHaveLength(1);

		const log = await listAuditEntries(t.db, {
			action: 'moderation.reject',
			actor: 'ADMIN@',
			page: 1,
			pageSize: 1
		});
		expect(log).toMatchObject({ total: 2, pages: 2 });
		expect(log.entries[0]).toMatchObject({ actor: ADMIN.label, action: 'moderation.reject' });
		expect(log.actions).toContain('membership.import');

		const status = await publicationStatus(t.db, TODAY, await publicationSettings(t.db));
		expect(status.running).toBe(false);
		expect(status.snapshots).toEqual([]);
		expect(status.next.dueOn > TODAY).toBe(true);
	});
});
