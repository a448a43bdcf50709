import type { Page } from '@playwright/test';
import {
	checkPage,
	DEMO,
	expect,
	freshContext,
	giveTotpCode,
	nextTotpCode,
	registerUser,
	rememberTotpKey,
	signIn,
	signOut,
	submitForm,
	signInToSecondStep,
	submitSignIn,
	test
} from './fixtures';
import { DATA_SHAPES } from './data-shapes';

test.use({ viewport: { width: 360, height: 740 } });
test.describe.configure({ mode: 'serial' });

/** On /account/two-factor before it is on: reads the key as a person typing it would. */
async function readKey(page: Page): Promise<string> {
	await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
	const key = (await page.getByTestId('totp-key').textContent())?.trim() ?? '';
	expect(key).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
	return key;
}

/** Confirms the set-up with the app's next code; returns the recovery codes shown once. */
async function confirmSetUp(page: Page, email: string, key: string): Promise<string[]> {
	await page.getByLabel('6-digit code').fill(await nextTotpCode(email, key));
	await submitForm(page, page.getByRole('button', { name: 'Turn on two-factor sign-in' }));
	const list = page.getByRole('list', { name: 'Recovery codes' });
	await expect(list.getByRole('listitem')).toHaveCount(10);
	return (await list.getByRole('listitem').allTextContents()).map((c) => c.trim());
}

/** Gives the password on /login and stops at the second step. */
async function useRecoveryCode(page: Page, code: string) {
	await page.getByLabel('Recovery code').fill(code);
	await submitForm(page, page.getByRole('button', { name: 'Use recovery code' }));
}

test('a doctor turns two-factor sign-in on, signs in with a code and a recovery code (once), and turns it off', async ({
	page
}) => {
	test.setTimeout(180_000);
	const doctor = await registerUser(page, { name: 'Dr Two Factor' });
	await page.goto('/account');
	await page.getByRole('link', { name: 'Set up two-factor sign-in' }).click();
	await expect(page).toHaveURL(/\/account\/two-factor$/);
	await page.waitForLoadState('networkidle');
	const key = await readKey(page);
	await checkPage(page, 'two-factor-set-up');

	// A wrong code is refused beside the field, and the same key stays on the page.
	await page.getByLabel('6-digit code').fill('000000');
	await submitForm(page, page.getByRole('button', { name: 'Turn on two-factor sign-in' }));
	await expect(page.locator('#field-code-error')).toContainText('That code is not right');
	expect((await page.getByTestId('totp-key').textContent())?.trim()).toBe(key);

	const codes = await confirmSetUp(page, doctor.email, key);
	rememberTotpKey(doctor.email, key);
	await checkPage(page, 'two-factor-recovery-codes');
	await page.goto('/account/two-factor');
	await expect(page.getByText('10 of 10 recovery codes left')).toBeVisible();

	// Signing in now takes the code: the password alone stops at the second step.
	await signOut(page);
	await signInToSecondStep(page, doctor.email, doctor.password);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Two-factor sign-in');
	await page.goto('/diary');
	await expect(page).toHaveURL(/\/login\/two-factor/);
	await page.getByLabel('6-digit code').fill('123456');
	await submitForm(page, page.getByRole('button', { name: 'Confirm' }));
	await expect(page.locator('#field-code-error')).toContainText('That code is not right');
	await checkPage(page, 'two-factor-sign-in-error');
	await giveTotpCode(page, doctor.email, key);
	await expect(page).toHaveURL(/\/diary/);

	// A recovery code signs in once; the second time it is refused.
	await signOut(page);
	await signInToSecondStep(page, doctor.email, doctor.password);
	await useRecoveryCode(page, codes[0]);
	await expect(page).toHaveURL(/\/account$/);
	await signOut(page);
	await signInToSecondStep(page, doctor.email, doctor.password);
	await useRecoveryCode(page, codes[0]);
	await expect(page.locator('#field-recoveryCode-error')).toContainText('used already');
	await expect(page).toHaveURL(/\/login\/two-factor/);
	await useRecoveryCode(page, codes[1]);
	await expect(page).toHaveURL(/\/account$/);

	// Turning it off takes the password and a current code.
	await page.goto('/account/two-factor');
	await expect(page.getByText('8 of 10 recovery codes left')).toBeVisible();
	await page.getByLabel('Your password').fill('not-my-password-at-all');
	await page.getByLabel('Code from your app, or a recovery code').fill('000000');
	await submitForm(page, page.getByRole('button', { name: 'Turn off two-factor sign-in' }));
	await expect(page.locator('#disable-password-error')).toHaveText('That is not your password.');
	await checkPage(page, 'two-factor-manage-error');
	await page.getByLabel('Your password').fill(doctor.password);
	await page
		.getByLabel('Code from your app, or a recovery code')
		.fill(await nextTotpCode(doctor.email, key));
	await submitForm(page, page.getByRole('button', { name: 'Turn off two-factor sign-in' }));
	await expect(page.getByText('Two-factor sign-in is off.')).toBeVisible();
	rememberTotpKey(doctor.email, null);
	await signOut(page);
	await signIn(page, doctor.email, doctor.password);
	await expect(page).toHaveURL(/\/account$/);
});

