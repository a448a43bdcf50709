import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO, E2E_PORT, expect, submitSignIn, test } from './fixtures';
import { startBuiltServer } from '../../tools/server';
import { startPostgres } from '../../tools/postgres';
import pg from 'pg';

// Issue 16: the demo (`npm start`, the suite's own server) answers at whatever address was typed;
// the production command (`npm run serve`) refuses to start without its settings, never creates
// demo data, and lets in the first administrator made with `npm run admin -- create`.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** abuse.spec.ts takes E2E_PORT + 2 and + 3. */
const PRODUCTION_PORT = E2E_PORT + 4;
const PRODUCTION = `http://localhost:${PRODUCTION_PORT}`;
const PASSWORD = 'violet-harbour-kettle-92';

/** The environment of a script run here: nothing from the suite's demo server or the shell's database. */
function scriptEnv(env: Record<string, string>): NodeJS.ProcessEnv {
	return { ...process.env, DATABASE_URL: '', ORIGIN: '', NODE_ENV: '', SMTP_URL: '', ...env };
}

function runScript(args: string[], env: Record<string, string>, input = '') {
	return spawnSync(process.execPath, args, {
		cwd: ROOT,
		input,
		encoding: 'utf8',
		env: scriptEnv(env)
	});
}

/** `npm run admin -- create first-admin@example.org --password-stdin` with these settings. */
function createFirstAdmin(env: Record<string, string>) {
	return runScript(
		[
			'--import',
			'tsx',
			join('scripts', 'admin.ts'),
			'create',
			'first-admin@example.org',
			'--password-stdin'
		],
		env,
		`${PASSWORD}\n`
	);
}

test('the demo signs in at 127.0.0.1 as well as at localhost', async ({ page }) => {
	const address = `http://127.0.0.1:${E2E_PORT}`;
	await page.goto(`${address}/login`, { waitUntil: 'networkidle' });
	await submitSignIn(page, DEMO.doctor.email, DEMO.doctor.password);
	await expect(page).not.toHaveURL(/\/login/);
	expect(new URL(page.url()).origin).toBe(address);
	await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();
});

