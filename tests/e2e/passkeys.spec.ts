// Passkeys as a second factor, in Chromium with a virtual authenticator (the DevTools protocol's
// WebAuthn domain): the browser's own WebAuthn code makes and uses the credentials, so the
// account page's script, @simplewebauthn/browser and the server are tested together.
import type { CDPSession, Page } from '@playwright/test';
import {
	BASE_URL,
	checkPage,
	expect,
	freshContext,
	registerUser,
	signOut,
	submitForm,
	signInToSecondStep,
	submitSignIn,
	test
} from './fixtures';
import { DATA_SHAPES } from './data-shapes';

test.use({ viewport: { width: 360, height: 740 } });
test.describe.configure({ mode: 'serial' });

/** A platform authenticator that holds resident keys and verifies its user without asking. */
async function addVirtualAuthenticator(page: Page): Promise<{ cdp: CDPSession; id: string }> {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('WebAuthn.enable');
	const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
		options: {
			protocol: 'ctap2',
			transport: 'internal',
			hasResidentKey: true,
			hasUserVerification: true,
			isUserVerified: true
		}
	});
	return { cdp, id: authenticatorId };
}

async function credentialsOf(authenticator: { cdp: CDPSession; id: string }) {
	const { credentials } = await authenticator.cdp.send('WebAuthn.getCredentials', {
		authenticatorId: authenticator.id
	});
	return credentials;
}

/** On /account/two-factor: names and adds a passkey; returns the recovery codes if shown. */
async function addPasskey(page: Page, name: string): Promise<string[]> {
	await page.getByLabel('Name for this passkey').fill(name);
	const saved = page.waitForResponse(
		(r) => r.url().endsWith('/account/two-factor/passkeys') && r.request().method() === 'POST'
	);
	await page.getByRole('button', { name: 'Add a passkey' }).click();
	expect((await saved).status()).toBe(200);
	await expect(page.getByText(`Passkey “${name}” added.`)).toBeVisible();
	await expect(page.getByRole('list', { name: 'Your passkeys' })).toContainText(name);
	const list = page.getByRole('list', { name: 'Recovery codes' });
	if ((await list.count()) === 0) return [];
	return (await list.getByRole('listitem').allTextContents()).map((c) => c.trim());
}

/** Gives the password on /login and stops at the second step. */
/** Clicks "Use a passkey" and waits for the server's verdict. */
async function usePasskey(page: Page): Promise<number> {
	const verdict = page.waitForResponse(
		(r) => r.url().endsWith('/login/two-factor/passkey') && r.request().method() === 'POST'
	);
	await page.getByRole('button', { name: 'Use a passkey' }).click();
	return (await verdict).status();
}

let doctor: { email: string; password: string; recoveryCodes: string[] };

test('a doctor adds a passkey and signs in with it as the second factor', async ({ page }) => {
	test.setTimeout(120_000);
	const authenticator = await addVirtualAuthenticator(page);
	const user = await registerUser(page, { name: 'Dr Passkey' });
	await page.goto('/account/two-factor', { waitUntil: 'networkidle' });
	await expect(page.getByText('You have no passkeys.')).toBeVisible();

	// A name is asked for before the device is: an empty one is refused beside the field.
	await page.getByRole('button', { name: 'Add a passkey' }).click();
	await expect(page.locator('#passkey-name-error')).toContainText('Give the passkey a name');
	expect(await credentialsOf(authenticator)).toHaveLength(0);

	const codes = await addPasskey(page, 'Work laptop');
	expect(codes).toHaveLength(10);
	expect(await credentialsOf(authenticator)).toHaveLength(1);
	await expect(page.getByText('Two-factor sign-in is on.').first()).toBeVisible();
	await expect(page.getByText('not used to sign in yet')).toBeVisible();
	await checkPage(page, 'passkeys-added');
	doctor = { email: user.email, password: user.password, recoveryCodes: codes };

	// The password alone now stops at the second step, which offers the passkey and no code field.
	await signOut(page);
	await signInToSecondStep(page, user.email, user.password, '?redirectTo=%2Fdiary');
	await expect(page.getByRole('button', { name: 'Use a passkey' })).toBeVisible();
	await expect(page.getByLabel('6-digit code')).toHaveCount(0);
	await checkPage(page, 'passkeys-sign-in');
	expect(await usePasskey(page)).toBe(200);
	await expect(page).toHaveURL(/\/diary$/);
	await page.goto('/account/two-factor');
	await expect(page.getByText(/last used/)).toBeVisible();
});

