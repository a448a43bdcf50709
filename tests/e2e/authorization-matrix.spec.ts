import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, APIResponse } from '@playwright/test';
import { DEMO, expect, signIn, submitForm, test } from './fixtures';
import { ACCESS_MATRIX, NO_SUCH_ID, ROLES, type Outcome, type Role } from './access-matrix';

const ROUTES_DIR = fileURLToPath(new URL('../../src/routes/', import.meta.url));

/** Every page and endpoint under src/routes, named as SvelteKit names it ('/diary/[date]'). */
function routesOnDisk(): string[] {
	const files = readdirSync(ROUTES_DIR, { recursive: true, encoding: 'utf8' });
	const routes = new Set<string>();
	for (const file of files) {
		const parts = file.split(/[\\/]/);
		const name = parts.pop()!;
		if (!/^\+(page(\.server)?\.(ts|js|svelte)|server\.(ts|js))$/.test(name)) continue;
		const segments = parts.filter((p) => !/^\(.*\)$/.test(p));
		routes.add(`/${segments.join('/')}`);
	}
	return [...routes].sort();
}

/** The routes under src/routes that are pages (have a +page file), named as in the matrix. */
function pageRoutesOnDisk(): Set<string> {
	const files = readdirSync(ROUTES_DIR, { recursive: true, encoding: 'utf8' });
	const routes = new Set<string>();
	for (const file of files) {
		const parts = file.split(/[\\/]/);
		const name = parts.pop()!;
		if (!/^\+page(\.server)?\.(ts|js|svelte)$/.test(name)) continue;
		routes.add(`/${parts.filter((p) => !/^\(.*\)$/.test(p)).join('/')}`);
	}
	return routes;
}

test('the matrix has an entry for every route under src/routes, and no other', () => {
	const inMatrix = ACCESS_MATRIX.map((r) => r.route).sort();
	expect(new Set(inMatrix).size, 'each route once').toBe(inMatrix.length);
	expect(inMatrix).toEqual(routesOnDisk());
});

/** Signs each demo account in through the login form, in its own browser context. */
async function contextsByRole(browser: Browser): Promise<Record<Role, BrowserContext>> {
	const contexts = {} as Record<Role, BrowserContext>;
	for (const role of ROLES) {
		const context = await browser.newContext({
			baseURL: test.info().project.use.baseURL,
			viewport: { width: 360, height: 740 }
		});
		if (role !== 'visitor') {
			const page = await context.newPage();
			await signIn(page, DEMO[role].email, DEMO[role].password);
			await page.close();
		}
		contexts[role] = context;
	}
	return contexts;
}

function describeOutcome(response: APIResponse): string {
	const status = response.status();
	if (status >= 300 && status < 400) return `${status} → ${response.headers()['location']}`;
	return String(status);
}

function matches(response: APIResponse, path: string, outcome: Outcome): boolean {
	const status = response.status();
	const location = response.headers()['location'] ?? '';
	if (outcome === 'login') {
		return (
			status >= 300 && status < 400 && location === `/login?redirectTo=${encodeURIComponent(path)}`
		);
	}
	if (typeof outcome === 'object')
		return status >= 300 && status < 400 && location === outcome.redirect;
	return status === outcome;
}

