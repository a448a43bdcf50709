import type { Page } from '@playwright/test';
import {
	DEMO,
	expect,
	expectNoA11yViolations,
	fillRegistration,
	screenshot,
	signIn,
	test
} from './fixtures';

interface PageCase {
	name: string;
	path: string;
	status?: number;
	as?: keyof typeof DEMO;
}

const PAGES: PageCase[] = [
	{ name: 'landing', path: '/' },
	{ name: 'privacy', path: '/privacy' },
	{ name: 'terms', path: '/terms' },
	{ name: 'login', path: '/login' },
	{ name: 'register', path: '/register' },
	{ name: 'verify-email', path: '/verify-email' },
	{ name: 'reset-password', path: '/reset-password' },
	{ name: 'account', path: '/account', as: 'doctor' },
	{ name: 'admin', path: '/admin', as: 'admin' },
	{ name: 'admin-moderation', path: '/admin/moderation', as: 'admin' },
	{ name: 'admin-publication', path: '/admin/publication', as: 'admin' },
	{ name: 'method', path: '/about/method' },
	{ name: 'map', path: '/map' },
	{ name: 'map-member-areas', path: '/map?category=in_hours_session&level=area', as: 'member' },
	{ name: 'compare-visitor', path: '/map/compare' },
	{ name: 'compare-member', path: '/map/compare', as: 'member' },
	{ name: 'rates-submit', path: '/rates/submit', as: 'doctor' },
	{ name: 'rates-mine', path: '/rates/mine', as: 'member' },
	{ name: 'not-found', path: '/no-such-page', status: 404 }
];

/** Every request the page makes; the app must make none to another host. */
function recordRequests(page: Page): string[] {
	const urls: string[] = [];
	page.on('request', (request) => urls.push(request.url()));
	return urls;
}

function expectOnlyLocalRequests(urls: string[], baseURL: string) {
	// data: and blob: URLs never leave the browser.
	const foreign = urls.filter(
		(u) => !u.startsWith(`${baseURL}/`) && !u.startsWith('data:') && !u.startsWith('blob:')
	);
	expect(foreign, 'requests that leave localhost').toEqual([]);
	expect(urls.length).toBeGreaterThan(0);
}

async function expectNoHorizontalScroll(page: Page, width: number) {
	const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(scrollWidth, 'page wider than the screen').toBeLessThanOrEqual(width);
}

/**
 * Checks axe no longer makes (its duplicate-id rules are deprecated): ids are unique, and every
 * form field is named by a label of its own, as the browser itself resolves `<label for>`.
 */
async function expectFieldsLabelledOnce(page: Page) {
	const problems = await page.evaluate(() => {
		const found: string[] = [];
		const seen = new Map<string, number>();
		for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
		for (const [id, n] of seen) if (n > 1) found.push(`id "${id}" is used ${n} times`);
		const fields = document.querySelectorAll<
			HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement
		>('input:not([type=hidden]), select, textarea');
		for (const field of fields) {
			const labels = field.labels ? [...field.labels] : [];
			if (
				labels.length === 0 &&
				!field.getAttribute('aria-label') &&
				!field.getAttribute('aria-labelledby')
			) {
				found.push(`field ${field.name || field.id} has no label`);
			}
			if (labels.length > 1) {
				found.push(
					`field ${field.name || field.id} has ${labels.length} labels: ${labels.map((l) => l.textContent?.trim()).join(' | ')}`
				);
			}
		}
		return found;
	});
	expect(problems, `ids and labels on ${page.url()}`).toEqual([]);
}

test.describe('every page at 360 × 740', () => {
	test.use({ viewport: { width: 360, height: 740 } });

	for (const p of PAGES) {
		test(`${p.name} (${p.path}${p.as ? ` as ${p.as}` : ''})`, async ({ page, baseURL }) => {
			if (p.as) await signIn(page, DEMO[p.as].email, DEMO[p.as].password);
			const requests = recordRequests(page);
			const response = await page.goto(p.path);
			await page.waitForLoadState('networkidle');
			expect(response?.status()).toBe(p.status ?? 200);
			expect(page.url()).toBe(`${baseURL}${p.path}`);

			await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
			await expect(page.getByRole('main')).toBeVisible();
			await expectNoHorizontalScroll(page, 360);
			await screenshot(page, `${p.name}-360`);
			await expectNoA11yViolations(page);
			await expectFieldsLabelledOnce(page);
			expectOnlyLocalRequests(requests, baseURL!);
		});
	}

	test('register with every error showing', async ({ page }) => {
		await fillRegistration(page, {
			name: '',
			email: 'not-an-email',
			kind: '',
			password: 'short',
			terms: false
		});
		await expect(page.locator('.alert')).toBeVisible();
		await expectNoHorizontalScroll(page, 360);
		await expectNoA11yViolations(page);
		await expectFieldsLabelledOnce(page);
	});

	test('a form error on the account page', async ({ page }) => {
		await signIn(page, DEMO.member.email, DEMO.member.password);
		await page.goto('/account');
		const form = page.getByRole('region', { name: 'Profile' });
		await form.getByLabel('Your name').fill('');
		await form.getByRole('button', { name: 'Save profile' }).click();
		await expect(form.locator('.error')).toHaveText('Enter your name.');
		await expectNoHorizontalScroll(page, 360);
		await screenshot(page, 'account-errors-360');
		await expectNoA11yViolations(page);
	});
});

test.describe('wide screen at 1280 × 800', () => {
	test.use({ viewport: { width: 1280, height: 800 } });

	test('landing', async ({ page, baseURL }) => {
		const requests = recordRequests(page);
		await page.goto('/');
		await page.waitForLoadState('networkidle');
		await expectNoHorizontalScroll(page, 1280);
		await screenshot(page, 'landing-1280');
		await expectNoA11yViolations(page);
		expectOnlyLocalRequests(requests, baseURL!);
	});

	test('account', async ({ page, baseURL }) => {
		await signIn(page, DEMO.member.email, DEMO.member.password);
		const requests = recordRequests(page);
		await page.goto('/account');
		await page.waitForLoadState('networkidle');
		await expectNoHorizontalScroll(page, 1280);
		await screenshot(page, 'account-1280');
		await expectNoA11yViolations(page);
		expectOnlyLocalRequests(requests, baseURL!);
	});
});
