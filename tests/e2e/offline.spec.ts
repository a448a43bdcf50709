// Offline on the phone (issue 9): install, log with no signal, sync later without loss or
// duplicates, conflicts shown to the doctor. The service worker is registered by the built app
// only, which is what the e2e server runs.
import type { BrowserContext, Page } from '@playwright/test';
import {
	addWorkplace,
	expect,
	registerUser,
	signIn,
	signOut,
	submitForm,
	test,
	TODAY
} from './fixtures';

async function fillSession(page: Page, start: string, finish: string, telephone: string) {
	await page.getByLabel('Start', { exact: true }).fill(start);
	await page.getByLabel('Finish', { exact: true }).fill(finish);
	await page.getByLabel('Telephone', { exact: true }).fill(telephone);
}

/** Logs a session while online; returns the address of its edit form. */
async function logOnline(page: Page, start: string, finish: string, telephone: string) {
	await page.goto(`/diary/${TODAY}`);
	await fillSession(page, start, finish, telephone);
	await submitForm(page, page.getByRole('button', { name: 'Save', exact: true }));
	await expect(page.getByRole('main').getByRole('status').first()).toContainText('Saved');
	await page.goto(`/diary/${TODAY}`);
	const link = page.getByRole('link', { name: new RegExp(`${start}–${finish}`) });
	return (await link.getAttribute('href'))!;
}

async function saveOffline(page: Page, button: 'Save' | 'Save changes') {
	await page.getByRole('button', { name: button, exact: true }).click();
	await expect(page.getByText('saved on this phone, waiting to sync')).toBeVisible();
}

/** The entries the server holds for the day, as the day page lists them. */
const logged = (page: Page) => page.getByRole('region', { name: 'Logged' }).getByRole('link');

/** Hydrated and idle: the offline queue is only there once the page's scripts run. */
async function settle(page: Page) {
	await page.waitForLoadState('networkidle');
}

async function pendingSettled(page: Page) {
	await expect(page.getByTestId('pending-change')).toHaveCount(0, { timeout: 15_000 });
}

test.describe('offline logging with the service worker', () => {
	test('two sessions logged and one edited offline arrive exactly once', async ({
		page,
		context
	}) => {
		await registerUser(page);
		await addWorkplace(page, 'Moorside Surgery', 'salaried');
		const editUrl = await logOnline(page, '18:00', '19:00', '4');
		// Let the worker take control, then open the pages once so it keeps them.
		await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
		await page.reload();
		await page.goto(editUrl);
		await page.goto(`/diary/${TODAY}`);
		await settle(page);

		await context.setOffline(true);
		await fillSession(page, '08:00', '12:00', '11');
		await saveOffline(page, 'Save');
		await fillSession(page, '13:00', '17:00', '12');
		await saveOffline(page, 'Save');
		await page.goto(editUrl);
		await page.getByLabel('Telephone', { exact: true }).fill('33');
		await saveOffline(page, 'Save changes');
		await expect(page.getByTestId('pending-change')).toHaveCount(3);
		await expect(page.getByTestId('pending-change').first()).toContainText('waiting to sync');

		await context.setOffline(false);
		await pendingSettled(page);
		await page.goto(`/diary/${TODAY}`);
		await expect(logged(page)).toHaveCount(3);
		await expect(logged(page).filter({ hasText: '08:00–12:00' })).toHaveCount(1);
		await expect(logged(page).filter({ hasText: '13:00–17:00' })).toHaveCount(1);
		await page.goto(editUrl);
		await expect(page.getByLabel('Telephone', { exact: true })).toHaveValue('33');
	});

	test('installable: manifest, icons, a controlling worker, and /diary reloads offline', async ({
		page,
		context
	}) => {
		await registerUser(page);
		await page.goto('/diary');
		const href = await page.locator('link[rel="manifest"]').getAttribute('href');
		expect(href).toBeTruthy();
		const manifestUrl = new URL(href!, page.url()).toString();
		const response = await page.request.get(manifestUrl);
		expect(response.ok()).toBe(true);
		const manifest = await response.json();
		expect(manifest).toMatchObject({
			name: expect.any(String),
			short_name: 'Sessional',
			start_url: '/diary',
			display: 'standalone'
		});
		const sizes: string[] = [];
		for (const icon of manifest.icons as { src: string; sizes: string; purpose?: string }[]) {
			const png = await page.request.get(new URL(icon.src, manifestUrl).toString());
			expect(png.headers()['content-type']).toContain('image/png');
			const body = await png.body();
			const [w, h] = [body.readUInt32BE(16), body.readUInt32BE(20)];
			expect(`${w}x${h}`).toBe(icon.sizes);
			sizes.push(`${icon.sizes} ${icon.purpose ?? 'any'}`);
		}
		expect(sizes).toEqual(
			expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable'])
		);
		await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveCount(1);

		await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
		await page.reload();
		expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

		await context.setOffline(true);
		const offline = await page.reload();
		expect(offline?.fromServiceWorker()).toBe(true);
		await expect(page.getByRole('heading', { level: 1, name: 'Diary' })).toBeVisible();
		await context.setOffline(false);

		// Signing out leaves no diary pages in the caches.
		await page.goto('/diary');
		await signOut(page);
		const kept = await page.evaluate(async () =>
			(await caches.keys()).filter((k) => k.startsWith('pages-'))
		);
		const pages = await page.evaluate(async (keys) => {
			let n = 0;
			for (const key of keys) n += (await (await caches.open(key)).keys()).length;
			return n;
		}, kept);
		expect(pages).toBe(0);
	});
});