test('a passkey the account does not have, a forged answer, or a replayed counter is refused with a message', async ({
	page
}) => {
	test.setTimeout(120_000);
	const authenticator = await addVirtualAuthenticator(page);
	const user = await registerUser(page, { name: 'Dr Wrong Key' });
	await page.goto('/account/two-factor', { waitUntil: 'networkidle' });
	await addPasskey(page, 'Desk');
	await signOut(page);
	await signInToSecondStep(page, user.email, user.password);

	// The answer is changed on its way to the server: first to name a credential the account
	// does not have, then with a signature that does not match.
	let tamper: ((body: { response: Record<string, unknown> }) => void) | null = (body) => {
		body.response.id = body.response.rawId = 'bm8tc3VjaC1wYXNza2V5LWF0LWFsbA';
	};
	await page.route('**/login/two-factor/passkey', async (route) => {
		const body = JSON.parse(route.request().postData() ?? '{}');
		tamper?.(body);
		await route.continue({ postData: JSON.stringify(body) });
	});
	expect(await usePasskey(page)).toBe(400);
	await expect(page.getByTestId('passkey-error')).toHaveText(
		'That passkey is not one of this account’s. Try another, or use a code.'
	);
	await checkPage(page, 'passkeys-sign-in-error');

	tamper = (body) => {
		const inner = body.response.response as { signature: string };
		inner.signature = Buffer.from('not a signature').toString('base64url');
	};
	expect(await usePasskey(page)).toBe(400);
	await expect(page.getByTestId('passkey-error')).toHaveText(
		'That passkey could not be checked. Try again, or use a code.'
	);
	await expect(page).toHaveURL(/\/login\/two-factor/);
	tamper = null;

	// The untouched answer signs in, and the server keeps the key's signature counter.
	expect(await usePasskey(page)).toBe(200);
	await expect(page).toHaveURL(/\/account$/);
	const [credential] = await credentialsOf(authenticator);
	expect(credential.signCount).toBeGreaterThan(1);

	// A copy of the key whose counter is behind the server's (a clone) is refused.
	await signOut(page);
	await signInToSecondStep(page, user.email, user.password);
	await authenticator.cdp.send('WebAuthn.removeCredential', {
		authenticatorId: authenticator.id,
		credentialId: credential.credentialId
	});
	await authenticator.cdp.send('WebAuthn.addCredential', {
		authenticatorId: authenticator.id,
		credential: { ...credential, signCount: 0 }
	});
	expect(await usePasskey(page)).toBe(400);
	await expect(page.getByTestId('passkey-error')).toHaveText(
		'That passkey could not be checked. Try again, or use a code.'
	);
	await expect(page).toHaveURL(/\/login\/two-factor/);

	// Guessing is limited as codes are (RATE_LIMIT_SIGN_IN failures per account in the window):
	// forged answers go on being refused until the limit, then the account must wait.
	tamper = (body) => {
		const inner = body.response.response as { signature: string };
		inner.signature = Buffer.from('still not a signature').toString('base64url');
	};
	const statuses: number[] = [];
	for (let i = 0; i < 10 && !statuses.includes(429); i++) statuses.push(await usePasskey(page));
	expect(statuses.at(-1)).toBe(429);
	expect(statuses.slice(0, -1).every((status) => status === 400)).toBe(true);
	await expect(page.getByTestId('passkey-error')).toHaveText(
		/^Too many code attempts\. Try again in \d+ minutes?\.$/
	);
	await expect(page).toHaveURL(/\/login\/two-factor/);
});

