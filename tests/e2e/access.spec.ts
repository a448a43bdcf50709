import {
	DEMO,
	expect,
	expectNoA11yViolations,
	registerUser,
	signIn,
	signOut,
	submitForm,
	submitSignIn,
	screenshot,
	test,
	BASE_URL
} from './fixtures';

test.use({ viewport: { width: 360, height: 740 } });

test('a visitor asking for /account signs in and comes back to it', async ({ page }) => {
	await page.goto('/account');
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
	await submitSignIn(page, DEMO.doctor.email, DEMO.doctor.password);
	await expect(page).toHaveURL(/\/account$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account');
});

test('a crafted redirectTo cannot send someone off the site', async ({ page }) => {
	await page.goto('/login?redirectTo=%2F%2Fevil.example%2F');
	await submitSignIn(page, DEMO.member.email, DEMO.member.password);
	await expect(page).toHaveURL(`${BASE_URL}/account`);
});

/** Values of redirectTo that have sent, or could send, someone off the site after signing in. */
const HOSTILE_REDIRECTS = [
	'/\t/evil.example',
	'/\n/evil.example',
	'/\r/evil.example',
	'/\r\n/evil.example',
	'/\\evil.example',
	'\\\\evil.example',
	'//evil.example',
	'/.//evil.example',
	'/%2F%2Fevil.example',
	'javascript:alert(1)',
	'https://evil.example/'
];

/** Where a browser that is on the app goes after `Location: <location>`. */
function expectOnSite(location: string | undefined, value: string) {
	expect(location, `a Location for ${JSON.stringify(value)}`).toBeTruthy();
	expect(new URL(location!, `${BASE_URL}/login`).origin, JSON.stringify(value)).toBe(BASE_URL);
	expect(location!.startsWith('/'), JSON.stringify(value)).toBe(true);
	expect(/^\/[\\/]/.test(location!), JSON.stringify(value)).toBe(false);
}

test('signed in, /login?redirectTo=<hostile> sends the browser to a page on this site, never a 500', async ({
	page
}) => {
	await signIn(page, DEMO.doctor.email, DEMO.doctor.password);
	for (const value of HOSTILE_REDIRECTS) {
		const response = await page.request.get(`/login?redirectTo=${encodeURIComponent(value)}`, {
			maxRedirects: 0
		});
		expect(response.status(), JSON.stringify(value)).toBe(303);
		expectOnSite(response.headers()['location'], value);
	}
	// A good target with a query comes back as it was.
	const good = await page.request.get(
		`/login?redirectTo=${encodeURIComponent('/diary/reports?from=2026-01-01&to=2026-03-31')}`,
		{ maxRedirects: 0 }
	);
	expect(good.headers()['location']).toBe('/diary/reports?from=2026-01-01&to=2026-03-31');
});

test('signing in with a hostile redirectTo lands on this site, never a 500', async ({
	page,
	playwright
}) => {
	const user = await registerUser(page, {});
	for (const value of [...HOSTILE_REDIRECTS, '/diary?view=week']) {
		// A fresh visitor each time, as from a crafted link; the form posts redirectTo as a field
		// and the link carries it in the address.
		const visitor = await playwright.request.newContext({ baseURL: BASE_URL });
		for (const [url, form] of [
			['/login', { email: user.email, password: user.password, redirectTo: value }],
			[
				`/login?redirectTo=${encodeURIComponent(value)}`,
				{ email: user.email, password: user.password }
			]
		] as const) {
			const response = await visitor.post(url, {
				form,
				headers: { origin: BASE_URL, accept: 'text/html' },
				maxRedirects: 0
			});
			expect(response.status(), `${url} ${JSON.stringify(value)}`).toBe(303);
			const location = response.headers()['location'];
			expectOnSite(location, value);
			if (value === '/diary?view=week') expect(location).toBe('/diary?view=week');
		}
		await visitor.dispose();
	}
});

test('a visitor asking for /admin is sent to sign in', async ({ page }) => {
	await page.goto('/admin');
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Fadmin$/);
});