test.describe('sync without the service worker in the way', () => {
	// page.route does not see requests a service worker answers; these tests need to cut them.
	test.use({ serviceWorkers: 'block' });

	test('a sync cut off after the server applied it is retried without duplicates', async ({
		page,
		context
	}) => {
		await registerUser(page);
		await addWorkplace(page, 'Moorside Surgery', 'salaried');
		await page.goto(`/diary/${TODAY}`);
		await settle(page);
		await context.setOffline(true);
		await fillSession(page, '08:00', '12:00', '7');
		await saveOffline(page, 'Save');
		await fillSession(page, '13:00', '17:00', '8');
		await saveOffline(page, 'Save');

		let calls = 0;
		await page.route('**/diary/sync', async (route) => {
			calls += 1;
			if (calls === 1) {
				// The server applies the batch; its answer is lost on the way back.
				await route.fetch();
				await route.abort('internetdisconnected');
			} else {
				await route.continue();
			}
		});
		await context.setOffline(false);
		await expect.poll(() => calls).toBe(1);
		await expect(page.getByTestId('pending-change')).toHaveCount(2);

		// The next page load syncs again: the same client ids, answered from the log.
		await page.reload();
		await expect.poll(() => calls).toBe(2);
		await pendingSettled(page);
		await page.goto(`/diary/${TODAY}`);
		await expect(logged(page)).toHaveCount(2);
	});

	test('the same entry edited offline on two devices shows the resolution screen', async ({
		page,
		browser
	}) => {
		const user = await registerUser(page);
		await addWorkplace(page, 'Moorside Surgery', 'salaried');
		const editUrl = await logOnline(page, '18:00', '19:00', '4');
		const other: BrowserContext = await browser.newContext({ serviceWorkers: 'block' });
		const phone = await other.newPage();
		await signIn(phone, user.email, user.password);

		await page.goto(editUrl);
		await phone.goto(editUrl);
		await settle(page);
		await settle(phone);
		await page.context().setOffline(true);
		await other.setOffline(true);
		await page.getByLabel('Telephone', { exact: true }).fill('5');
		await saveOffline(page, 'Save changes');
		await phone.getByLabel('Telephone', { exact: true }).fill('9');
		await saveOffline(phone, 'Save changes');

		await page.context().setOffline(false);
		await pendingSettled(page);
		await other.setOffline(false);
		const resolve = phone.getByRole('link', { name: /Resolve 1 conflicting change/ });
		await expect(resolve).toBeVisible();
		await resolve.click();
		await expect(phone.getByRole('heading', { name: 'Changes to resolve' })).toBeVisible();
		const row = phone.getByRole('row', { name: /Telephone/ });
		await expect(row).toContainText('9');
		await expect(row).toContainText('5');
		await phone.getByRole('button', { name: 'Keep this phone’s version' }).click();
		await expect(phone.getByText('Your version is saved.')).toBeVisible();
		await phone.goto(editUrl);
		await expect(phone.getByLabel('Telephone', { exact: true })).toHaveValue('9');
		await other.close();
	});
});