test('without JavaScript the passkey button is explained away and a recovery code still works', async ({
	browser
}) => {
	const context = await browser.newContext({
		baseURL: test.info().project.use.baseURL,
		javaScriptEnabled: false
	});
	const page = await context.newPage();
	await page.goto('/login');
	await submitSignIn(page, doctor.email, doctor.password);
	await expect(page).toHaveURL(/\/login\/two-factor/);
	await expect(page.getByTestId('passkey-needs-js')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Use a passkey' })).toHaveCount(0);
	await page.getByLabel('Recovery code').fill(doctor.recoveryCodes[0]);
	await submitForm(page, page.getByRole('button', { name: 'Use recovery code' }));
	await expect(page).toHaveURL(/\/account$/);
	await page.goto('/account/two-factor');
	await expect(page.getByTestId('passkey-needs-js')).toBeVisible();
	await expect(page.getByText('9 of 10 recovery codes left')).toBeVisible();
	await context.close();
});

test('an administrator with a passkey as their only second factor reaches the admin pages, and cannot remove it', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const admin = DATA_SHAPES.adminForPasskey;
	const context = await freshContext(browser);
	const page = await context.newPage();
	await addVirtualAuthenticator(page);
	await page.goto('/login?redirectTo=%2Fadmin', { waitUntil: 'networkidle' });
	await submitSignIn(page, admin.email, admin.password);
	await expect(page).toHaveURL(/\/account\/two-factor\?redirectTo=%2Fadmin$/);
	await page.waitForLoadState('networkidle');
	expect((await context.request.get('/admin', { maxRedirects: 0 })).status()).toBe(303);

	expect(await addPasskey(page, 'Office key')).toHaveLength(10);
	await page.getByRole('link', { name: /continue to the admin pages/ }).click();
	await expect(page).toHaveURL(/\/admin$/);

	// Next time: password, then the passkey, and straight to the admin page asked for.
	await signOut(page);
	await signInToSecondStep(page, admin.email, admin.password, '?redirectTo=%2Fadmin%2Faudit');
	expect((await context.request.get('/admin', { maxRedirects: 0 })).status()).toBe(303);
	expect(await usePasskey(page)).toBe(200);
	await expect(page).toHaveURL(/\/admin\/audit$/);
	await expect(
		page.locator('strong', { hasText: 'two_factor.passkey_added' }).first()
	).toBeVisible();
	expect((await context.request.get('/admin', { maxRedirects: 0 })).status()).toBe(200);

	// Their last second factor stays.
	await page.goto('/account/two-factor', { waitUntil: 'networkidle' });
	await page.getByLabel('Your password').fill(admin.password);
	await submitForm(page, page.getByRole('button', { name: 'Remove passkey' }));
	await expect(page.getByRole('alert')).toContainText('Administrators must keep a second factor');
	await expect(page.getByRole('list', { name: 'Your passkeys' })).toContainText('Office key');
	await checkPage(page, 'passkeys-admin-last-factor');
	await context.close();
});

test('a doctor removes their passkey with the password, and signs in with the password alone', async ({
	page
}) => {
	await addVirtualAuthenticator(page);
	const user = await registerUser(page, { name: 'Dr Remove Key' });
	await page.goto('/account/two-factor', { waitUntil: 'networkidle' });
	await addPasskey(page, 'Old phone');
	await page.goto('/account/two-factor', { waitUntil: 'networkidle' });

	await page.getByLabel('Your password').fill('not-my-password-at-all');
	await submitForm(page, page.getByRole('button', { name: 'Remove passkey' }));
	await expect(page.locator('#remove-password-error')).toHaveText('That is not your password.');
	await page.getByLabel('Your password').fill(user.password);
	await submitForm(page, page.getByRole('button', { name: 'Remove passkey' }));
	await expect(page.getByText('Passkey removed. Two-factor sign-in is off')).toBeVisible();
	await expect(page.getByText('You have no passkeys.')).toBeVisible();

	await signOut(page);
	await page.goto('/login', { waitUntil: 'networkidle' });
	await submitSignIn(page, user.email, user.password);
	await expect(page).toHaveURL(/\/account$/);
});

test('the passkey endpoints refuse other content types and bad JSON without a 5xx', async ({
	browser
}) => {
	const context = await freshContext(browser);
	const page = await context.newPage();
	await signInToSecondStep(page, doctor.email, doctor.password);
	const headers = { origin: BASE_URL };
	const bodies: { type: string; data: string; status: number }[] = [
		// text/plain never reaches an endpoint: the server hook answers it (hooks.server.ts).
		{ type: 'text/plain', data: '{}', status: 415 },
		{ type: 'application/x-www-form-urlencoded', data: 'response=1', status: 400 },
		{ type: 'application/json', data: '{"response":', status: 400 },
		{ type: 'application/json', data: '[]', status: 400 },
		{ type: 'application/json', data: '{"response":{"id":"\\u0000"}}', status: 400 }
	];
	for (const path of ['/login/two-factor/passkey/options', '/login/two-factor/passkey']) {
		for (const body of bodies) {
			const response = await context.request.post(path, {
				headers: { ...headers, 'content-type': body.type },
				data: body.data,
				maxRedirects: 0
			});
			expect(response.status(), `${path} ${body.type} ${body.data}`).toBe(body.status);
		}
	}
	// The pending session is still pending, and answers the right shape as before.
	const options = await context.request.post('/login/two-factor/passkey/options', {
		headers,
		data: {}
	});
	expect(options.status()).toBe(200);
	expect((await options.json()).allowCredentials).toHaveLength(1);
	await context.close();
});