test('a doctor gets 403 on /admin', async ({ page }) => {
	await signIn(page, DEMO.doctor.email, DEMO.doctor.password);
	const response = await page.goto('/admin');
	expect(response?.status()).toBe(403);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not available to you');
	await expect(page.getByRole('link', { name: 'Admin' })).toHaveCount(0);
	// A page in the app's look that says where to go, readable at 360 px with its own narrow CSP.
	const ways = page.getByRole('navigation', { name: 'Where to go' });
	await expect(ways.getByRole('link', { name: 'Your diary' })).toHaveAttribute('href', '/diary');
	expect(response?.headers()['content-security-policy']).toMatch(/default-src 'none'/);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	await expectNoA11yViolations(page);
	await screenshot(page, 'refused-403-doctor-on-admin-360');
	await ways.getByRole('link', { name: 'Your diary' }).click();
	await expect(page).toHaveURL(/\/diary$/);
});

test('an admin sees /admin', async ({ page }) => {
	await signIn(page, DEMO.admin.email, DEMO.admin.password);
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
	await expect(page).toHaveURL(/\/admin$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Administration');
	const response = await page.goto('/admin');
	expect(response?.status()).toBe(200);
});

test('the session cookie is HttpOnly, SameSite=Lax, path / and goes at sign-out', async ({
	page,
	context
}) => {
	await signIn(page, DEMO.doctor.email, DEMO.doctor.password);
	const cookies = await context.cookies();
	const session = cookies.find((c) => c.name === 'session');
	expect(session, 'a session cookie after signing in').toBeDefined();
	expect(session!.httpOnly).toBe(true);
	expect(session!.sameSite).toBe('Lax');
	expect(session!.path).toBe('/');
	expect(session!.value.length).toBeGreaterThanOrEqual(20);
	// 30-day sliding expiry.
	const days = (session!.expires * 1000 - Date.now()) / 86_400_000;
	expect(days).toBeGreaterThan(29);
	expect(days).toBeLessThanOrEqual(30.01);
	// Scripts on the page cannot read it.
	expect(await page.evaluate(() => document.cookie)).not.toContain('session=');

	await signOut(page);
	expect((await context.cookies()).find((c) => c.name === 'session')).toBeUndefined();
	await page.goto('/account');
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount$/);
});

test('a session token kept after signing out no longer works', async ({ page, context }) => {
	await signIn(page, DEMO.member.email, DEMO.member.password);
	const session = (await context.cookies()).find((c) => c.name === 'session')!;
	await signOut(page);
	await context.addCookies([session]);
	await page.goto('/account');
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount$/);
});

test('"Sign out everywhere" ends the other browsers’ sessions', async ({ browser, page }) => {
	const user = await registerUser(page, {});
	const otherContext = await browser.newContext();
	const other = await otherContext.newPage();
	await signIn(other, user.email, user.password);

	await page.goto('/account');
	const sessions = page.getByRole('region', { name: 'Where you are signed in' });
	await expect(sessions.getByRole('listitem')).toHaveCount(2);
	await expect(sessions.getByText('(this browser)')).toHaveCount(1);
	await submitForm(page, sessions.getByRole('button', { name: 'Sign out everywhere' }));
	await expect(page).toHaveURL(/\/login$/);

	await other.goto('/account');
	await expect(other).toHaveURL(/\/login\?redirectTo=%2Faccount$/);
	await page.goto('/account');
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount$/);
	await otherContext.close();
});

test('security headers on the landing page', async ({ request }) => {
	const response = await request.get('/');
	expect(response.status()).toBe(200);
	const headers = response.headers();

	const csp = headers['content-security-policy'];
	expect(csp, 'a Content-Security-Policy header').toBeTruthy();
	const directives = new Map(
		csp
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter((parts) => parts[0])
			.map(([name, ...values]) => [name, values] as const)
	);
	const scriptSrc = directives.get('script-src');
	expect(scriptSrc, 'a script-src directive').toBeDefined();
	expect(scriptSrc).toContain("'self'");
	expect(scriptSrc).not.toContain("'unsafe-inline'");
	expect(scriptSrc).not.toContain("'unsafe-eval'");
	expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
	expect(directives.get('object-src')).toEqual(["'none'"]);

	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBeTruthy();
	expect(headers['referrer-policy']).not.toBe('unsafe-url');
});

test('/healthz answers 200 with status ok', async ({ request }) => {
	const response = await request.get('/healthz');
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toContain('application/json');
	expect(await response.json()).toMatchObject({ status: 'ok' });
});

test('a form posted from another site is refused', async ({ request }) => {
	const response = await request.post('/login', {
		form: { email: DEMO.doctor.email, password: DEMO.doctor.password },
		headers: { origin: 'https://evil.example' }
	});
	expect(response.status()).toBe(403);
	expect(response.headers()['set-cookie'] ?? '').not.toContain('session=');
});