// Issue 14, F3: on a shared computer a doctor's diary must not stay readable offline once their
// session has ended, whichever way it ended, and their offline changes must never be sent under
// someone else's session. The service worker keeps pages per session and serves them only while
// the server last said that session is the one signed in here (src/service-worker.ts).
test.describe('a shared computer: nothing of a doctor offline once their session ends', () => {
	// Two doctors, or two devices, and the network going away and back: slower than most tests.
	test.describe.configure({ timeout: 120_000 });
	const WORKPLACE = 'Moorside Surgery';

	/** A doctor with a session logged, the diary's pages opened once under the worker. */
	async function doctorWithDiaryKept(page: Page) {
		const user = await registerUser(page);
		await addWorkplace(page, 'Moorside Surgery', 'salaried');
		await logOnline(page, '18:00', '19:00', '4');
		await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
		await page.reload();
		await page.goto('/diary');
		await page.goto(`/diary/${TODAY}`);
		await settle(page);
		return user;
	}

	/** While the session lasts, the day reads offline: the test below it is not vacuous. */
	async function expectReadableOffline(page: Page) {
		await page.context().setOffline(true);
		const response = await page.goto(`/diary/${TODAY}`);
		expect(response?.fromServiceWorker()).toBe(true);
		await expect(logged(page).filter({ hasText: '18:00–19:00' })).toHaveCount(1);
		await page.context().setOffline(false);
	}

	/** Offline, no diary page shows anything of the first doctor's. */
	async function expectNothingOffline(page: Page) {
		await page.context().setOffline(true);
		for (const path of ['/diary', `/diary/${TODAY}`, `/diary/${TODAY}/__data.json`]) {
			await page.goto(path).catch(() => null);
			await expect(page.getByText(WORKPLACE)).toHaveCount(0);
			await expect(page.getByText('18:00–19:00')).toHaveCount(0);
		}
		await page.context().setOffline(false);
	}

	/** What this browser's offline queue holds, whoever it belongs to. */
	async function queueInBrowser(page: Page): Promise<unknown[]> {
		return page.evaluate(
			() =>
				new Promise<unknown[]>((resolve, reject) => {
					const open = indexedDB.open('sessional-offline', 1);
					open.onupgradeneeded = () =>
						open.result.createObjectStore('changes', { keyPath: 'seq', autoIncrement: true });
					open.onerror = () => reject(open.error);
					open.onsuccess = () => {
						const all = open.result.transaction('changes').objectStore('changes').getAll();
						all.onsuccess = () => {
							open.result.close();
							resolve(all.result);
						};
						all.onerror = () => reject(all.error);
					};
				})
		);
	}

	async function signOutEverywhere(page: Page) {
		await page.goto('/account', { waitUntil: 'networkidle' });
		await submitForm(page, page.getByRole('button', { name: 'Sign out everywhere' }));
		await expect(page).toHaveURL(/\/login/);
	}

	test('sign out everywhere from this browser', async ({ page }) => {
		await doctorWithDiaryKept(page);
		await expectReadableOffline(page);
		await signOutEverywhere(page);
		await expectNothingOffline(page);
	});

	test('sign out everywhere from another device, heard when the connection returns', async ({
		page,
		context,
		browser
	}) => {
		const user = await doctorWithDiaryKept(page);
		await expectReadableOffline(page);
		// The computer is offline while the doctor signs out everywhere from their phone.
		await context.setOffline(true);
		const other = await browser.newContext({ serviceWorkers: 'block' });
		const phone = await other.newPage();
		await signIn(phone, user.email, user.password);
		await signOutEverywhere(phone);
		await other.close();
		// Its connection returns: the page asks who is signed in, is told nobody, and leaves.
		await context.setOffline(false);
		await expect(page).toHaveURL(/\/login/);
		await expectNothingOffline(page);
	});

	test('account deleted', async ({ page }) => {
		const user = await doctorWithDiaryKept(page);
		await expectReadableOffline(page);
		await page.goto('/account', { waitUntil: 'networkidle' });
		await page.locator('#delete-password').fill(user.password);
		await page.locator('#delete-confirm').fill('DELETE');
		await submitForm(page, page.getByRole('button', { name: 'Delete my account' }));
		await expect(page).toHaveURL(/\/login\?deleted=1/);
		await expectNothingOffline(page);
	});

	test('signing out while the page still asks who is signed in ends on the signed-out page', async ({
		browser
	}) => {
		// The page's own session check (at every load) answers after the sign-out has gone through
		// but before the signed-out page has loaded: it must not reload the page being left, which
		// would send the doctor to sign in again (a race CI met once).
		const context = await browser.newContext({ serviceWorkers: 'block' });
		const page = await context.newPage();
		await registerUser(page);
		let answerSession!: () => void;
		const sessionHeld = new Promise<void>((resolve) => (answerSession = resolve));
		let loadSignedOut!: () => void;
		const signedOutHeld = new Promise<void>((resolve) => (loadSignedOut = resolve));
		await page.route('**/session', async (route) => {
			await sessionHeld;
			await route.continue();
		});
		await page.route(/\/__data\.json/, async (route) => {
			await signedOutHeld;
			await route.continue();
		});
		const asked = page.waitForRequest((request) => request.url().endsWith('/session'));
		await page.goto('/diary', { waitUntil: 'load' });
		await asked;

		const signedOutOnServer = page.waitForResponse((r) => r.url().endsWith('/logout'));
		await page.getByRole('button', { name: 'Sign out', exact: true }).click();
		await signedOutOnServer;
		const answered = page.waitForResponse((r) => r.url().endsWith('/session'));
		answerSession();
		expect(await (await answered).json()).toEqual({ account: null });
		loadSignedOut();
		await expect(page).toHaveURL(/\/\?signedOut=1$/);
		await expect(page.getByRole('link', { name: 'Sign in' }).first()).toBeVisible();
		await context.close();
	});

	test('a second doctor signs in on the same browser: none of the first one’s pages or queue', async ({
		page,
		context,
		browser
	}) => {
		const first = await doctorWithDiaryKept(page);
		const syncs: string[] = [];
		context.on('request', (request) => {
			if (request.url().endsWith('/diary/sync')) syncs.push(request.postData() ?? '');
		});
		// The first doctor logs a session with no signal: it waits in this browser's queue.
		await context.setOffline(true);
		await fillSession(page, '08:00', '12:00', '11');
		await saveOffline(page, 'Save');
		expect(await queueInBrowser(page)).toHaveLength(1);

		// A second doctor signs in on this browser (in another window; the session cookie is the
		// only thing the two windows share) before this page has had a signal again.
		const other = await browser.newContext({ serviceWorkers: 'block' });
		await registerUser(await other.newPage());
		const cookie = (await other.cookies()).find((c) => c.name === 'session')!;
		await other.close();
		await context.clearCookies();
		await context.addCookies([cookie]);

		// The signal returns: the page learns who is signed in, and the first doctor's change
		// leaves the browser unsent; the page reloads as the second doctor's.
		await context.setOffline(false);
		await expect(page.getByText(WORKPLACE)).toHaveCount(0);
		await expect(page.getByText('Add a workplace first')).toBeVisible();
		await expect.poll(() => queueInBrowser(page)).toHaveLength(0);
		await settle(page);
		expect(syncs).toEqual([]);
		await expect(logged(page)).toHaveCount(0);
		await expectNothingOffline(page);

		// The second doctor leaves; the first is told, once, what was not sent.
		await page.goto('/diary');
		await signOut(page);
		await signIn(page, first.email, first.password);
		const note = page.getByTestId('offline-discarded');
		await expect(note).toContainText('1 diary change you made offline on this browser');
		await expect(note).toContainText('Please enter it again');
		await page.goto(`/diary/${TODAY}`);
		await expect(logged(page)).toHaveCount(1);
		await expect(page.getByTestId('offline-discarded')).toHaveCount(0);
	});
});
