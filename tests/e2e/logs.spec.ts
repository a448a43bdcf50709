// Logs an operator can read (issue 16): a production server's whole output for a sign-in, a
// password reset and a diary session is JSON lines, every line of a request carries its id, and
// no line holds a password, a token, a session id or a full email address.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashToken } from '../../src/lib/server/auth/crypto';
import { startBuiltServer } from '../../tools/server';
import {
	addWorkplace,
	E2E_PORT,
	expect,
	readLink,
	registerUser,
	signIn,
	signOut,
	strongPassword,
	submitForm,
	test,
	TODAY,
	waitForEmail
} from './fixtures';

/** abuse.spec.ts takes E2E_PORT + 2 and + 3, run-modes.spec.ts + 4. */
const PORT = E2E_PORT + 5;
const ORIGIN = `http://localhost:${PORT}`;
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2526);

/** Lines adapter-node itself prints (not the app's): allowed as they are. */
const ADAPTER_LINES = /^Listening on /;

test('a sign-in, a password reset and a diary session leave JSON logs with request ids and no secrets', async ({
	browser,
	mailServer
}) => {
	test.setTimeout(180_000);
	const dataDir = mkdtempSync(join(tmpdir(), 'sessional-logs-'));
	// The harness waits for /healthz; a server that exits at start fails the test with its output.
	const server = await startBuiltServer({
		entry: join('scripts', 'serve.mjs'),
		port: PORT,
		readyMs: 60_000,
		env: {
			NODE_ENV: '',
			DATABASE_URL: '',
			DATA_DIR: dataDir,
			ORIGIN,
			CONTRIBUTOR_KEY_SECRET: randomBytes(32).toString('hex'),
			SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
			SESSIONAL_TODAY: '',
			// The most the server will say.
			LOG_LEVEL: 'debug'
		}
	}).catch((err) => {
		rmSync(dataDir, { recursive: true, force: true });
		throw err;
	});
	const context = await browser.newContext({ baseURL: ORIGIN });
	const page = await context.newPage();
	const secrets: string[] = [];
	const sessionSecrets = async () => {
		const cookie = (await context.cookies()).find((c) => c.name === 'session');
		if (cookie) secrets.push(cookie.value, hashToken(cookie.value));
	};
	try {
		// Register and sign in; confirm the address from its email.
		const user = await registerUser(page);
		secrets.push(user.password, user.email);
		await sessionSecrets();
		const verifyLink = readLink(await waitForEmail(mailServer, user.email), '/verify-email?token=');
		secrets.push(new URL(verifyLink).searchParams.get('token')!);
		await page.goto(verifyLink);
		await expect(page.getByText('Thank you: your email address is confirmed.')).toBeVisible();

		// A password reset, then sign in with the new password.
		await page.goto('/account');
		await signOut(page);
		await page.goto('/reset-password');
		await page.getByLabel('Email', { exact: true }).fill(user.email);
		await page.getByRole('button', { name: 'Send reset link' }).click();
		await expect(page.getByRole('status')).toContainText('we have emailed it a link');
		const resetLink = readLink(
			await waitForEmail(mailServer, user.email),
			'/reset-password?token='
		);
		secrets.push(new URL(resetLink).searchParams.get('token')!);
		await page.goto(resetLink);
		const newPassword = strongPassword();
		secrets.push(newPassword);
		await page.getByLabel('New password', { exact: true }).fill(newPassword);
		await page.getByLabel('Repeat the new password').fill(newPassword);
		await page.getByRole('button', { name: 'Change password' }).click();
		await expect(page).toHaveURL(/\/login\?reset=1$/);
		await signIn(page, user.email, newPassword);
		await sessionSecrets();

		// A diary session: a workplace, then a morning's work saved.
		await addWorkplace(page, 'Log Lane Surgery', 'locum');
		await page.goto(`/diary/${TODAY}`);
		await page.getByLabel('Start', { exact: true }).fill('09:00');
		await page.getByLabel('Finish', { exact: true }).fill('13:00');
		await page.getByLabel('Face to face', { exact: true }).fill('16');
		const saved = await submitForm(page, page.getByRole('button', { name: 'Save', exact: true }));
		await expect(page.getByRole('main').getByRole('status')).toContainText('Saved');
		const savedId = saved.headers()['x-request-id'];
		expect(savedId).toMatch(/^[0-9a-f-]{36}$/);

		// Every line is JSON; every request line has its id; the save's id is in the log.
		const output = server.log();
		const lines = output.split('\n').filter((l) => l.trim() !== '' && !ADAPTER_LINES.test(l));
		const entries = lines.map((line) => {
			try {
				return JSON.parse(line) as Record<string, unknown>;
			} catch {
				throw new Error(`Not a JSON log line: ${line}`);
			}
		});
		const requests = entries.filter((e) => e.component === 'http');
		expect(requests.length).toBeGreaterThan(10);
		for (const entry of requests) expect(entry.requestId).toMatch(/^[0-9a-f-]{36}$/);
		expect(requests.some((e) => e.requestId === savedId && e.method === 'POST')).toBe(true);

		// Nothing secret, in any form (the address only masked).
		expect(secrets.filter(Boolean).length).toBeGreaterThanOrEqual(8);
		for (const secret of secrets.filter(Boolean)) expect(output).not.toContain(secret);
		expect(output.toLowerCase()).not.toContain(user.email.toLowerCase());
		expect(output).not.toContain(encodeURIComponent(user.email));
	} finally {
		await context.close();
		await server.stop();
		rmSync(dataDir, { recursive: true, force: true });
	}
});
