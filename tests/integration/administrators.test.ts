import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestDatabase, type TestDatabase } from './harness';
import { addDoctors, SETTINGS, TODAY } from './rate-fixtures';
import { authenticate } from '../../src/lib/server/auth/accounts';
import {
	createSession,
	generateSessionToken,
	validateSessionToken
} from '../../src/lib/server/auth/session';
import { requiresSecondFactor } from '../../src/lib/server/auth/two-factor';
import {
	createAdministrator,
	promoteToAdministrator
} from '../../src/lib/server/admin/administrators';
import {
	describePublicationRun,
	publishDueSnapshots
} from '../../src/lib/server/rates/publication';
import { SYSTEM_ACTOR } from '../../src/lib/server/audit';

const CLI = { ...SYSTEM_ACTOR, label: 'cli' };
const PASSWORD = 'violet-harbour-kettle-92';

describe.each(DATABASES)(
	'the first administrator and publishing from the command line (%s)',
	(name) => {
		let t: TestDatabase;
		beforeAll(async () => {
			t = await openTestDatabase(name);
		});
		afterAll(async () => t.close());

		it('an administrator created with a strong password signs in and must set up two-factor', async () => {
			const result = await createAdministrator(
				t.db,
				{ email: 'first-admin@example.org', name: 'Dr First', password: PASSWORD },
				CLI
			);
			expect(result.status).toBe('created');
			const user = await authenticate(t.db, 'first-admin@example.org', PASSWORD);
			expect(user).toMatchObject({ role: 'admin', name: 'Dr First' });
			expect(user!.email_verified_at).not.toBeNull();

			const token = generateSessionToken();
			await createSession(t.db, token, user!.id);
			const signedIn = await validateSessionToken(t.db, token);
			expect(requiresSecondFactor(signedIn!.user, signedIn!.session)).toBe('enrol');

			const audit = await t.db
				.selectFrom('audit_log')
				.select(['action', 'actor_label'])
				.where('target', '=', 'first-admin@example.org')
				.execute();
			expect(audit).toEqual([{ action: 'admin.create', actor_label: 'cli' }]);
		});

		it('refuses a weak password with the rules registration uses, and an email that has an account', async () => {
			const create = (email: string, password: string) =>
				createAdministrator(t.db, { email, name: 'Administrator', password }, CLI);
			expect(await create('weak@example.org', 'short')).toEqual({
				status: 'weak-password',
				problem: 'Use at least 10 characters.'
			});
			expect(await create('weak@example.org', 'password123')).toMatchObject({
				status: 'weak-password',
				problem: expect.stringMatching(/commonly used passwords/)
			});
			expect(await create('first-admin@example.org', PASSWORD)).toEqual({ status: 'exists' });
			const weak = await t.db
				.selectFrom('users')
				.select('id')
				.where('email', '=', 'weak@example.org')
				.execute();
			expect(weak).toEqual([]);
		});

		it('promotes an existing account, audited', async () => {
			await createAdministrator(
				t.db,
				{ email: 'promoted@example.org', name: 'Dr P', password: PASSWORD },
				CLI
			);
			await t.db
				.updateTable('users')
				.set({ role: 'doctor' })
				.where('email', '=', 'promoted@example.org')
				.execute();
			expect(await promoteToAdministrator(t.db, 'promoted@example.org', CLI)).toBe(true);
			expect(await promoteToAdministrator(t.db, 'nobody@example.org', CLI)).toBe(false);
			const row = await t.db
				.selectFrom('users')
				.select('role')
				.where('email', '=', 'promoted@example.org')
				.executeTakeFirstOrThrow();
			expect(row.role).toBe('admin');
		});

		it('publishing due quarters says what it published, then that nothing was due', async () => {
			await addDoctors(t.db, 12, { prefix: 'cli-publish', pounds: (i) => 80 + i });
			const first = await publishDueSnapshots(t.db, TODAY, SETTINGS, CLI);
			const lines = describePublicationRun(first);
			expect(lines.length).toBeGreaterThan(0);
			expect(lines.at(-1)).toMatch(
				/^Published the quarter ending 2026-09-30: \d+ cells shown, \d+ suppressed/
			);
			const again = describePublicationRun(await publishDueSnapshots(t.db, TODAY, SETTINGS, CLI));
			expect(again).toEqual(['Nothing was due: every due quarter is published already.']);
			expect(describePublicationRun({ status: 'busy' })[0]).toMatch(
				/^Another process is publishing/
			);
		});
	}
);

// Each test starts whole processes (tsx, then an embedded database that may run initdb): on a
// loaded machine (CI runs eight pinned days beside the browser tests) two of them have taken over
// a minute. The timeout only guards against a hang; nothing here is timed.
describe('the scripts, on an embedded database of their own', { timeout: 600_000 }, () => {
	const dataDir = mkdtempSync(join(tmpdir(), 'sessional-cli-'));
	afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
	const run = (script: string, args: string[], input = '') =>
		spawnSync(process.execPath, ['--import', 'tsx', join('scripts', script), ...args], {
			input,
			encoding: 'utf8',
			env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'test' }
		});

	it('npm run admin -- create reads one line from --password-stdin and refuses a weak one', () => {
		const weak = run(
			'admin.ts',
			['create', 'first@example.org', '--password-stdin'],
			'password123\n'
		);
		expect(weak.status).toBe(1);
		expect(weak.stderr).toMatch(
			/Password refused: This password is on a list of commonly used passwords/
		);
		expect(weak.stderr).toMatch(/No account was created\./);

		const created = run(
			'admin.ts',
			['create', 'First@Example.org', 'Dr', 'First', '--password-stdin'],
			`${PASSWORD}\n`
		);
		expect(created.stderr).toBe('');
		expect(created.status).toBe(0);
		expect(created.stdout).toMatch(/Created administrator first@example\.org\./);
		expect(created.stdout).toMatch(/set up two-factor sign-in/);
	});

	it('npm run admin -- create without a terminal or --password-stdin creates nothing', () => {
		const result = run('admin.ts', ['create', 'second@example.org']);
		expect(result.status).toBe(1);
		expect(result.stderr).toMatch(/pipe one line to --password-stdin/);
	});

	it('npm run publish is idempotent', () => {
		for (let i = 0; i < 2; i++) {
			const result = run('publish.ts', []);
			expect(result.status).toBe(0);
			expect(result.stdout).toMatch(/Nothing was due: every due quarter is published already\./);
		}
	});
});