test.describe('authorization matrix over HTTP', () => {
	test.describe.configure({ mode: 'serial' });
	let contexts: Record<Role, BrowserContext>;

	test.beforeAll(async ({ browser }) => {
		contexts = await contextsByRole(browser);
	});
	test.afterAll(async () => {
		for (const context of Object.values(contexts ?? {})) await context.close();
	});

	for (const role of ROLES) {
		test(`every route answers a ${role} as the matrix says`, async () => {
			test.setTimeout(120_000);
			const wrong: string[] = [];
			for (const entry of ACCESS_MATRIX) {
				const response =
					entry.post === undefined
						? await contexts[role].request.get(entry.path, { maxRedirects: 0 })
						: await contexts[role].request.post(entry.path, { data: entry.post, maxRedirects: 0 });
				const expected = entry.expect[role];
				if (!matches(response, entry.path, expected)) {
					wrong.push(
						`${entry.path}: expected ${JSON.stringify(expected)}, got ${describeOutcome(response)}`
					);
				}
			}
			expect(wrong, `routes answering a ${role} differently from the matrix`).toEqual([]);
		});
	}

	/**
	 * SvelteKit's client asks for a page's server data alone, at `<path>/__data.json`, saying in
	 * `x-sveltekit-invalidated` which of its nodes (root layout, group layout, page) to run: a
	 * lock in a layout's load is skipped when only the page's node is asked for ('001'). Every
	 * pattern up to four nodes deep, and none, for every page a role may not see.
	 */
	const INVALIDATED: (string | null)[] = [null];
	for (let length = 1; length <= 4; length++) {
		for (let bits = 0; bits < 2 ** length; bits++)
			INVALIDATED.push(bits.toString(2).padStart(length, '0'));
	}
	function dataUrl(path: string, invalidated: string | null): string {
		const url = new URL(path, 'http://x');
		const data = url.pathname === '/' ? '/__data.json' : `${url.pathname}/__data.json`;
		if (invalidated !== null) url.searchParams.set('x-sveltekit-invalidated', invalidated);
		return data + url.search;
	}
	const refused = (outcome: Outcome) => outcome === 'login' || outcome === 401 || outcome === 403;

	for (const role of ROLES) {
		test(`a ${role} gets no data of a page refused to them, whichever nodes are asked for`, async () => {
			test.setTimeout(300_000);
			const pages = pageRoutesOnDisk();
			const entries = ACCESS_MATRIX.filter((e) => pages.has(e.route) && refused(e.expect[role]));
			if (role === 'admin') expect(entries).toEqual([]);
			else expect(entries.length).toBeGreaterThanOrEqual(7);
			const wrong: string[] = [];
			for (const entry of entries) {
				const expected = entry.expect[role];
				for (const invalidated of INVALIDATED) {
					const url = dataUrl(entry.path, invalidated);
					const response = await contexts[role].request.get(url, { maxRedirects: 0 });
					const body = await response.text();
					if (body.includes('"type":"data"')) {
						wrong.push(`${url}: ${response.status()} with data: ${body.slice(0, 200)}`);
						continue;
					}
					const ok =
						expected === 'login'
							? response.status() === 200 &&
								JSON.stringify(JSON.parse(body)) ===
									JSON.stringify({
										type: 'redirect',
										location: `/login?redirectTo=${encodeURIComponent(entry.path)}`
									})
							: response.status() === expected;
					if (!ok) wrong.push(`${url}: expected ${expected}, got ${response.status()} ${body}`);
				}
			}
			expect(wrong, `page data answered to a ${role}`).toEqual([]);
		});
	}

	test('the same data requests do bring the page’s data to those allowed it', async () => {
		// Without this, a broken data URL would make the test above pass for nothing.
		// [role, path, nodes: root layout, group layout if any, page]
		const cases: [Role, string, number][] = [
			['admin', '/admin', 3],
			['admin', '/admin/members?q=demo', 3],
			['doctor', '/diary/setup', 3],
			['visitor', '/about/method', 2]
		];
		for (const [role, path, nodes] of cases) {
			// None (all), all by name, and the page's own node alone.
			for (const invalidated of [null, '1'.repeat(nodes), '1'.padStart(nodes, '0')]) {
				const response = await contexts[role].request.get(dataUrl(path, invalidated));
				expect(response.status(), `${role} ${path} ${invalidated}`).toBe(200);
				const body = (await response.json()) as { type: string; nodes: { type: string }[] };
				expect(body.type).toBe('data');
				expect(body.nodes).toHaveLength(nodes);
				expect(body.nodes.at(-1)?.type, `${role} ${path} ${invalidated}`).toBe('data');
			}
		}
	});

	/** Every action of the administrators' pages, as its form names it. */
	const ADMIN_ACTIONS = [
		'/admin/moderation?/decide',
		'/admin/publication?/publish',
		'/admin/settings?/save',
		`/admin/members/${NO_SUCH_ID}?/grant`,
		`/admin/members/${NO_SUCH_ID}?/revoke`,
		'/admin/members/import?/preview',
		'/admin/members/import?/confirm'
	];

	for (const role of ['visitor', 'doctor', 'member'] as const) {
		test(`an admin action posted by a ${role} is refused before it runs`, async () => {
			const origin = new URL(test.info().project.use.baseURL!).origin;
			const wrong: string[] = [];
			for (const action of ADMIN_ACTIONS) {
				const login = `/login?redirectTo=${encodeURIComponent(action)}`;
				// As `use:enhance` sends it, and as a plain HTML form does.
				const enhanced = await contexts[role].request.post(action, {
					form: {},
					headers: { origin, accept: 'application/json', 'x-sveltekit-action': 'true' },
					maxRedirects: 0
				});
				const result = (await enhanced.json()) as { type?: string; location?: string };
				const enhancedOk =
					role === 'visitor'
						? enhanced.status() === 200 && result.type === 'redirect' && result.location === login
						: enhanced.status() === 403 && result.type === 'error';
				if (!enhancedOk)
					wrong.push(`enhanced ${action}: ${enhanced.status()} ${JSON.stringify(result)}`);

				const plain = await contexts[role].request.post(action, {
					form: {},
					headers: { origin, accept: 'text/html' },
					maxRedirects: 0
				});
				const plainOk =
					role === 'visitor'
						? plain.status() === 303 && plain.headers()['location'] === login
						: plain.status() === 403;
				if (!plainOk) wrong.push(`form ${action}: ${describeOutcome(plain)}`);
			}
			expect(wrong, `admin actions answering a ${role}`).toEqual([]);
		});
	}

	test('an admin posting the same empty form reaches the action, which refuses the input', async () => {
		// The control for the test above: the same request is let through to an administrator.
		const origin = new URL(test.info().project.use.baseURL!).origin;
		const response = await contexts.admin.request.post(`/admin/members/${NO_SUCH_ID}?/grant`, {
			form: {},
			headers: { origin, accept: 'application/json', 'x-sveltekit-action': 'true' },
			maxRedirects: 0
		});
		// SvelteKit answers an action's result with 200 and the result's own status inside.
		expect(response.status()).toBe(200);
		expect(await response.json()).toMatchObject({ type: 'failure', status: 400 });
	});

	test('member-only data is decided at request time: a revoked member loses it on the next request', async () => {
		test.setTimeout(120_000);
		const member = contexts.member;
		const memberPage = await member.newPage();
		const adminPage = await contexts.admin.newPage();

		const areaCells = async () => {
			const response = await member.request.get('/api/rates/in_hours_session');
			expect(response.status()).toBe(200);
			const body = (await response.json()) as { audience: string; cells: { level: string }[] };
			return {
				audience: body.audience,
				areas: body.cells.filter((c) => c.level === 'area').length
			};
		};
		const mapTable = () =>
			memberPage.getByRole('table').filter({ has: memberPage.locator('caption') });

		// A member: health areas on the map and in the API.
		expect(await areaCells()).toMatchObject({ audience: 'member' });
		expect((await areaCells()).areas).toBeGreaterThan(0);
		await memberPage.goto('/map?level=area');
		await expect(mapTable().locator('caption')).toContainText('health areas');

		// The admin revokes the membership.
		await adminPage.goto(`/admin/members?q=${encodeURIComponent(DEMO.member.email)}`);
		await adminPage.getByRole('link', { name: 'Dr Tom Reid' }).click();
		await expect(adminPage.getByRole('heading', { level: 1 })).toHaveText('Dr Tom Reid');
		await adminPage.getByLabel('Reason (optional)').fill('authorization matrix test');
		await adminPage.getByLabel(/Yes, revoke/).check();
		await submitForm(adminPage, adminPage.getByRole('button', { name: 'Revoke membership' }));
		await expect(adminPage.getByText('Membership revoked.')).toBeVisible();

		try {
			// The same browser, the very next request: the non-member shape, no area cells at all.
			expect(await areaCells()).toEqual({ audience: 'public', areas: 0 });
			await memberPage.goto('/map?level=area');
			await expect(mapTable().locator('caption')).toContainText('nations and regions');
			await expect(memberPage.getByText('Area', { exact: true })).toHaveCount(0);
			await expect(memberPage.getByRole('heading', { name: 'What members see' })).toBeVisible();
			await memberPage.goto('/map/compare');
			await expect(memberPage.getByRole('heading', { name: 'How to join' })).toBeVisible();
		} finally {
			// Leave the demo as it was: the admin grants membership again.
			await adminPage.reload();
			await submitForm(adminPage, adminPage.getByRole('button', { name: 'Grant membership' }));
			await expect(adminPage.getByText(/Membership recorded until/)).toBeVisible();
		}
		expect(await areaCells()).toMatchObject({ audience: 'member' });
		expect((await areaCells()).areas).toBeGreaterThan(0);
		await memberPage.close();
		await adminPage.close();
	});
});
