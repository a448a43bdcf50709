import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext, APIResponse, Page, PlaywrightWorkerArgs } from '@playwright/test';
import type { MailServer } from 'smtp-tester';
import {
	DEMO,
	expect,
	readLink,
	strongPassword,
	submitForm,
	submitSignIn,
	test,
	uniqueEmail,
	type Email,
	BASE_URL,
	E2E_PORT
} from './fixtures';
import { startBuiltServer } from '../../tools/server';

// Issue #8: the abuse protections, over real HTTP. The suite's own server (E2E_PORT, 4173) runs with
// registration and reset limits of 1000 because the suite registers many accounts, so these tests
// start their own server from the same build with low limits (see `startApp`).

const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2526);
const MAIN = BASE_URL;
const LIMITED_PORT = E2E_PORT + 2;
const LIMITED = `http://localhost:${LIMITED_PORT}`;
/** A short-lived third server, only to read its headers when its ORIGIN is https. */
const HTTPS_PORT = E2E_PORT + 3;

const WINDOW_MINUTES = 15;
/** Per email (sign-in) or per account (resend, submissions); per client address it is ten times. */
const LIMITS = { signIn: 3, register: 1, reset: 2, submissions: 2 };
const ONE_YEAR_SECONDS = 365 * 24 * 3600;

/**
 * Every test here comes from "its own" client address: the limited server takes the address from
 * this header (adapter-node's ADDRESS_HEADER, as behind a proxy), so one test using up an address's
 * budget cannot change another test's answers.
 */
const ADDRESS_HEADER = 'x-sessional-test-client';
let addressCounter = 0;
function newClientAddress(): string {
	addressCounter += 1;
	return `2001:db8::${addressCounter.toString(16)}:${Math.floor(Math.random() * 0xffff).toString(16)}`;
}

interface RunningApp {
	stop: () => Promise<void>;
}

/** `node build/index.js` (built by the suite's webServer) on a fresh embedded database. */
async function startApp(port: number, env: Record<string, string>): Promise<RunningApp> {
	const dataDir = mkdtempSync(join(tmpdir(), 'sessional-abuse-'));
	const removeData = () => rmSync(dataDir, { recursive: true, force: true });
	try {
		const server = await startBuiltServer({
			port,
			readyMs: 60_000,
			stopLimitMs: 5_000,
			env: {
				DATA_DIR: dataDir,
				// Never a shared PostgreSQL database, whatever the shell has set.
				DATABASE_URL: '',
				SECURE_COOKIES: '',
				// These servers run in production mode, which refuses a pinned clock (config.ts), so they
				// run on the real date, as a deployment does; nothing tested here depends on the date.
				SESSIONAL_TODAY: '',
				// Production requires a contributor-key secret (config.ts); any will do for a test server.
				CONTRIBUTOR_KEY_SECRET: randomBytes(32).toString('hex'),
				...env
			}
		});
		return {
			stop: async () => {
				await server.stop();
				removeData();
			}
		};
	} catch (err) {
		removeData();
		throw err;
	}
}

let limited: RunningApp | undefined;

test.beforeAll(async () => {
	limited = await startApp(LIMITED_PORT, {
		ORIGIN: LIMITED,
		// Production, as deployed: config.ts makes cookies Secure (and sends HSTS) only when
		// production has an https ORIGIN, so over this plain-http origin the session cookie still
		// sticks and the server behaves as a production one otherwise.
		NODE_ENV: 'production',
		// Production refuses an http ORIGIN unless told the server is a test (config.ts).
		ALLOW_HTTP_ORIGIN: '1',
		ADDRESS_HEADER,
		SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
		RATE_LIMIT_SIGN_IN: String(LIMITS.signIn),
		RATE_LIMIT_REGISTER: String(LIMITS.register),
		RATE_LIMIT_RESET: String(LIMITS.reset),
		RATE_LIMIT_SUBMISSIONS: String(LIMITS.submissions),
		RATE_LIMIT_WINDOW_MINUTES: String(WINDOW_MINUTES)
	});
});

test.afterAll(async () => {
	await limited?.stop();
	limited = undefined;
});

