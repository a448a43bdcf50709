import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateHOTP } from '@oslojs/otp';
import {
	test as base,
	expect,
	type Browser,
	type BrowserContext,
	type Locator,
	type Page,
	type Response
} from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import smtpTester, { type MailServer } from 'smtp-tester';
import * as clock from '../../src/lib/server/clock';
import { parseTotpKey } from '../../src/lib/server/auth/totp';
import { DEMO_ADMIN_TOTP_KEY } from '../../scripts/seed/demo';
import { addMonths } from '../../src/lib/domain/calendar';
import { RATE_CATEGORIES } from '../../src/lib/domain/rate-units';

export { expect };

/** The suite's server (playwright.config.ts). */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4173);
export const BASE_URL = `http://localhost:${E2E_PORT}`;

/**
 * The suite's "today" in London: the app's clock, pinned for the server and this process alike by
 * SESSIONAL_TODAY (playwright.config.ts), so expectations never come from the machine's date.
 */
export const TODAY = clock.today();

/** 'YYYY-MM' in London, `offset` months from TODAY (the server judges months the same way). */
export function londonMonth(offset = 0): string {
	return addMonths(`${TODAY.slice(0, 7)}-01`, offset).slice(0, 7);
}

/** The app sends its mail here (SMTP_URL in playwright.config.ts). */
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2526);
const MAIL_WAIT_MS = 15_000;
const SCREENSHOT_DIR = fileURLToPath(new URL('./screenshots/', import.meta.url));

export type Email = Awaited<ReturnType<MailServer['captureOne']>>['email'];

export const DEMO = {
	doctor: { email: 'doctor@demo.sessional.test', password: 'demo-doctor-pass' },
	member: { email: 'member@demo.sessional.test', password: 'demo-member-pass' },
	admin: {
		email: 'admin@demo.sessional.test',
		password: 'demo-admin-pass',
		totpKey: DEMO_ADMIN_TOTP_KEY
	}
} as const;

/** Authenticator keys of the accounts tests sign in with, by email: signIn gives their codes. */
const totpKeys = new Map<string, string>([[DEMO.admin.email, DEMO.admin.totpKey]]);

/** A test that turns two-factor sign-in on for an account tells signIn its key (or null: off). */
export function rememberTotpKey(email: string, key: string | null): void {
	if (key) totpKeys.set(email.toLowerCase(), key);
	else totpKeys.delete(email.toLowerCase());
}

// The server accepts each 30-second step's code once. The last step used per account is kept in
// a file of this run (the workers share it, and a worker restarted after a failure reads it), so
// signing the admin in again picks the next step's code, or waits for one.
const stepFile = (email: string) =>
	join(process.env.SESSIONAL_E2E_DATA_DIR ?? tmpdir(), `totp-step-${email}`);
const STEP_MS = 30_000;

/**
 * An authenticator code for `key` that the server has not seen yet: this step's or the next one's
 * (the server accepts one step either side of its own), later than any given before. TOTP is HOTP
 * over the step number, so `generateHOTP` makes the code for a chosen step; the test reads the
 * machine's real clock, as a phone would, and so does the server for these codes.
 */
export async function nextTotpCode(email: string, key: string): Promise<string> {
	let lastUsed = -1;
	try {
		lastUsed = Number(readFileSync(stepFile(email), 'utf8'));
	} catch {
		// First code of this run.
	}
	for (;;) {
		const now = Date.now();
		const step = Math.floor(now / STEP_MS);
		// This step's code only with time to spare before it ends; the next one's is good for longer.
		const candidates = (now % STEP_MS < STEP_MS - 3_000 ? [step, step + 1] : [step + 1]).filter(
			(s) => s > lastUsed
		);
		if (candidates.length) {
			writeFileSync(stepFile(email), String(candidates[0]));
			return generateHOTP(parseTotpKey(key), BigInt(candidates[0]), 6);
		}
		await new Promise((resolve) => setTimeout(resolve, STEP_MS - (now % STEP_MS) + 100));
	}
}

