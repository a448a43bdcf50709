import type { Page } from '@playwright/test';
import {
	DEMO,
	expect,
	fillRegistration,
	readLink,
	registerUser,
	screenshot,
	signIn,
	signOut,
	strongPassword,
	submitForm,
	submitSignIn,
	test,
	uniqueEmail,
	waitForEmail,
	BASE_URL
} from './fixtures';

test.use({ viewport: { width: 360, height: 740 } });

/** The message shown next to a field (Field.svelte renders it as #field-<name>-error). */
function fieldError(page: Page, name: string) {
	return page.locator(`#field-${name}-error`);
}

/** The account page has several forms with the same field names: find them by their section. */
function accountSection(page: Page, heading: string) {
	return page.getByRole('region', { name: heading });
}

/** A field of one of the account page's forms, found by its name inside the form's section. */
function accountField(page: Page, heading: string, name: string) {
	return accountSection(page, heading).locator(`[name="${name}"]`);
}

test('the whole account journey: register, confirm, sign in, reset, delete', async ({
	page,
	mailServer
}) => {
	// Register: the answer asks to check the email, and signs nobody in.
	const { response: _response, ...user } = await fillRegistration(page, {
		name: 'Dr Journey Test',
		kind: 'locum'
	});
	await expect(page).toHaveURL(/\/verify-email\?sent=1$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Confirm your email');
	await expect(page.getByText('Check your email: we have sent you a message.')).toBeVisible();
	expect((await page.context().cookies()).map((c) => c.name)).not.toContain('session');

	// The verification email arrives through SMTP; its link confirms the address.
	const verification = await waitForEmail(mailServer, user.email);
	expect(verification.headers.subject).toBe('Confirm your email for Sessional');
	const verifyLink = readLink(verification, '/verify-email?token=');
	expect(verifyLink.startsWith(`${BASE_URL}/`)).toBe(true);
	await page.goto(verifyLink);
	await expect(page.getByText('Thank you: your email address is confirmed.')).toBeVisible();

	// Sign in from the confirmation page, out, and in again.
	await page.getByRole('link', { name: 'Sign in', exact: true }).first().click();
	await submitSignIn(page, user.email, user.password);
	await expect(page).toHaveURL(/\/account$/);
	await signOut(page);
	await expect(page.getByText('You have signed out.')).toBeVisible();
	await signIn(page, user.email, user.password);
	await expect(page).toHaveURL(/\/account$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account');
	await expect(page.getByText(user.email)).toBeVisible();
	await expect(page.getByText('Confirm your email address to submit rates')).toHaveCount(0);

	// Forgotten password: ask for a reset link from the sign-in page.
	await signOut(page);
	await page.goto('/login');
	await page.getByRole('link', { name: 'Forgotten your password?' }).click();
	await expect(page).toHaveURL(/\/reset-password$/);
	await page.getByLabel('Email', { exact: true }).fill(user.email);
	await page.getByRole('button', { name: 'Send reset link' }).click();
	await expect(page.getByRole('status')).toContainText(
		`If ${user.email} has a Sessional account, we have emailed it a link`
	);

	const reset = await waitForEmail(mailServer, user.email);
	expect(reset.headers.subject).toBe('Reset your Sessional password');
	const resetLink = readLink(reset, '/reset-password?token=');
	await page.goto(resetLink);
	const newPassword = strongPassword();
	await page.getByLabel('New password', { exact: true }).fill(newPassword);
	await page.getByLabel('Repeat the new password').fill(newPassword);
	await page.getByRole('button', { name: 'Change password' }).click();
	await expect(page).toHaveURL(/\/login\?reset=1$/);
	await expect(page.getByRole('status')).toContainText('Your password has been changed');

	// The old password no longer works; the new one does.
	await submitSignIn(page, user.email, user.password);
	await expect(fieldError(page, 'password')).toHaveText('Wrong email or password.');
	await signIn(page, user.email, newPassword);
	await expect(page).toHaveURL(/\/account$/);

	// Delete the account: password and the word DELETE.
	const danger = accountSection(page, 'Delete your account');
	await accountField(page, 'Delete your account', 'password').fill(newPassword);
	await accountField(page, 'Delete your account', 'confirmText').fill('DELETE');
	await danger.getByRole('button', { name: 'Delete my account' }).click();
	await expect(page).toHaveURL(/\/login\?deleted=1$/);
	await expect(page.getByRole('status')).toContainText('Your account and everything in it');

	// Gone: neither password lets anyone in.
	await submitSignIn(page, user.email, newPassword);
	await expect(fieldError(page, 'password')).toHaveText('Wrong email or password.');
	await expect(page).toHaveURL(/\/login/);
	const response = await page.goto('/account');
	expect(response?.status()).toBe(200);
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount$/);
});

test.describe('registration refuses bad input clearly and keeps what was typed', () => {
	test('an empty form names every missing field', async ({ page }) => {
		await page.goto('/register');
		await page.getByRole('button', { name: 'Register' }).click();
		await expect(page.locator('.alert')).toHaveText('Please correct 5 fields marked below.');
		await expect(fieldError(page, 'name')).toHaveText('Enter your name.');
		await expect(fieldError(page, 'email')).toHaveText('Enter your email address.');
		await expect(fieldError(page, 'doctorKind')).toHaveText(
			'Choose the kind of work you mostly do.'
		);
		await expect(fieldError(page, 'password')).toHaveText('Use at least 10 characters.');
		await expect(page.locator('#terms-error')).toHaveText('Agree to the terms to register.');
		for (const id of ['name', 'email', 'doctorKind', 'password', 'terms']) {
			await expect(page.locator(`#field-${id}`)).toHaveAttribute('aria-invalid', 'true');
		}
		await expect(page.getByLabel('Your name')).toHaveAccessibleDescription('Enter your name.');
		await screenshot(page, 'register-errors-360');
	});

	test('an invalid email', async ({ page }) => {
		const user = await fillRegistration(page, { email: 'not-an-email' });
		await expect(fieldError(page, 'email')).toHaveText(
			'Enter an email address like name@example.com.'
		);
		await expect(page.locator('.alert')).toBeVisible();
		await expect(page.getByLabel('Email', { exact: true })).toHaveValue('not-an-email');
		await expect(page.getByLabel('Your name')).toHaveValue(user.name);
		await expect(page.getByLabel('The work you mostly do')).toHaveValue('salaried');
		await expect(page.getByLabel(/I agree to the terms/)).toBeChecked();
		await expect(fieldError(page, 'name')).toHaveCount(0);
		await expect(page).toHaveURL(/\/register$/);
	});

	test('an email that already has an account gets the same answer, and its owner an email', async ({
		page,
		mailServer
	}) => {
		const owner = mailServer.captureOne(DEMO.doctor.email, { wait: 15_000 });
		await fillRegistration(page, { email: DEMO.doctor.email });
		// Exactly what a new address gets: nothing on the page says the address is taken.
		await expect(page).toHaveURL(/\/verify-email\?sent=1$/);
		await expect(page.getByText('Check your email: we have sent you a message.')).toBeVisible();
		expect((await page.context().cookies()).map((c) => c.name)).not.toContain('session');
		const { email } = await owner;
		expect(email.headers.subject).toBe('Someone tried to register with your email');
		expect(email.body).toContain('/reset-password');
		// The demo doctor's password still works: nothing about the account changed.
		await signIn(page, DEMO.doctor.email, DEMO.doctor.password);
		await expect(page).toHaveURL(/\/diary|\/account/);
	});

	test('a password that is too short', async ({ page }) => {
		const user = await fillRegistration(page, { password: 'short-pw' });
		await expect(fieldError(page, 'password')).toHaveText('Use at least 10 characters.');
		await expect(page.getByLabel('Email', { exact: true })).toHaveValue(user.email);
		await expect(page.getByLabel('Your name')).toHaveValue(user.name);
		// The server never sends a password back (the browser may keep what was typed).
		expect(await user.response.text()).not.toContain('short-pw');
	});

	test('a common password', async ({ page }) => {
		// "qwertyuiop" is 10 characters long and on fxa-common-password-list.
		const user = await fillRegistration(page, { password: 'qwertyuiop' });
		await expect(fieldError(page, 'password')).toHaveText(
			'This password is on a list of commonly used passwords. Choose another.'
		);
		await expect(page.getByLabel('Email', { exact: true })).toHaveValue(user.email);
		await expect(page.getByLabel('Your name')).toHaveValue(user.name);
	});

	test('the terms not agreed to', async ({ page }) => {
		const user = await fillRegistration(page, { terms: false, kind: 'retainer' });
		await expect(page.locator('#terms-error')).toHaveText('Agree to the terms to register.');
		await expect(page.getByLabel(/I agree to the terms/)).not.toBeChecked();
		await expect(page.getByLabel('Email', { exact: true })).toHaveValue(user.email);
		await expect(page.getByLabel('Your name')).toHaveValue(user.name);
		await expect(page.getByLabel('The work you mostly do')).toHaveValue('retainer');
		// Nothing was stored: the same email can register once the box is ticked.
		await registerUser(page, { email: user.email });
	});
});

test('a wrong password at sign in', async ({ browser, page }) => {
	const registration = await browser.newPage();
	const user = await registerUser(registration, {});
	await registration.close();

	await page.goto('/login');
	const response = await submitSignIn(page, user.email, 'not-the-right-password');
	await expect(page.locator('.alert')).toHaveText('Wrong email or password.');
	await expect(fieldError(page, 'password')).toHaveText('Wrong email or password.');
	await expect(page.getByLabel('Email', { exact: true })).toHaveValue(user.email);
	expect(await response.text()).not.toContain('not-the-right-password');
	await expect(page).toHaveURL(/\/login$/);
});

test('an empty sign-in form', async ({ page }) => {
	await page.goto('/login');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(fieldError(page, 'email')).toHaveText('Enter your email address.');
	await expect(fieldError(page, 'password')).toHaveText('Enter your password.');
});

test('a verification link works once', async ({ page, mailServer }) => {
	const user = await registerUser(page, {});
	const link = readLink(await waitForEmail(mailServer, user.email), '/verify-email?token=');
	await page.goto(link);
	await expect(page.getByText('Thank you: your email address is confirmed.')).toBeVisible();
	await page.goto(link);
	await expect(page.getByRole('alert')).toHaveText(
		'This verification link has already been used. Your email is verified; sign in.'
	);
});

test('the confirmation page no longer asks to confirm the address', async ({
	page,
	mailServer
}) => {
	const user = await registerUser(page, {});
	await expect(page.getByText('Confirm your email address to submit rates')).toBeVisible();
	await page.goto(readLink(await waitForEmail(mailServer, user.email), '/verify-email?token='));
	await expect(page.getByText('Thank you: your email address is confirmed.')).toBeVisible();
	// The banner comes from the layout, which must see the address as confirmed on this very page.
	await expect(page.getByText('Confirm your email address to submit rates')).toHaveCount(0);
});

test('a garbage verification link', async ({ page }) => {
	const response = await page.goto('/verify-email?token=not-a-real-token');
	expect(response?.status()).toBe(200);
	await expect(page.getByRole('alert')).toHaveText(
		'This verification link is not valid. Sign in and ask for a new one.'
	);
});

test.describe('password reset links', () => {
	async function requestReset(page: Page, email: string) {
		await page.goto('/reset-password');
		await page.getByLabel('Email', { exact: true }).fill(email);
		await page.getByRole('button', { name: 'Send reset link' }).click();
		await expect(page.getByRole('status')).toContainText(`If ${email} has a Sessional account`);
	}

	test('a reset link works once', async ({ browser, page, mailServer }) => {
		const signUp = await browser.newPage();
		const user = await registerUser(signUp, {});
		await signUp.close();
		await waitForEmail(mailServer, user.email); // the verification email

		await requestReset(page, user.email);
		const link = readLink(await waitForEmail(mailServer, user.email), '/reset-password?token=');

		// The form is open in a second tab when the link is used in the first.
		const otherTab = await page.context().newPage();
		await otherTab.goto(link);
		await expect(otherTab.getByLabel('New password', { exact: true })).toBeVisible();

		await page.goto(link);
		const newPassword = strongPassword();
		await page.getByLabel('New password', { exact: true }).fill(newPassword);
		await page.getByLabel('Repeat the new password').fill(newPassword);
		await page.getByRole('button', { name: 'Change password' }).click();
		await expect(page).toHaveURL(/\/login\?reset=1$/);

		// Submitting the stale form refuses the used link and changes nothing.
		const another = strongPassword();
		await otherTab.getByLabel('New password', { exact: true }).fill(another);
		await otherTab.getByLabel('Repeat the new password').fill(another);
		await otherTab.getByRole('button', { name: 'Change password' }).click();
		await expect(otherTab.getByRole('alert')).toContainText('Ask for a new one below');
		await expect(otherTab.getByLabel('Email', { exact: true })).toBeVisible();
		await otherTab.close();

		// Opening the link again shows why it cannot be used, and offers a new one.
		// (The app deletes a user's reset tokens when the password is set, so a used link reads as
		// "not valid" rather than "already been used"; either message tells the person what to do.)
		await page.goto(link);
		await expect(page.getByRole('alert')).toHaveText(
			/^This reset link (has already been used|is not valid)\. Ask for a new one below/
		);
		await expect(page.getByLabel('New password', { exact: true })).toHaveCount(0);
		await expect(page.getByRole('button', { name: 'Send reset link' })).toBeVisible();

		await signIn(page, user.email, newPassword);
		await expect(page).toHaveURL(/\/account$/);
	});

	for (const token of ['garbage', "x'; drop table users; --", 'a'.repeat(500), '%00%ff']) {
		test(`an invalid reset token (${token.slice(0, 20)})`, async ({ page }) => {
			const response = await page.goto(`/reset-password?token=${token}`);
			expect(response?.status()).toBe(200);
			await expect(page.getByRole('alert')).toHaveText(
				'This reset link is not valid. Ask for a new one below.'
			);
			await expect(page.getByLabel('New password', { exact: true })).toHaveCount(0);
			await expect(page.getByLabel('Email', { exact: true })).toBeVisible();
		});
	}

	test('a reset form posted with a forged token', async ({ page }) => {
		const response = await page.request.post('/reset-password?/reset', {
			form: {
				token: 'forged',
				password: 'Ward-round-forged-kettle',
				confirm: 'Ward-round-forged-kettle'
			},
			headers: { origin: BASE_URL, accept: 'text/html' }
		});
		expect(response.status()).toBe(400);
		expect(await response.text()).toContain('This reset link is not valid.');
	});

	test('a reset with mismatched passwords keeps the form open', async ({ page, mailServer }) => {
		const user = await registerUser(page, {});
		await waitForEmail(mailServer, user.email);
		await signOut(page);
		await requestReset(page, user.email);
		const link = readLink(await waitForEmail(mailServer, user.email), '/reset-password?token=');
		await page.goto(link);
		await page.getByLabel('New password', { exact: true }).fill(strongPassword());
		await page.getByLabel('Repeat the new password').fill('something-else-entirely');
		await page.getByRole('button', { name: 'Change password' }).click();
		await expect(fieldError(page, 'confirm')).toHaveText('The two passwords are different.');
		await page.getByLabel('New password', { exact: true }).fill('qwertyuiop');
		await page.getByLabel('Repeat the new password').fill('qwertyuiop');
		await page.getByRole('button', { name: 'Change password' }).click();
		await expect(fieldError(page, 'password')).toContainText('commonly used passwords');
		// The link still works after the refusals.
		const good = strongPassword();
		await page.getByLabel('New password', { exact: true }).fill(good);
		await page.getByLabel('Repeat the new password').fill(good);
		await page.getByRole('button', { name: 'Change password' }).click();
		await expect(page).toHaveURL(/\/login\?reset=1$/);
	});
});

test('too many sign-in attempts lock the email for a while', async ({ browser, page }) => {
	// A dedicated account, so no other test is locked out.
	const signUp = await browser.newPage();
	const user = await registerUser(signUp, { email: uniqueEmail('locked') });
	await signUp.close();

	await page.goto('/login');
	for (let attempt = 1; attempt <= 5; attempt++) {
		await submitSignIn(page, user.email, `wrong-password-${attempt}`);
		await expect(page.locator('.alert')).toHaveText('Wrong email or password.');
	}
	// The sixth is refused before the password is looked at, even the right one.
	await submitSignIn(page, user.email, user.password);
	await expect(page.locator('.alert')).toHaveText(
		/^Too many sign-in attempts\. Try again in \d+ minutes?\.$/
	);
	await expect(page.getByLabel('Email', { exact: true })).toHaveValue(user.email);
	await expect(page).toHaveURL(/\/login$/);
});

test('changing the password on /account signs out every other browser', async ({
	browser,
	page
}) => {
	const user = await registerUser(page, {});

	const otherContext = await browser.newContext();
	const other = await otherContext.newPage();
	await signIn(other, user.email, user.password);
	await other.goto('/account');
	await expect(other).toHaveURL(/\/account$/);

	await page.goto('/account');
	const form = accountSection(page, 'Change password');
	const field = (name: string) => accountField(page, 'Change password', name);
	const next = strongPassword();
	// A wrong current password is refused next to its field first.
	await form.getByLabel('Current password').fill('not-my-password');
	await field('password').fill(next);
	await field('confirm').fill(next);
	await submitForm(page, form.getByRole('button', { name: 'Change password' }));
	await expect(form.locator('#field-current-error')).toHaveText(
		'Your current password is not right.'
	);

	await form.getByLabel('Current password').fill(user.password);
	await field('password').fill(next);
	await field('confirm').fill(next);
	await submitForm(page, form.getByRole('button', { name: 'Change password' }));
	await expect(form.getByRole('status')).toHaveText('Password changed.');

	// This browser carries on; the other one is signed out.
	await page.goto('/account');
	await expect(page).toHaveURL(/\/account$/);
	await other.goto('/account');
	await expect(other).toHaveURL(/\/login\?redirectTo=%2Faccount$/);
	await otherContext.close();
});

test('deleting an account needs the password and DELETE', async ({ page }) => {
	const user = await registerUser(page, {});
	await page.goto('/account');
	const danger = accountSection(page, 'Delete your account');
	const field = (name: string) => accountField(page, 'Delete your account', name);
	await field('password').fill('not-my-password');
	await field('confirmText').fill('delete');
	await submitForm(page, danger.getByRole('button', { name: 'Delete my account' }));
	await expect(danger.locator('#delete-confirm-error')).toHaveText('Type DELETE to confirm.');
	await expect(field('confirmText')).toHaveValue('delete');

	await field('password').fill('not-my-password');
	await field('confirmText').fill('DELETE');
	await submitForm(page, danger.getByRole('button', { name: 'Delete my account' }));
	await expect(danger.locator('#delete-password-error')).toHaveText('That is not your password.');
	await expect(page).toHaveURL(/\/account$/);

	// Still there.
	await page.reload();
	await expect(page.getByText(user.email)).toBeVisible();
});