test('the demo still refuses a form posted from another site', async ({ request }) => {
	const response = await request.post(`http://127.0.0.1:${E2E_PORT}/login`, {
		headers: { origin: 'http://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
		data: `email=${encodeURIComponent(DEMO.doctor.email)}&password=${DEMO.doctor.password}`,
		maxRedirects: 0
	});
	expect(response.status()).toBe(403);
	expect(await response.text()).toMatch(/Cross-site POST form submissions are forbidden/);
});

test('npm start refuses to put the demo accounts in a DATABASE_URL database unless --demo', () => {
	// Nothing listens there: the refusal comes before any connection.
	const result = runScript([join('scripts', 'start.mjs')], {
		DATABASE_URL: 'postgres://sessional@127.0.0.1:9/sessional'
	});
	expect(result.status).toBe(1);
	expect(result.stderr).toMatch(/npm start is the demo: it would create the demo accounts/);
	expect(result.stderr).toMatch(/npm start -- --demo/);
});

test('npm run serve refuses to start without CONTRIBUTOR_KEY_SECRET or with an http ORIGIN', () => {
	const dataDir = mkdtempSync(join(tmpdir(), 'sessional-serve-'));
	try {
		const serve = (env: Record<string, string>) =>
			runScript([join('scripts', 'serve.mjs')], {
				DATA_DIR: dataDir,
				PORT: String(PRODUCTION_PORT),
				SESSIONAL_TODAY: '',
				...env
			});
		const noSecret = serve({ ORIGIN: 'https://sessional.example.org' });
		expect(noSecret.status).toBe(1);
		expect(noSecret.stderr).toMatch(/CONTRIBUTOR_KEY_SECRET: required in production/);

		const http = serve({ ORIGIN: PRODUCTION, CONTRIBUTOR_KEY_SECRET: 'x'.repeat(64) });
		expect(http.status).toBe(1);
		expect(http.stderr).toMatch(/ORIGIN: must be https:\/\/ in production/);
	} finally {
		rmSync(dataDir, { recursive: true, force: true });
	}
});

test('npm run serve on a new database: no demo accounts; the administrator made on the command line signs in and sets up two-factor', async ({
	page
}) => {
	const dataDir = mkdtempSync(join(tmpdir(), 'sessional-serve-'));
	// The embedded database has one process at a time: the administrator is made before serving.
	const created = createFirstAdmin({ DATA_DIR: dataDir });
	expect(created.stdout).toMatch(/Created administrator first-admin@example\.org\./);

	// The harness waits for /healthz; a server that exits at start fails the test with its output.
	const server = await startBuiltServer({
		entry: join('scripts', 'serve.mjs'),
		port: PRODUCTION_PORT,
		readyMs: 60_000,
		env: {
			// Nothing from the suite's demo server or the shell's database.
			DATABASE_URL: '',
			SMTP_URL: '',
			DATA_DIR: dataDir,
			ORIGIN: PRODUCTION,
			CONTRIBUTOR_KEY_SECRET: randomBytes(32).toString('hex'),
			SESSIONAL_TODAY: ''
		}
	}).catch((err) => {
		rmSync(dataDir, { recursive: true, force: true });
		throw err;
	});
	try {
		expect(server.log()).toMatch(/"level":"warn".*"msg":"SMTP_URL is not set/);

		await page.goto(`${PRODUCTION}/login`, { waitUntil: 'networkidle' });
		await submitSignIn(page, DEMO.doctor.email, DEMO.doctor.password);
		await expect(page.getByRole('alert')).toContainText('Wrong email or password.');

		await submitSignIn(page, 'first-admin@example.org', PASSWORD);
		await expect(page).toHaveURL(/\/account\/two-factor\?redirectTo=/);
	} finally {
		await server.stop();
		rmSync(dataDir, { recursive: true, force: true });
	}
});

test('npm run serve on a fresh PostgreSQL database: migrated at start, no demo accounts; the administrator made on the command line while it serves signs in', async ({
	page
}) => {
	// A fresh database on the CI's PostgreSQL (TEST_DATABASE_URL), or a throwaway server of its own.
	const postgres = await startPostgres();
	const dataDir = mkdtempSync(join(tmpdir(), 'sessional-serve-pg-'));
	const settings = {
		DATABASE_URL: postgres.url,
		SMTP_URL: '',
		// Would be the embedded database's folder: nothing may be written there.
		DATA_DIR: dataDir,
		ORIGIN: PRODUCTION,
		CONTRIBUTOR_KEY_SECRET: randomBytes(32).toString('hex'),
		SESSIONAL_TODAY: ''
	};
	const server = await startBuiltServer({
		entry: join('scripts', 'serve.mjs'),
		port: PRODUCTION_PORT,
		readyMs: 60_000,
		env: settings
	}).catch(async (err) => {
		await postgres.stop();
		throw err;
	});
	const client = new pg.Client({ connectionString: postgres.url });
	try {
		// The server made the tables and created nobody.
		await client.connect();
		const users = await client.query<{ n: number }>('select count(*)::int as n from users');
		expect(users.rows[0].n).toBe(0);
		expect(server.log()).not.toMatch(/embedded database/);

		// On PostgreSQL the administrator can be made while the server runs (README). Run with the
		// server's settings; a wrong one is named in a line, as the server names it, not a stack trace.
		const createAdmin = (env: Record<string, string>) =>
			createFirstAdmin({ ...settings, NODE_ENV: 'production', ...env });
		const refused = createAdmin({ ALLOW_HTTP_ORIGIN: '' });
		expect(refused.status).toBe(1);
		expect(refused.stderr).toMatch(/ORIGIN: must be https:\/\/ in production/);
		expect(refused.stderr).not.toMatch(/\bat \w+ \(/);

		const created = createAdmin({ ALLOW_HTTP_ORIGIN: '1' });
		expect(created.stderr).toBe('');
		expect(created.stdout).toMatch(/Created administrator first-admin@example\.org\./);

		await page.goto(`${PRODUCTION}/login`, { waitUntil: 'networkidle' });
		await submitSignIn(page, DEMO.admin.email, DEMO.admin.password);
		await expect(page.getByRole('alert')).toContainText('Wrong email or password.');

		await submitSignIn(page, 'first-admin@example.org', PASSWORD);
		await expect(page).toHaveURL(/\/account\/two-factor\?redirectTo=/);
		const roles = await client.query<{ email: string; role: string }>(
			'select email, role from users'
		);
		expect(roles.rows).toEqual([{ email: 'first-admin@example.org', role: 'admin' }]);
		expect(readdirSync(dataDir)).toEqual([]);
	} finally {
		await client.end().catch(() => {});
		await server.stop();
		await postgres.stop();
		rmSync(dataDir, { recursive: true, force: true });
	}
});