/** On /login/two-factor: types the next code for the account and submits it. */
export async function giveTotpCode(page: Page, email: string, key: string): Promise<Response> {
	await page.getByLabel('6-digit code').fill(await nextTotpCode(email, key));
	return submitForm(page, page.getByRole('button', { name: 'Confirm' }));
}

interface TestFixtures {
	/** Fails the test when any response of the page is a 5xx: bad input must never yield a 500. */
	noServerErrors: void;
}

interface WorkerFixtures {
	/** A real SMTP server in the test worker: the app delivers its emails to it. */
	mailServer: MailServer;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
	mailServer: [
		// eslint-disable-next-line no-empty-pattern
		async ({}, use) => {
			const server = smtpTester.init(SMTP_PORT);
			const net = server.smtpServer.server;
			if (!net.listening) {
				await new Promise<void>((resolve, reject) => {
					net.once('listening', () => resolve());
					server.smtpServer.once('error', reject);
				});
			}
			await use(server);
			await new Promise<void>((resolve) => server.stop(() => resolve()));
		},
		// Always running, so mail sent by tests that do not read it is still delivered.
		{ scope: 'worker', auto: true }
	],
	noServerErrors: [
		async ({ page }, use) => {
			const failures: string[] = [];
			page.on('response', (response) => {
				if (response.status() >= 500) {
					failures.push(`${response.status()} ${response.request().method()} ${response.url()}`);
				}
			});
			await use();
			expect(failures, 'server errors while the test ran').toEqual([]);
		},
		{ auto: true }
	]
});

/**
 * Clicks a form's submit button and waits for the server's answer to the POST, so the next
 * step never races the request (with or without JavaScript the form posts once).
 */
export async function submitForm(page: Page, button: Locator): Promise<Response> {
	const answered = page.waitForResponse((r) => r.request().method() === 'POST');
	await button.click();
	return answered;
}

/** Waits for the next email to `address` (one already received and not yet read counts). */
export async function waitForEmail(mailServer: MailServer, address: string): Promise<Email> {
	const { email } = await mailServer.captureOne(address, { wait: MAIL_WAIT_MS });
	return email;
}