// Pages and `request` go to the limited server unless a test names another.
test.use({ baseURL: LIMITED });

// ---------------------------------------------------------------------------------------------
// Helpers

type Playwright = PlaywrightWorkerArgs['playwright'];

const openClients: APIRequestContext[] = [];
test.afterEach(async () => {
	await Promise.all(openClients.splice(0).map((c) => c.dispose()));
});

/** An HTTP client of the limited server, coming from one client address with its own cookies. */
async function client(playwright: Playwright, address = newClientAddress()) {
	const context = await playwright.request.newContext({
		baseURL: LIMITED,
		// A form post that does not ask for JSON gets the page, as a browser without JavaScript does.
		extraHTTPHeaders: { [ADDRESS_HEADER]: address, accept: 'text/html' }
	});
	openClients.push(context);
	return context;
}

/** Posts a form as a browser would from the server's own page; redirects are not followed. */
function postForm(
	http: APIRequestContext,
	path: string,
	form: Record<string, string>
): Promise<APIResponse> {
	return http.post(path, { form, headers: { origin: LIMITED }, maxRedirects: 0 });
}

interface Account {
	name: string;
	email: string;
	password: string;
}

function register(http: APIRequestContext, account: Account): Promise<APIResponse> {
	return postForm(http, '/register', {
		name: account.name,
		email: account.email,
		doctorKind: 'locum',
		password: account.password,
		terms: 'on'
	});
}

function newAccount(label = 'abuse'): Account {
	return { name: 'Dr Ada Test', email: uniqueEmail(label), password: strongPassword() };
}

/** Registers accounts (from the given client) and checks each was accepted. */
async function registerAccounts(http: APIRequestContext, count: number): Promise<Account[]> {
	const accounts: Account[] = [];
	for (let i = 0; i < count; i++) {
		const account = newAccount();
		const response = await register(http, account);
		expect(response.status(), `registering ${account.email}`).toBe(303);
		accounts.push(account);
	}
	return accounts;
}

function signInPost(http: APIRequestContext, email: string, password: string) {
	return postForm(http, '/login', { email, password });
}

function sessionCookieSet(response: APIResponse): boolean {
	return response
		.headersArray()
		.some((h) => h.name.toLowerCase() === 'set-cookie' && /^session=[^;]+/.test(h.value));
}

