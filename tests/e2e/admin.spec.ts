import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import {
	checkPage,
	DEMO,
	expect,
	readLink,
	registerUser,
	signIn,
	submitForm,
	test,
	uniqueEmail,
	waitForEmail
} from './fixtures';
import { formatLongDate } from '../../src/lib/format';
import type { MailServer } from 'smtp-tester';
import * as clock from '../../src/lib/server/clock';
import { addDays, addMonths } from '../../src/lib/domain/calendar';

test.use({ viewport: { width: 360, height: 740 } });
test.describe.configure({ mode: 'serial' });

const ADMIN_STATE = join(mkdtempSync(join(tmpdir(), 'sessional-admin-')), 'admin.json');
const TODAY = clock.today();

// The admin signs in once; every test opens pages with that session.
test.beforeAll(async ({ browser }) => {
	// Contexts made here take the file's options, so the state file must not be read yet.
	const context = await browser.newContext({
		baseURL: test.info().project.use.baseURL,
		storageState: { cookies: [], origins: [] }
	});
	const page = await context.newPage();
	await signIn(page, DEMO.admin.email, DEMO.admin.password);
	await context.storageState({ path: ADMIN_STATE });
	await context.close();
});
test.use({ storageState: ADMIN_STATE });

/** Registers someone in a browser of their own and confirms the email from the link sent. */
async function registerAndVerify(browser: Browser, mailServer: MailServer, email = uniqueEmail()) {
	const context = await browser.newContext({
		baseURL: test.info().project.use.baseURL,
		storageState: { cookies: [], origins: [] }
	});
	const page = await context.newPage();
	const user = await registerUser(page, { email, name: `Dr ${email.slice(0, 12)}` });
	const link = readLink(await waitForEmail(mailServer, user.email), '/verify-email');
	await page.goto(link);
	await expect(page.getByText('Thank you: your email address is confirmed.')).toBeVisible();
	return { ...user, page, context };
}

/** The admin page for the account with this email. */
async function openMember(page: Page, email: string) {
	await page.goto(`/admin/members?q=${encodeURIComponent(email)}`);
	await page.locator('.people a').first().click();
	await expect(page.getByText(email, { exact: false }).first()).toBeVisible();
}

const pendingEmails = Array.from({ length: 40 }, (_, i) => uniqueEmail(`pending${i}`));

test('the admin area links every page, and each passes axe at 360 px', async ({ page }) => {
	await page.goto('/admin');
	const links = page.getByRole('navigation', { name: 'Administration' }).getByRole('link');
	await expect(links).toHaveText([
		'Members',
		'Moderation queue',
		'Publication',
		'Settings',
		'Audit log'
	]);
	await checkPage(page, 'admin-360');
	for (const [path, heading, name] of [
		['/admin/members', 'Members', 'admin-members-360'],
		['/admin/members/import', 'Import members', 'admin-import-360'],
		['/admin/moderation', 'Held rate submissions', 'admin-moderation-360'],
		['/admin/publication', 'Publication', 'admin-publication-360'],
		['/admin/settings', 'Settings', 'admin-settings-360'],
		['/admin/audit', 'Audit log', 'admin-audit-360']
	] as const) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(200);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
		await checkPage(page, name);
	}
});