/** The first http(s) link in the email's text whose address contains `path`. */
export function readLink(email: Email, path: string): string {
	const text = email.body ?? email.data;
	const links = text.match(/https?:\/\/[^\s<>"')]+/g) ?? [];
	const link = links.find((l) => l.includes(path));
	if (!link) throw new Error(`No link containing ${path} in the email:\n${text}`);
	return link;
}

let counter = 0;
/** An address no other test (or earlier run) has used. */
export function uniqueEmail(label = 'doctor'): string {
	counter += 1;
	const stamp = `${Date.now().toString(36)}${counter}${Math.random().toString(36).slice(2, 6)}`;
	return `${label}-${stamp}@e2e.sessional.test`;
}

/** A password that is long enough and not on the common-password list. */
export function strongPassword(): string {
	return `Ward-round-${Math.random().toString(36).slice(2, 10)}-kettle`;
}

export interface NewUser {
	name: string;
	email: string;
	kind: 'salaried' | 'locum' | 'retainer' | 'other' | '';
	password: string;
	terms: boolean;
}

/**
 * Fills and submits the registration form. Does not check the outcome: tests of bad input use
 * it too. On success the browser ends on /verify-email?sent=1, not signed in (registering signs
 * nobody in, so its answer is the same for a new address and one that already has an account).
 */
export async function fillRegistration(
	page: Page,
	input: Partial<NewUser> = {}
): Promise<NewUser & { response: Response }> {
	const user: NewUser = {
		name: 'Dr Sam Okafor',
		email: uniqueEmail(),
		kind: 'salaried',
		password: strongPassword(),
		terms: true,
		...input
	};
	// Typed into only once the page has loaded its scripts: hydration resets a field filled
	// before it (seen as "Enter your name." on a busy machine).
	await page.goto('/register', { waitUntil: 'networkidle' });
	await page.getByLabel('Your name').fill(user.name);
	await page.getByLabel('Email', { exact: true }).fill(user.email);
	await page.getByLabel('The work you mostly do').selectOption(user.kind);
	await page.getByLabel('Password', { exact: true }).fill(user.password);
	await page.getByLabel(/I agree to the terms/).setChecked(user.terms);
	const response = await submitForm(page, page.getByRole('button', { name: 'Register' }));
	return { ...user, response };
}

/** Registers a new account, then signs in with it (unconfirmed), as a new doctor would. */
export async function registerUser(page: Page, input: Partial<NewUser> = {}): Promise<NewUser> {
	const { response: _response, ...user } = await fillRegistration(page, input);
	await expect(page).toHaveURL(/\/verify-email\?sent=1$/);
	await signIn(page, user.email, user.password);
	return user;
}

/** Adds a practice in England through the diary's set-up page, as a doctor would. */
export async function addWorkplace(
	page: Page,
	name: string,
	basis: 'salaried' | 'locum'
): Promise<void> {
	await page.goto('/diary/setup');
	await page.getByLabel('Name', { exact: true }).fill(name);
	await page.getByLabel('Kind of workplace').selectOption('practice');
	await page.getByLabel('How you work there').selectOption(basis);
	await page.getByLabel('Nation').selectOption('ENG');
	await submitForm(page, page.getByRole('button', { name: 'Add workplace' }));
	await expect(page.getByRole('main').getByRole('status')).toHaveText('Workplace saved.');
}

/** Fills the sign-in form on the page the browser is on and submits it; checks nothing. */
export async function submitSignIn(page: Page, email: string, password: string): Promise<Response> {
	await page.getByLabel('Email', { exact: true }).fill(email);
	await page.getByLabel('Password', { exact: true }).fill(password);
	return submitForm(page, page.getByRole('button', { name: 'Sign in' }));
}

/**
 * Signs in from /login and waits until the app has let the person in; for an account with
 * two-factor sign-in (the demo admin, or one a test turned it on for) it gives the code too.
 */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
	const key = totpKeys.get(email.toLowerCase());
	if (key) {
		await signInToSecondStep(page, email, password);
		await giveTotpCode(page, email.toLowerCase(), key);
	} else {
		await page.goto('/login', { waitUntil: 'networkidle' });
		await submitSignIn(page, email, password);
	}
	await expect(page).not.toHaveURL(/\/login/);
}

/** The password step from /login (with `query`, e.g. a redirectTo), up to the second step's page. */
export async function signInToSecondStep(
	page: Page,
	email: string,
	password: string,
	query = ''
): Promise<void> {
	await page.goto(`/login${query}`, { waitUntil: 'networkidle' });
	await submitSignIn(page, email, password);
	await expect(page).toHaveURL(/\/login\/two-factor/);
	await page.waitForLoadState('networkidle');
}

export async function signOut(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Sign out', exact: true }).click();
	await expect(page).toHaveURL(/\/\?signedOut=1$/);
}

/** WCAG 2.2 AA as axe checks it: no violations at all. */
export async function expectNoA11yViolations(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	const violations = results.violations.map((v) => ({
		id: v.id,
		impact: v.impact,
		help: v.help,
		targets: v.nodes.map((n) => n.target.join(' '))
	}));
	expect(violations, `axe violations on ${page.url()}`).toEqual([]);
}

/** A full-page PNG in tests/e2e/screenshots (git-ignored), for people to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
	mkdirSync(SCREENSHOT_DIR, { recursive: true });
	await page.screenshot({ path: `${SCREENSHOT_DIR}${name}.png`, fullPage: true });
}

/** Axe, then a screenshot: a page a person will look at. */
export async function checkPage(page: Page, name: string): Promise<void> {
	await expectNoA11yViolations(page);
	await screenshot(page, name);
}

/** A new browser context on the app, with no cookies: another device, or a sign-in from scratch. */
export async function freshContext(browser: Browser): Promise<BrowserContext> {
	return browser.newContext({ baseURL: test.info().project.use.baseURL });
}

/** Every kind of work a rate is shared for, in the order the map offers them. */
export const RATE_CATEGORY_CODES = RATE_CATEGORIES.map((c) => c.code);