/** The text a person would read: no scripts (hydration data, nonces), no tags, one space. */
function visibleText(html: string): string {
	return html
		.replace(/<script\b[\s\S]*?<\/script>/gi, ' ')
		.replace(/<style\b[\s\S]*?<\/style>/gi, ' ')
		.replace(/<[^>]*>/g, ' ')
		.replace(/&nbsp;/g, ' ')
		.replace(/&#39;|&apos;/g, "'")
		.replace(/&quot;/g, '"')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ')
		.trim();
}

/**
 * Opens a page and waits until its scripts are in: a field filled before the page hydrates can be
 * emptied again by hydration, and the form then posts without it.
 */
async function openHydrated(page: Page, path: string): Promise<void> {
	await page.goto(path, { waitUntil: 'networkidle' });
}

/** Checks the refusal names the action and a wait within the window; returns the minutes. */
function expectTryAgain(text: string, action: string): number {
	const match = text.match(
		new RegExp(`Too many ${action} attempts\\. Try again in (\\d+) minutes?\\.`)
	);
	expect(
		match,
		`"Too many ${action} attempts. Try again in … minutes." in the answer`
	).not.toBeNull();
	const minutes = Number(match![1]);
	expect(minutes).toBeGreaterThanOrEqual(1);
	expect(minutes).toBeLessThanOrEqual(WINDOW_MINUTES);
	return minutes;
}

/** Every email to `address` (including any delivered and not yet read) until `stop()`. */
function collectEmails(mailServer: MailServer, address: string) {
	const emails: Email[] = [];
	const handler = (_recipient: unknown, id: number, email: Email) => {
		mailServer.remove(id);
		emails.push(email);
	};
	mailServer.bind(address, handler);
	const withSubject = (subject: string) => emails.filter((e) => e.headers.subject === subject);
	return {
		withSubject,
		/** Waits until `count` emails with the subject are in, then `settleMs` more for stragglers. */
		async settle(subject: string, count: number, settleMs = 2_000) {
			await expect.poll(() => withSubject(subject).length, { timeout: 15_000 }).toBe(count);
			await new Promise((r) => setTimeout(r, settleMs));
			return withSubject(subject);
		},
		stop: () => mailServer.unbind(address, handler)
	};
}

const SUBJECTS = {
	confirm: 'Confirm your email for Sessional',
	reset: 'Reset your Sessional password',
	taken: 'Someone tried to register with your email'
};

// ---------------------------------------------------------------------------------------------
// 1. Sign-in

test('sign-in: the 4th try for one email is refused even with the right password; 30 failures close the address', async ({
	playwright
}) => {
	const setup = await client(playwright);
	const [alice, bob, carol] = await registerAccounts(setup, 3);
	const address = newClientAddress();
	const attacker = await client(playwright, address);

	for (let attempt = 1; attempt <= LIMITS.signIn; attempt++) {
		const wrong = await signInPost(attacker, alice.email, `wrong-password-${attempt}`);
		expect(wrong.status(), `wrong password ${attempt}`).toBe(400);
		expect(visibleText(await wrong.text())).toContain('Wrong email or password.');
	}
	// Locked: refused before the password is looked at, so even the right one gets in no more.
	const locked = await signInPost(attacker, alice.email, alice.password);
	expect(locked.status()).toBe(429);
	expectTryAgain(visibleText(await locked.text()), 'sign-in');
	expect(sessionCookieSet(locked)).toBe(false);

	// The lock is on the email: a colleague on the same connection signs in.
	const colleague = await client(playwright, address);
	const bobIn = await signInPost(colleague, bob.email, bob.password);
	expect(bobIn.status()).toBe(303);
	expect(sessionCookieSet(bobIn)).toBe(true);

	// The address has spent 4 of its 3 × 10 = 30 (3 wrong, 1 refused; Bob's success is given
	// back). 26 more failures with fresh emails are answered as wrong, then the address is refused.
	const budget = LIMITS.signIn * 10;
	for (let attempt = 5; attempt <= budget; attempt++) {
		const wrong = await signInPost(attacker, uniqueEmail('guess'), 'guessed-password');
		expect(wrong.status(), `failure ${attempt} of ${budget} from the address`).toBe(400);
	}
	const overBudget = await signInPost(attacker, uniqueEmail('guess'), 'guessed-password');
	expect(overBudget.status()).toBe(429);
	expectTryAgain(visibleText(await overBudget.text()), 'sign-in');
	// Even a real account with its right password, never tried before, from that address.
	const carolFromThere = await signInPost(attacker, carol.email, carol.password);
	expect(carolFromThere.status()).toBe(429);
	expect(sessionCookieSet(carolFromThere)).toBe(false);
	// From elsewhere Carol signs in: it is the address that is closed, not her account.
	const carolElsewhere = await signInPost(await client(playwright), carol.email, carol.password);
	expect(carolElsewhere.status()).toBe(303);
});

// ---------------------------------------------------------------------------------------------
// 2. Registration

test('registration: the 11th from one address in the window is refused and stores nothing', async ({
	playwright,
	mailServer
}) => {
	const http = await client(playwright);
	const perAddress = LIMITS.register * 10;
	const accepted = await registerAccounts(http, perAddress);

	const refused = newAccount('refused');
	const refusedMail = collectEmails(mailServer, refused.email);
	const lastAcceptedMail = collectEmails(mailServer, accepted.at(-1)!.email);
	try {
		const response = await register(http, refused);
		expect(response.status()).toBe(429);
		const text = visibleText(await response.text());
		expectTryAgain(text, 'registration');
		expect(sessionCookieSet(response)).toBe(false);

		// The 10th got its confirmation; the refused one gets nothing, and has no account.
		await lastAcceptedMail.settle(SUBJECTS.confirm, 1);
		expect(refusedMail.withSubject(SUBJECTS.confirm)).toHaveLength(0);
		const elsewhere = await client(playwright);
		const signInRefused = await signInPost(elsewhere, refused.email, refused.password);
		expect(signInRefused.status()).toBe(400);
		expect(visibleText(await signInRefused.text())).toContain('Wrong email or password.');
		const signInAccepted = await signInPost(
			elsewhere,
			accepted.at(-1)!.email,
			accepted.at(-1)!.password
		);
		expect(signInAccepted.status()).toBe(303);
	} finally {
		refusedMail.stop();
		lastAcceptedMail.stop();
	}

	// The limit is the address's, not everyone's: another address still registers.
	const other = await register(await client(playwright), newAccount());
	expect(other.status()).toBe(303);
});

// ---------------------------------------------------------------------------------------------
// 3. Password reset requests

test('password reset: the 3rd request for one email is refused and only 2 emails go out', async ({
	playwright,
	mailServer
}) => {
	const [account] = await registerAccounts(await client(playwright), 1);
	const mail = collectEmails(mailServer, account.email);
	try {
		const http = await client(playwright);
		for (let request = 1; request <= LIMITS.reset; request++) {
			const response = await postForm(http, '/reset-password?/request', { email: account.email });
			expect(response.status(), `reset request ${request}`).toBe(200);
		}
		// From another address too: the limit is the email's.
		const third = await postForm(await client(playwright), '/reset-password?/request', {
			email: account.email
		});
		expect(third.status()).toBe(429);
		expectTryAgain(visibleText(await third.text()), 'reset');

		const resets = await mail.settle(SUBJECTS.reset, LIMITS.reset);
		expect(resets).toHaveLength(LIMITS.reset);
	} finally {
		mail.stop();
	}
});

// ---------------------------------------------------------------------------------------------
// 4. Verification email resend

test('verification resend: a signed-in unverified doctor gets 429 on the 3rd', async ({
	playwright,
	mailServer
}) => {
	const http = await client(playwright);
	const account = newAccount();
	const mail = collectEmails(mailServer, account.email);
	try {
		expect((await register(http, account)).status()).toBe(303);
		// Registering signs nobody in (DESIGN §6): sign in, as the person would.
		expect((await signInPost(http, account.email, account.password)).status()).toBe(303);

		for (let resend = 1; resend <= LIMITS.reset; resend++) {
			const response = await postForm(http, '/verify-email?/resend', {});
			expect(response.status(), `resend ${resend}`).toBe(200);
		}
		const third = await postForm(http, '/verify-email?/resend', {});
		expect(third.status()).toBe(429);
		expectTryAgain(visibleText(await third.text()), 'resend');

		// One link at registration and one for each allowed resend.
		const confirmations = await mail.settle(SUBJECTS.confirm, 1 + LIMITS.reset);
		expect(confirmations).toHaveLength(1 + LIMITS.reset);
	} finally {
		mail.stop();
	}
});

// ---------------------------------------------------------------------------------------------
// 5. Rate submissions

/** Shares a rate from the form; a different category each time, so none replaces another. */
async function shareRate(page: Page, category: string, amount: string) {
	await openHydrated(page, '/rates/submit');
	await page.getByRole('radio', { name: new RegExp(`^${category}`) }).check();
	await page.getByLabel('Area', { exact: true }).selectOption({ label: 'Devon' });
	await page.getByLabel('Amount paid (£)').fill(amount);
	await page.getByRole('radio', { name: 'per session', exact: true }).check();
	await page.getByLabel('Hours worked').fill('4');
	return submitForm(page, page.getByRole('button', { name: 'Share this rate' }));
}

test('rate submissions: the 3rd in the window is refused with a message and not stored', async ({
	page,
	playwright,
	mailServer
}) => {
	const address = newClientAddress();
	await page.setExtraHTTPHeaders({ [ADDRESS_HEADER]: address });
	const http = await client(playwright, address);
	const account = newAccount('rates');
	const mail = collectEmails(mailServer, account.email);
	try {
		expect((await register(http, account)).status()).toBe(303);
		const [confirmation] = await mail.settle(SUBJECTS.confirm, 1, 0);
		await page.goto(readLink(confirmation, '/verify-email?token='));
		await expect(page.getByText('Thank you: your email address is confirmed.')).toBeVisible();
	} finally {
		mail.stop();
	}
	await openHydrated(page, '/login');
	await submitSignIn(page, account.email, account.password);
	await expect(page).not.toHaveURL(/\/login/);

	for (const [category, amount] of [
		['In-hours surgery session', '310'],
		['Duty / on-call doctor', '320']
	]) {
		await shareRate(page, category, amount);
		await expect(page).toHaveURL(/\/rates\/mine\?saved=(accepted|held)$/);
	}
	const cards = page.locator('ul.submissions > li');
	await expect(cards).toHaveCount(LIMITS.submissions);

	await shareRate(page, 'Extended / enhanced access', '330');
	await expect(page).toHaveURL(/\/rates\/submit$/);
	await expect(page.getByRole('alert')).toHaveText(
		/^Too many submission attempts\. Try again in \d+ minutes?\.$/
	);
	// What was typed is kept, so it can be sent later.
	await expect(page.getByLabel('Amount paid (£)')).toHaveValue('330');

	await page.goto('/rates/mine');
	await expect(cards).toHaveCount(LIMITS.submissions);
	await expect(page.getByText('£330.00')).toHaveCount(0);
});

// ---------------------------------------------------------------------------------------------
// 6. Account enumeration

// The answers are compared here, over HTTP. That a known and an unknown email also cost the same
// work (the same argon2 calls, so no difference in time to measure) is proved on the code path in
// tests/integration/enumeration.test.ts; no test times it (issue 13). bench/enumeration.ts
// measures both paths, for information.

test('enumeration: sign-in answers an unknown email exactly as a wrong password', async ({
	playwright
}) => {
	const rounds = 4;
	// Each known email takes at most 2 wrong passwords here, under its lock of 3.
	const known = await registerAccounts(await client(playwright), Math.ceil(rounds / 2));
	const http = await client(playwright);
	for (let round = 0; round < rounds; round++) {
		const account = known[Math.floor(round / 2)];
		const wrong = await signInPost(http, account.email, 'not-the-password-1');
		const unknown = await signInPost(http, uniqueEmail('nobody'), 'not-the-password-1');
		expect(wrong.status()).toBe(400);
		expect(unknown.status()).toBe(wrong.status());
		const knownText = visibleText(await wrong.text());
		expect(knownText).toContain('Wrong email or password.');
		expect(visibleText(await unknown.text())).toBe(knownText);
		expect(sessionCookieSet(wrong)).toBe(false);
		expect(sessionCookieSet(unknown)).toBe(false);
	}
});

test('enumeration: a reset request answers the same for a known and an unknown email', async ({
	playwright
}) => {
	const rounds = 4;
	// Each known email asks twice at most, within its limit of 2.
	const known = await registerAccounts(await client(playwright), Math.ceil(rounds / 2));
	const http = await client(playwright);
	for (let round = 0; round < rounds; round++) {
		const knownEmail = known[Math.floor(round / 2)].email;
		const unknownEmail = uniqueEmail('nobody');
		const a = await postForm(http, '/reset-password?/request', { email: knownEmail });
		const b = await postForm(http, '/reset-password?/request', { email: unknownEmail });
		expect(a.status()).toBe(200);
		expect(b.status()).toBe(a.status());
		// The page repeats the address typed; apart from it, not one character differs.
		const aText = visibleText(await a.text()).replaceAll(knownEmail, '<email>');
		const bText = visibleText(await b.text()).replaceAll(unknownEmail, '<email>');
		expect(aText).toContain('<email>');
		expect(bText).toBe(aText);
	}
});

test('enumeration: registering a taken email answers as a new one; its owner is emailed', async ({
	playwright,
	mailServer
}) => {
	const owner = newAccount('owner');
	const newcomer = newAccount('newcomer');
	const ownerMail = collectEmails(mailServer, owner.email);
	const newcomerMail = collectEmails(mailServer, newcomer.email);
	try {
		expect((await register(await client(playwright), owner)).status()).toBe(303);
		await ownerMail.settle(SUBJECTS.confirm, 1, 0);

		const stranger = await client(playwright);
		const taken = await register(stranger, {
			...owner,
			name: 'Someone Else',
			password: strongPassword()
		});
		const fresh = await register(await client(playwright), newcomer);
		for (const [label, response] of [
			['taken', taken],
			['new', fresh]
		] as const) {
			expect(response.status(), `${label} address`).toBe(303);
			expect(response.headers()['location'], `${label} address`).toBe('/verify-email?sent=1');
			// Nobody is signed in by registering, so a cookie could not tell the two apart either.
			expect(sessionCookieSet(response), `${label} address sets no session`).toBe(false);
		}

		const [confirmation] = await newcomerMail.settle(SUBJECTS.confirm, 1, 0);
		expect(readLink(confirmation, '/verify-email?token=')).toContain(LIMITED);
		const [notice] = await ownerMail.settle(SUBJECTS.taken, 1);
		expect(notice.body).toContain('/reset-password');
		// The owner gets no second confirmation link, and the account is as it was.
		expect(ownerMail.withSubject(SUBJECTS.confirm)).toHaveLength(1);
	} finally {
		ownerMail.stop();
		newcomerMail.stop();
	}
	const check = await client(playwright);
	expect((await signInPost(check, owner.email, 'Not-the-owners-password-1')).status()).toBe(400);
	expect((await signInPost(check, owner.email, owner.password)).status()).toBe(303);
});

// ---------------------------------------------------------------------------------------------
// 7. Session fixation

test('session fixation: a session cookie planted before sign-in is replaced and never authenticates', async ({
	page,
	playwright
}) => {
	const address = newClientAddress();
	await page.setExtraHTTPHeaders({ [ADDRESS_HEADER]: address });
	const [victim, attacker] = await registerAccounts(await client(playwright), 2);
	const sessionCookie = async () =>
		(await page.context().cookies(LIMITED)).find((c) => c.name === 'session')?.value;
	const plant = (value: string) =>
		page.context().addCookies([{ name: 'session', value, url: LIMITED }]);

	// Any value: planted after the sign-in page loaded, so the sign-in post carries it.
	const planted = 'planted-by-attacker-0123456789abcdefghijkl';
	await openHydrated(page, '/login');
	await plant(planted);
	expect(await sessionCookie()).toBe(planted);
	await submitSignIn(page, victim.email, victim.password);
	await expect(page).not.toHaveURL(/\/login/);
	const victimToken = await sessionCookie();
	expect(victimToken).toBeTruthy();
	expect(victimToken).not.toBe(planted);

	const withToken = async (token: string) => {
		const context = await playwright.request.newContext({
			baseURL: LIMITED,
			extraHTTPHeaders: { [ADDRESS_HEADER]: address, cookie: `session=${token}` }
		});
		const response = await context.get('/account', { maxRedirects: 0 });
		const result = {
			status: response.status(),
			location: response.headers()['location'],
			text: await response.text()
		};
		await context.dispose();
		return result;
	};
	// The planted value opens nothing; the new token is the victim's.
	const plantedAnswer = await withToken(planted);
	expect(plantedAnswer.status).toBe(303);
	expect(plantedAnswer.location).toMatch(/^\/login\?redirectTo=/);
	const victimAnswer = await withToken(victimToken!);
	expect(victimAnswer.status).toBe(200);
	expect(visibleText(victimAnswer.text)).toContain(victim.email);

	// A valid token of another session (the attacker's own): signing in as the victim over it
	// starts a new session; the attacker's token stays the attacker's.
	const attackerHttp = await client(playwright);
	expect((await signInPost(attackerHttp, attacker.email, attacker.password)).status()).toBe(303);
	const attackerToken = (await attackerHttp.storageState()).cookies.find(
		(c) => c.name === 'session'
	)!.value;
	await page.context().clearCookies();
	await openHydrated(page, '/login');
	await plant(attackerToken);
	await submitSignIn(page, victim.email, victim.password);
	await expect(page).not.toHaveURL(/\/login/);
	const secondToken = await sessionCookie();
	expect(secondToken).toBeTruthy();
	expect(secondToken).not.toBe(attackerToken);
	await page.goto('/account');
	await expect(page.getByText(victim.email)).toBeVisible();
	const attackerAnswer = await withToken(attackerToken);
	expect(attackerAnswer.status).toBe(200);
	expect(visibleText(attackerAnswer.text)).toContain(attacker.email);
	expect(visibleText(attackerAnswer.text)).not.toContain(victim.email);
});

// 8. Session expiry: nothing over HTTP can age a session, so no end-to-end test could fail here.
// tests/integration/accounts.test.ts ("… ends them on expiry") moves expires_at back and checks the
// token stops working.

// ---------------------------------------------------------------------------------------------
// 9. Security headers

/** Soft: every page's gaps are reported, not only the first one's. */
function expectSecurityHeaders(label: string, headers: Record<string, string>) {
	expect
		.soft(headers['referrer-policy'], `${label}: Referrer-Policy`)
		.toBe('strict-origin-when-cross-origin');
	expect
		.soft(headers['x-content-type-options'], `${label}: X-Content-Type-Options`)
		.toBe('nosniff');
	const csp = headers['content-security-policy'];
	expect.soft(csp, `${label}: Content-Security-Policy`).toBeTruthy();
	if (!csp) return;
	const directives = new Map(
		csp
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter((parts) => parts[0])
			.map(([name, ...values]) => [name, values] as const)
	);
	const scriptSrc = directives.get('script-src') ?? directives.get('default-src');
	expect.soft(scriptSrc, `${label}: script-src (or default-src)`).toBeDefined();
	expect.soft(scriptSrc, `${label}: script-src`).not.toContain("'unsafe-inline'");
	expect.soft(directives.get('frame-ancestors'), `${label}: frame-ancestors`).toEqual(["'none'"]);
}

test('security headers on a public page, a signed-in page, API JSON and a 404; HSTS only over https', async ({
	playwright
}) => {
	// The suite's server: plain http, so no HSTS (a browser would ignore it there anyway).
	const main = await playwright.request.newContext({ baseURL: MAIN });
	try {
		const signedIn = await main.post('/login', {
			form: { email: DEMO.member.email, password: DEMO.member.password },
			headers: { origin: MAIN, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(signedIn.status()).toBe(303);

		const pages = [
			{ label: 'public page', path: '/about/method', status: 200, type: 'text/html' },
			{ label: 'signed-in page', path: '/account', status: 200, type: 'text/html' },
			{
				label: 'API JSON',
				path: '/api/rates/in_hours_session',
				status: 200,
				type: 'application/json'
			},
			{ label: '404 page', path: '/no-such-page-here', status: 404, type: 'text/html' }
		];
		for (const { label, path, status, type } of pages) {
			const response = await main.get(path, { maxRedirects: 0 });
			expect(response.status(), `${label} ${path}`).toBe(status);
			expect(response.headers()['content-type'], `${label} ${path}`).toContain(type);
			if (label === 'signed-in page') {
				expect(visibleText(await response.text())).toContain(DEMO.member.email);
			}
			expectSecurityHeaders(`${label} ${path}`, response.headers());
			expect(response.headers()['strict-transport-security'], `${label}: no HSTS over http`).toBe(
				undefined
			);
		}
	} finally {
		await main.dispose();
	}

	// Production with an http ORIGIN (the limited server) sends no HSTS either...
	const overHttp = await fetch(`${LIMITED}/healthz`);
	expect(overHttp.headers.get('strict-transport-security')).toBeNull();

	// ...and with an https ORIGIN it does, on every answer; the headers do not depend on the
	// request's origin matching, so plain http to the process shows them.
	const https = await startApp(HTTPS_PORT, {
		ORIGIN: 'https://sessional.example',
		NODE_ENV: 'production'
	});
	try {
		for (const path of ['/healthz', '/']) {
			const response = await fetch(`http://localhost:${HTTPS_PORT}${path}`);
			expect(response.status, path).toBe(200);
			const hsts = response.headers.get('strict-transport-security');
			expect(hsts, `HSTS on ${path}`).toBeTruthy();
			const maxAge = Number(hsts!.match(/max-age=(\d+)/)?.[1]);
			expect(maxAge, `HSTS max-age on ${path}`).toBeGreaterThanOrEqual(ONE_YEAR_SECONDS);
		}
	} finally {
		await https.stop();
	}
});