test('the second step works without JavaScript', async ({ browser }) => {
	const context = await browser.newContext({
		baseURL: test.info().project.use.baseURL,
		javaScriptEnabled: false
	});
	const page = await context.newPage();
	await page.goto('/login');
	await submitSignIn(page, DEMO.admin.email, DEMO.admin.password);
	await expect(page).toHaveURL(/\/login\/two-factor/);
	await page.getByLabel('6-digit code').fill('12');
	await submitForm(page, page.getByRole('button', { name: 'Confirm' }));
	await expect(page.locator('#field-code-error')).toHaveText(
		'Enter the 6-digit code from your authenticator app.'
	);
	await giveTotpCode(page, DEMO.admin.email, DEMO.admin.totpKey);
	await expect(page).toHaveURL(/\/account$/);
	await context.close();
});

test('an administrator without a second factor must set one up before any admin page or action', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const admin = DATA_SHAPES.adminWithoutSecondFactor;
	const context = await freshContext(browser);
	const page = await context.newPage();
	await page.goto('/login?redirectTo=%2Fadmin', { waitUntil: 'networkidle' });
	await submitSignIn(page, admin.email, admin.password);
	await expect(page).toHaveURL(/\/account\/two-factor\?redirectTo=%2Fadmin$/);
	await expect(page.getByText('Administrators must use two-factor sign-in.')).toBeVisible();

	// Every way into the admin area leads back here: pages, their data alone, and actions.
	for (const path of ['/admin', '/admin/members', '/admin/audit', '/admin/settings']) {
		const response = await context.request.get(path, { maxRedirects: 0 });
		expect(response.status(), path).toBe(303);
		expect(response.headers()['location'], path).toMatch(/^\/account\/two-factor\?redirectTo=/);
	}
	for (const path of ['/admin/__data.json', '/admin/audit/__data.json']) {
		const response = await context.request.get(`${path}?x-sveltekit-invalidated=01`);
		const body = await response.text();
		expect(JSON.parse(body), path).toEqual({
			type: 'redirect',
			location: expect.stringMatching(/^\/account\/two-factor\?redirectTo=/)
		});
		expect(body).not.toContain('@');
	}
	const action = await context.request.post('/admin/settings', {
		form: { k: '10' },
		headers: { origin: new URL(page.url()).origin },
		maxRedirects: 0
	});
	expect(action.status()).toBe(303);
	expect(action.headers()['location']).toMatch(/^\/account\/two-factor/);
	await page.goto('/admin');
	await expect(page).toHaveURL(/\/account\/two-factor\?redirectTo=%2Fadmin$/);
	await page.waitForLoadState('networkidle');
	await checkPage(page, 'two-factor-admin-required');

	const key = await readKey(page);
	await confirmSetUp(page, admin.email, key);
	rememberTotpKey(admin.email, key);
	// No way to turn it off for an administrator.
	await page.getByRole('link', { name: /continue to the admin pages/ }).click();
	await expect(page).toHaveURL(/\/admin$/);
	await page.goto('/account/two-factor');
	await expect(page.getByText('Administrators must keep two-factor sign-in on.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Turn off two-factor sign-in' })).toHaveCount(0);
	await context.close();
});

test('with the second factor pending, nothing of the admin area or the account is reachable', async ({
	browser
}) => {
	const context = await freshContext(browser);
	const page = await context.newPage();
	await signInToSecondStep(page, DEMO.admin.email, DEMO.admin.password);
	await checkPage(page, 'two-factor-sign-in');

	for (const path of ['/admin', '/admin/members', '/admin/audit']) {
		const response = await context.request.get(path, { maxRedirects: 0 });
		expect(response.status(), path).toBe(303);
		expect(response.headers()['location'], path).toMatch(/^\/login\/two-factor\?redirectTo=/);
	}
	for (const path of [
		'/admin/__data.json',
		'/admin/__data.json?x-sveltekit-invalidated=001',
		'/admin/members/__data.json',
		'/admin/audit/__data.json?x-sveltekit-invalidated=01'
	]) {
		const response = await context.request.get(path);
		const body = await response.text();
		expect(JSON.parse(body), path).toEqual({
			type: 'redirect',
			location: expect.stringMatching(/^\/login\/two-factor\?redirectTo=/)
		});
		expect(body, path).not.toContain(DEMO.admin.email);
	}
	// Signed-in pages give the pending session nothing: the route lock sends it to its second step.
	const account = await context.request.get('/account', { maxRedirects: 0 });
	expect(account.status()).toBe(303);
	expect(account.headers()['location']).toMatch(/^\/login\/two-factor\?redirectTo=%2Faccount$/);
	const accountData = await context.request.get('/account/__data.json');
	expect(await accountData.text()).not.toContain(DEMO.admin.email);
	const home = await context.request.get('/');
	expect(await home.text()).not.toContain('Sign out');

	await giveTotpCode(page, DEMO.admin.email, DEMO.admin.totpKey);
	await expect(page).toHaveURL(/\/account$/);
	const admin = await context.request.get('/admin', { maxRedirects: 0 });
	expect(admin.status()).toBe(200);
	await context.close();
});
