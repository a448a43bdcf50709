import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

// E2E_PORT and E2E_SMTP_PORT let a second run share the machine (the abuse spec also takes
// E2E_PORT + 2 and + 3 for servers of its own).
const PORT = Number(process.env.E2E_PORT ?? 4173);
// The test worker listens for the app's mail on this port (smtp-tester, tests/e2e/fixtures.ts).
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2526);

// A fresh embedded database for every run. This file is evaluated again in each worker; the
// workers inherit the variable from the runner, so only the runner makes (and removes) the folder.
if (!process.env.SESSIONAL_E2E_DATA_DIR) {
	const dir = mkdtempSync(join(tmpdir(), 'sessional-e2e-'));
	process.env.SESSIONAL_E2E_DATA_DIR = dir;
	process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
}
const dataDir = process.env.SESSIONAL_E2E_DATA_DIR;

// The suite runs "as of" one date, the server and the tests alike (src/lib/server/clock.ts): the
// tests compute their expectations from the same pinned day, never from the machine's clock. CI
// runs parts of it on other dates by setting SESSIONAL_TODAY itself.
process.env.SESSIONAL_TODAY ||= '2026-11-24';

export default defineConfig({
	testDir: 'tests/e2e',
	// One server and one SMTP port shared by all tests; the rate-limit test must not race others.
	workers: 1,
	fullyParallel: false,
	retries: 0,
	reporter: 'list',
	timeout: 60_000,
	expect: { timeout: 10_000 },
	use: {
		baseURL: `http://localhost:${PORT}`,
		browserName: 'chromium',
		viewport: { width: 360, height: 740 },
		trace: 'retain-on-failure',
		launchOptions: {
			// Playwright's own browser download does not work here: Debian's Chromium does.
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	webServer: {
		// The demo with the shapes the tests rely on (tests/e2e/seed.ts), then the app as `npm start`
		// (--demo: the demo even when the shell has a DATABASE_URL, as before).
		command: 'node --import tsx tests/e2e/seed.ts && node scripts/start.mjs --demo',
		port: PORT,
		reuseExistingServer: false,
		timeout: 180_000,
		// The server's errors (stderr) show in the report; its request log does not.
		stdout: 'ignore',
		stderr: 'pipe',
		env: {
			...(process.env as Record<string, string>),
			PORT: String(PORT),
			// No ORIGIN, as `npm start` runs for a person: the demo takes each request's origin from
			// the address typed (scripts/demo-server.mjs), so localhost and 127.0.0.1 both work.
			ORIGIN: '',
			DATA_DIR: dataDir,
			SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
			RATE_LIMIT_REGISTER: '1000',
			RATE_LIMIT_RESET: '1000'
		}
	}
});
