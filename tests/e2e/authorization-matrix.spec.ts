import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, APIResponse } from '@playwright/test';
import { DEMO, expect, signIn, submitForm, test } from './fixtures';
import { ACCESS_MATRIX, ROLES, type Outcome, type Role } from './access-matrix';

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