test('a 50-row CSV: preview, all-or-nothing refusal, then the valid rows with a summary', async ({
	page,
	browser,
	mailServer
}) => {
	test.setTimeout(180_000);
	// Three confirmed accounts to upgrade; the demo member and admin are already members.
	const fresh = [];
	for (let i = 0; i < 3; i++) {
		const user = await registerAndVerify(browser, mailServer);
		await user.context.close();
		fresh.push(user.email);
	}
	const until = addMonths(TODAY, 6);
	const ukUntil = `${until.slice(8, 10)}/${until.slice(5, 7)}/${until.slice(0, 4)}`;
	const rows = [
		...fresh.map((e) => `${e},${until},receipt-${e.slice(0, 6)}`),
		`${DEMO.member.email},${addMonths(TODAY, 1)},`,
		`${DEMO.admin.email.toUpperCase()},${addMonths(TODAY, 1)},`,
		...pendingEmails.map((e, i) => `${e},${i % 2 ? until : ukUntil},`),
		`not-an-email,${until},`,
		`,${until},`,
		`${uniqueEmail('baddate')},31/02/2027,`,
		`${uniqueEmail('past')},${addDays(TODAY, -1)},`,
		`${pendingEmails[0]},${until},`
	];
	expect(rows).toHaveLength(50);
	const csv = ['email,valid_until,reference', ...rows].join('\n');

	await page.goto('/admin/members/import');
	await page.getByLabel('CSV file').setInputFiles({
		name: 'members.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(csv)
	});
	await submitForm(page, page.getByRole('button', { name: 'Check the file' }));
	const preview = page.getByRole('region', { name: 'Check before importing' });
	await expect(preview.getByRole('listitem').filter({ hasText: 'to upgrade' })).toHaveText(
		'3 to upgrade'
	);
	await expect(preview.getByText('40 pending registration', { exact: true })).toBeVisible();
	await expect(preview.getByText('2 already members (no change)', { exact: true })).toBeVisible();
	await expect(preview.getByText('5 rejected', { exact: true })).toBeVisible();
	const table = preview.getByRole('table');
	await expect(table.getByRole('row')).toHaveCount(51);
	await expect(table.getByRole('row').filter({ hasText: 'not-an-email' })).toContainText(
		'Rejected: not an email address'
	);
	await expect(table.getByRole('row').filter({ hasText: 'the same email as line' })).toHaveCount(1);
	await checkPage(page, 'admin-import-preview-360');

	// All or nothing: without the choice to skip, the rejected rows stop the whole import.
	await submitForm(page, page.getByRole('button', { name: 'Import 45 rows' }));
	await expect(page.getByRole('alert')).toContainText(
		'5 rows were rejected, so nothing was imported'
	);
	await openMember(page, fresh[0]);
	await expect(page.getByText('Not a member.')).toBeVisible();

	// Again, choosing to import only the valid rows.
	await page.goto('/admin/members/import');
	await page.getByLabel('Or paste the rows').fill(csv);
	await submitForm(page, page.getByRole('button', { name: 'Check the file' }));
	await page.getByLabel('Import only the 45 valid rows and skip the 5 rejected').check();
	const importing = page.getByRole('button', { name: 'Import 45 rows' });
	await importing.click();
	const summary = page.getByRole('region', { name: 'Import complete' });
	await expect(summary).toBeVisible({ timeout: 30_000 });
	await expect(summary.getByText('3 upgraded', { exact: true })).toBeVisible();
	await expect(summary.getByText('40 pending registration', { exact: true })).toBeVisible();
	await expect(summary.getByText('2 already members (no change)', { exact: true })).toBeVisible();
	await expect(summary.getByText('5 rejected', { exact: true })).toBeVisible();
	const rejected = summary.getByRole('list').last().getByRole('listitem');
	await expect(rejected).toHaveCount(5);
	await expect(rejected.filter({ hasText: 'not-an-email' })).toContainText('not an email address');
	await expect(rejected.filter({ hasText: '(empty)' })).toContainText('no email address');
	await expect(rejected.filter({ hasText: 'baddate' })).toContainText('not understood');
	await expect(rejected.filter({ hasText: 'past' })).toContainText('already passed');
	await expect(rejected.filter({ hasText: pendingEmails[0] })).toContainText(
		'the same email as line'
	);
	await checkPage(page, 'admin-import-summary-360');

	await openMember(page, fresh[0]);
	await expect(page.getByText(`Member until ${formatLongDate(until)}.`)).toBeVisible();
	await expect(page.getByText(`receipt-${fresh[0].slice(0, 6)}`)).toBeVisible();
	await page.goto('/admin/members');
	await expect(page.getByText(pendingEmails[1])).toBeVisible();
});

test('a pending grant applies when that person registers and confirms their email', async ({
	browser,
	mailServer
}) => {
	const email = pendingEmails[3];
	const context = await browser.newContext({
		baseURL: test.info().project.use.baseURL,
		storageState: { cookies: [], origins: [] }
	});
	const page = await context.newPage();
	await registerUser(page, { email, name: 'Dr Pending Three' });
	// Registered but not confirmed: not a member yet.
	await page.goto('/account');
	await expect(page.getByText(/You are not a member/)).toBeVisible();
	const link = readLink(await waitForEmail(mailServer, email), '/verify-email');
	await page.goto(link);
	await page.goto('/account');
	await expect(
		page.getByText(`You are a member until ${formatLongDate(addMonths(TODAY, 6))}.`)
	).toBeVisible();
	await context.close();
});

test('grant, extend and revoke, with bad input answered beside the field', async ({
	page,
	browser,
	mailServer
}) => {
	const user = await registerAndVerify(browser, mailServer);
	await user.context.close();
	await openMember(page, user.email);
	await expect(page.getByText('Not a member.')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Grant membership' })).toBeVisible();
	await expect(page.getByLabel('First day')).toHaveValue(TODAY);
	const firstEnd = addDays(addMonths(TODAY, 12), -1);
	await expect(page.getByLabel('Last day')).toHaveValue(firstEnd);
	await expect(page.getByLabel('Amount paid (£)')).toHaveValue('26.00');

	// Bad input: a last day before the first, and an amount that is not money.
	await page.getByLabel('Last day').fill(addDays(TODAY, -3));
	await page.getByLabel('Amount paid (£)').fill('twenty');
	await page.getByLabel('Reference (optional)').fill('cheque 881');
	const bad = await submitForm(page, page.getByRole('button', { name: 'Grant membership' }));
	expect(bad.status()).toBeLessThan(500);
	await expect(page.getByText('The last day cannot be before the first day.')).toBeVisible();
	await expect(page.getByText('Enter the amount paid in pounds, like 26 or 26.00.')).toBeVisible();
	await expect(page.getByLabel('Reference (optional)')).toHaveValue('cheque 881');
	await expect(page.getByLabel('Amount paid (£)')).toHaveValue('twenty');
	await expect(page.getByText('Not a member.')).toBeVisible();
	await checkPage(page, 'admin-member-errors-360');

	await page.getByLabel('Last day').fill(firstEnd);
	await page.getByLabel('Amount paid (£)').fill('26');
	await submitForm(page, page.getByRole('button', { name: 'Grant membership' }));
	await expect(page.getByText(`Member until ${formatLongDate(firstEnd)}.`)).toBeVisible();

	// Extending starts the day after the current membership ends.
	await expect(page.getByRole('heading', { name: 'Extend membership' })).toBeVisible();
	await expect(page.getByLabel('First day')).toHaveValue(addDays(firstEnd, 1));
	await expect(page.getByLabel('Amount paid (£)')).toHaveValue('26.00');
	await expect(page.getByLabel('Reference (optional)')).toHaveValue('');
	const secondEnd = addDays(addMonths(addDays(firstEnd, 1), 12), -1);
	await expect(page.getByLabel('Last day')).toHaveValue(secondEnd);
	await submitForm(page, page.getByRole('button', { name: 'Extend membership' }));
	await expect(page.getByText(`Member until ${formatLongDate(secondEnd)}.`)).toBeVisible();
	await expect(page.getByRole('region', { name: 'History' }).getByRole('listitem')).toHaveCount(2);
	await checkPage(page, 'admin-member-360');

	// Revoking needs the box ticked.
	await submitForm(page, page.getByRole('button', { name: 'Revoke membership' }));
	await expect(page.getByText('Tick the box to confirm.')).toBeVisible();
	await page.getByLabel(/Yes, revoke/).check();
	await submitForm(page, page.getByRole('button', { name: 'Revoke membership' }));
	await expect(page.getByText('Not a member.')).toBeVisible();
	await expect(
		page.getByRole('region', { name: 'History' }).getByText('Revoked', { exact: false })
	).toHaveCount(2);
});

test('moderation decides singly and in bulk; publication runs on demand', async ({ page }) => {
	await page.goto('/admin/moderation');
	const boxes = page.getByRole('checkbox');
	// The suite's data holds submissions waiting for moderation (tests/e2e/data-shapes.ts).
	expect(await boxes.count()).toBeGreaterThanOrEqual(3);
	await expect(page.getByText(/Published median/).first()).toBeVisible();
	const byId = (id: string) => page.locator(`input[name="id"][value="${id}"]`);
	const [first, second, third] = await Promise.all(
		[0, 1, 2].map(async (i) => (await boxes.nth(i).getAttribute('value'))!)
	);
	await submitForm(page, page.getByRole('button', { name: 'Approve', exact: true }).first());
	await expect(page.getByText('1 submission approved.')).toBeVisible();
	await expect(byId(first)).toHaveCount(0);
	await byId(second).check();
	await byId(third).check();
	await submitForm(page, page.getByRole('button', { name: 'Reject selected' }));
	await expect(page.getByText('2 submissions rejected.')).toBeVisible();
	await expect(byId(second)).toHaveCount(0);
	await expect(byId(third)).toHaveCount(0);
	await submitForm(page, page.getByRole('button', { name: 'Approve selected' }));
	await expect(page.getByText('Tick at least one submission first.')).toBeVisible();

	await page.goto('/admin/publication');
	await expect(page.getByText('Free: no run in progress.')).toBeVisible();
	await expect(page.getByText(/Quarter ending .* due on/)).toBeVisible();
	await submitForm(page, page.getByRole('button', { name: 'Publish due quarters now' }));
	await expect(
		page.getByText('Nothing was due: every due quarter is already published.')
	).toBeVisible();
	await expect(
		page
			.getByRole('table', { name: /Published snapshots/ })
			.getByRole('row')
			.nth(1)
	).toBeVisible();
	// The scheduled jobs: publication ran at the server's start; each job has a row.
	const jobs = page.getByRole('table', { name: /scheduled job/ });
	await expect(jobs.getByRole('row')).toHaveCount(4);
	await expect(jobs.getByRole('row', { name: /Publication of due quarters/ })).toContainText(
		/Done: (published|nothing was due)/
	);
	await expect(jobs.getByRole('row', { name: /Clean-up/ })).toBeVisible();
});

test('a settings change applies without a restart; a minimum below 5 is refused', async ({
	page
}) => {
	await page.goto('/about/method');
	await expect(page.getByText('Fewer than 10 doctors:')).toBeVisible();

	await page.goto('/admin/settings');
	const k = page.getByLabel('Minimum contributors per cell');
	await expect(k).toHaveValue('10');
	await k.fill('4');
	await page.getByLabel('Membership fee (£)').fill('30');
	await submitForm(page, page.getByRole('button', { name: 'Save settings' }));
	await expect(
		page.getByText('The minimum number of contributors must be at least 5.')
	).toBeVisible();
	await expect(k).toHaveValue('4');
	await expect(page.getByLabel('Membership fee (£)')).toHaveValue('30');
	await checkPage(page, 'admin-settings-errors-360');
	await page.goto('/about/method');
	await expect(page.getByText('Fewer than 10 doctors:')).toBeVisible();

	try {
		await page.goto('/admin/settings');
		await page.getByLabel('Minimum contributors per cell').fill('12');
		await submitForm(page, page.getByRole('button', { name: 'Save settings' }));
		await expect(page.getByText('Saved 1 change.')).toBeVisible();
		await page.goto('/about/method');
		await expect(page.getByText('Fewer than 12 doctors:')).toBeVisible();
	} finally {
		await page.goto('/admin/settings');
		await page.getByLabel('Minimum contributors per cell').fill('10');
		await submitForm(page, page.getByRole('button', { name: 'Save settings' }));
	}
	await page.goto('/about/method');
	await expect(page.getByText('Fewer than 10 doctors:')).toBeVisible();
});

test('every admin action is in the audit log with the actor and the time', async ({ page }) => {
	await page.goto(`/admin/audit?actor=${encodeURIComponent(DEMO.admin.email)}`);
	const entries = page.getByRole('listitem').filter({ hasText: `By ${DEMO.admin.email}` });
	for (const action of [
		'membership.import',
		'membership.pending',
		'membership.grant',
		'membership.revoke',
		'moderation.approve',
		'moderation.reject',
		'settings.update'
	]) {
		await page.goto(
			`/admin/audit?action=${encodeURIComponent(action)}&actor=${encodeURIComponent(DEMO.admin.email)}`
		);
		const entry = entries.first();
		await expect(entry, action).toContainText(action);
		await expect(entry.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);
	}
	// The pending grant was applied by the system when the person confirmed their email.
	await page.goto('/admin/audit?action=membership.pending_applied');
	await expect(page.getByRole('listitem').filter({ hasText: pendingEmails[3] })).toContainText(
		'By system'
	);
	// Filtering by action keeps the filter in the form.
	await page.goto('/admin/audit?action=settings.update');
	await expect(page.getByLabel('Action')).toHaveValue('settings.update');
	await expect(
		page.getByRole('listitem').filter({ hasText: 'minContributors' }).first()
	).toBeVisible();
});
