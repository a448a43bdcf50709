import type { Locator, Page } from '@playwright/test';
import type { MailServer } from 'smtp-tester';
import {
	DEMO,
	expect,
	readLink,
	registerUser,
	screenshot,
	signIn,
	submitForm,
	test,
	waitForEmail,
	londonMonth
} from './fixtures';
import { RATES_NOTICE_BODY, RATES_NOTICE_LEAD } from '../../src/lib/domain/rates-notice';

test.use({ viewport: { width: 360, height: 740 } });

// ---------------------------------------------------------------------------------------------
// Helpers

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A fresh doctor with a confirmed email address, signed in. The server's database is fresh per
 * run, and a new doctor per test keeps clear of the 20-a-month cap and the submission rate limit.
 */
async function verifiedDoctor(page: Page, mailServer: MailServer) {
	const user = await registerUser(page, { name: 'Dr Rate Tester', kind: 'locum' });
	const email = await waitForEmail(mailServer, user.email);
	await page.goto(readLink(email, '/verify-email?token='));
	await expect(page.getByText('Thank you: your email address is confirmed.')).toBeVisible();
	return user;
}

interface RateInput {
	/** The category's display name, as in the form's radio buttons. */
	category?: string;
	month?: string;
	/** The area's display name, as in the form's drop-down. */
	area?: string;
	amount?: string;
	basis?: 'per hour' | 'per session' | 'per day';
	hours?: string;
	start?: string;
	finish?: string;
}

const CATEGORY = {
	inHours: 'In-hours surgery session',
	duty: 'Duty / on-call doctor',
	extended: 'Extended / enhanced access',
	ooh: 'Out-of-hours & urgent care',
	remote: 'Remote session'
} as const;

function categoryRadio(page: Page, name: string): Locator {
	// The label holds the name and a description: match on the name at its start.
	return page.getByRole('radio', { name: new RegExp(`^${escapeRegExp(name)}`) });
}

/** Fills the rate form on the page the browser is on (submit or edit); leaves out what is not given. */
async function fillRate(page: Page, input: RateInput): Promise<void> {
	if (input.category) await categoryRadio(page, input.category).check();
	if (input.month !== undefined) await page.getByLabel('Month you did the work').fill(input.month);
	if (input.area !== undefined) {
		await page
			.getByLabel('Area', { exact: true })
			.selectOption(input.area ? { label: input.area } : '');
	}
	if (input.amount !== undefined) await page.getByLabel('Amount paid (£)').fill(input.amount);
	if (input.basis) await page.getByRole('radio', { name: input.basis, exact: true }).check();
	if (input.hours !== undefined) await page.getByLabel('Hours worked').fill(input.hours);
	if (input.start !== undefined) await page.getByLabel('Start', { exact: true }).fill(input.start);
	if (input.finish !== undefined)
		await page.getByLabel('Finish', { exact: true }).fill(input.finish);
}

async function shareRate(page: Page, input: RateInput) {
	await page.goto('/rates/submit');
	await fillRate(page, input);
	return submitForm(page, page.getByRole('button', { name: 'Share this rate' }));
}

/** The cards under "My shared rates". */
function submissionCards(page: Page): Locator {
	return page.locator('ul.submissions > li');
}

function cardFor(page: Page, category: string): Locator {
	return submissionCards(page).filter({
		has: page.getByRole('heading', { level: 2, name: category, exact: true })
	});
}

/** Every card's text, in order: "nothing was stored" means this does not change. */
async function listSnapshot(page: Page): Promise<string[]> {
	await page.goto('/rates/mine');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('My shared rates');
	return submissionCards(page).allInnerTexts();
}

function notice(page: Page): Locator {
	return page.getByRole('complementary', { name: 'About these figures' });
}

// ---------------------------------------------------------------------------------------------

test('a verified doctor shares a rate in each category, then edits and deletes one', async ({
	page,
	mailServer
}) => {
	await verifiedDoctor(page, mailServer);
	const month = londonMonth(-1);

	await page.goto('/rates/submit');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Share a locum rate');
	await expect(notice(page)).toBeVisible();
	await expect(notice(page)).toContainText(RATES_NOTICE_LEAD);
	await expect(notice(page)).toContainText(RATES_NOTICE_BODY);
	await expect(page.getByText('Confirm your email address before sharing rates')).toHaveCount(0);
	// The month starts at the current one.
	await expect(page.getByLabel('Month you did the work')).toHaveValue(londonMonth(0));

	const shared: (RateInput & { expect: string })[] = [
		{
			// The worked example: £650 / 8.5 h = 7647.06p → £76.47 an hour (half up, to the penny);
			// 7647p × 250 / 60 min = 31862.5p → £318.63 a 4 h 10 min session.
			category: CATEGORY.inHours,
			area: 'Devon',
			amount: '650',
			basis: 'per day',
			hours: '8.5',
			expect: '£650.00 per day for 8.5 h: £76.47 an hour, £318.63 a 4 h 10 min session'
		},
		{
			// £380 / 4.25 h = 8941.18p → £89.41; × 250/60 = 37254.17p → £372.54.
			category: CATEGORY.duty,
			area: 'Greater Manchester',
			amount: '380',
			basis: 'per session',
			hours: '4.25',
			expect: '£380.00 per session for 4.25 h: £89.41 an hour, £372.54 a 4 h 10 min session'
		},
		{
			category: CATEGORY.extended,
			area: 'Kent and Medway',
			amount: '105',
			basis: 'per hour',
			hours: '3',
			expect: '£105.00 per hour for 3 h: £105.00 an hour, £437.50 a 4 h 10 min session'
		},
		{
			// Start and finish instead of hours: 18:30 to 23:00 is 4.5 h.
			category: CATEGORY.ooh,
			area: 'Lothian',
			amount: '120',
			basis: 'per hour',
			start: '18:30',
			finish: '23:00',
			expect: '£120.00 per hour for 4.5 h: £120.00 an hour, £500.00 a 4 h 10 min session'
		},
		{
			// £340 / 4 h = £85.00; × 250/60 = £354.17.
			category: CATEGORY.remote,
			area: 'Cardiff and Vale',
			amount: '340',
			basis: 'per session',
			hours: '4',
			expect: '£340.00 per session for 4 h: £85.00 an hour, £354.17 a 4 h 10 min session'
		}
	];

	for (const [i, input] of shared.entries()) {
		await shareRate(page, { ...input, month });
		await expect(page).toHaveURL(/\/rates\/mine\?saved=(accepted|held)$/);
		await expect(page.getByRole('status')).toContainText('Thank you: your rate was saved.');
		await expect(submissionCards(page)).toHaveCount(i + 1);
		const card = cardFor(page, input.category!);
		await expect(card).toHaveCount(1);
		await expect(card.getByText(input.area!)).toBeVisible();
		await expect(card.locator('p').nth(1)).toHaveText(input.expect);
	}
	await screenshot(page, 'rates-mine-360');

	// Edit the per-day one: the form is filled in with what was stored.
	const inHours = cardFor(page, CATEGORY.inHours);
	await inHours.getByRole('link', { name: /^Edit/ }).click();
	await expect(page).toHaveURL(/\/rates\/mine\/[0-9a-f-]{36}$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Edit a shared rate');
	await expect(categoryRadio(page, CATEGORY.inHours)).toBeChecked();
	await expect(page.getByLabel('Month you did the work')).toHaveValue(month);
	await expect(page.getByLabel('Area', { exact: true }).locator('option:checked')).toHaveText(
		'Devon'
	);
	await expect(page.getByLabel('Amount paid (£)')).toHaveValue('650.00');
	await expect(page.getByRole('radio', { name: 'per day', exact: true })).toBeChecked();
	await expect(page.getByLabel('Hours worked')).toHaveValue('8.5');
	await screenshot(page, 'rates-edit-360');

	await page.getByLabel('Amount paid (£)').fill('700');
	await submitForm(page, page.getByRole('button', { name: 'Save changes' }));
	await expect(page).toHaveURL(/\/rates\/mine\?saved=(accepted|held)&replaced=1$/);
	await expect(page.getByRole('status')).toContainText('Your rate was updated.');
	await expect(submissionCards(page)).toHaveCount(5);
	// £700 / 8.5 h = 8235.29p → £82.35; 8235p × 250/60 = 34312.5p → £343.13.
	await expect(cardFor(page, CATEGORY.inHours).locator('p').nth(1)).toHaveText(
		'£700.00 per day for 8.5 h: £82.35 an hour, £343.13 a 4 h 10 min session'
	);

	// Delete the remote one.
	await cardFor(page, CATEGORY.remote)
		.getByRole('button', { name: /^Delete/ })
		.click();
	await expect(page.getByText('The submission was deleted.')).toBeVisible();
	await expect(submissionCards(page)).toHaveCount(4);
	await expect(cardFor(page, CATEGORY.remote)).toHaveCount(0);
	// Still gone after a reload: the server deleted it.
	await page.reload();
	await expect(submissionCards(page)).toHaveCount(4);
	await expect(cardFor(page, CATEGORY.remote)).toHaveCount(0);
});

test.describe('bad input gets a message beside the field, keeps what was typed and stores nothing', () => {
	const good: RateInput = {
		category: CATEGORY.inHours,
		area: 'Devon',
		amount: '90',
		basis: 'per hour',
		hours: '4'
	};

	const cases: {
		title: string;
		input: RateInput;
		/** The id of the element holding the message, and the element marked invalid. */
		errorId: string;
		invalidId: string;
		message: string;
		kept: (page: Page) => Promise<void>;
	}[] = [
		{
			title: 'a month in the future',
			input: { month: londonMonth(2) },
			errorId: 'field-workMonth-error',
			invalidId: 'field-workMonth',
			message: 'The month cannot be in the future.',
			kept: async (page) =>
				expect(page.getByLabel('Month you did the work')).toHaveValue(londonMonth(2))
		},
		{
			title: '£5 an hour',
			input: { amount: '5' },
			errorId: 'field-amount-error',
			invalidId: 'field-amount',
			message: 'You entered £5.00 an hour; rates must be between £30 and £400 an hour.',
			kept: async (page) => expect(page.getByLabel('Amount paid (£)')).toHaveValue('5')
		},
		{
			title: '20 hours',
			input: { hours: '20' },
			errorId: 'field-hoursWorked-error',
			invalidId: 'field-hoursWorked',
			message: 'You entered 20 hours; hours worked must be between 1 and 14.',
			kept: async (page) => expect(page.getByLabel('Hours worked')).toHaveValue('20')
		},
		{
			title: 'no area',
			input: { area: '' },
			errorId: 'field-areaCode-error',
			invalidId: 'field-areaCode',
			message: 'Choose the area where you worked.',
			kept: async (page) => expect(page.getByLabel('Area', { exact: true })).toHaveValue('')
		},
		{
			title: 'no category',
			input: { category: undefined },
			errorId: 'category-error',
			invalidId: '',
			message: 'Choose the kind of work.',
			kept: async (page) => {
				for (const name of Object.values(CATEGORY)) {
					await expect(categoryRadio(page, name)).not.toBeChecked();
				}
			}
		},
		{
			title: 'an amount of "abc"',
			input: { amount: 'abc' },
			errorId: 'field-amount-error',
			invalidId: 'field-amount',
			message: 'Enter an amount in pounds, like 85 or 650.50.',
			kept: async (page) => expect(page.getByLabel('Amount paid (£)')).toHaveValue('abc')
		}
	];

	test('each of them', async ({ page, mailServer }) => {
		await verifiedDoctor(page, mailServer);
		const month = londonMonth(-1);
		// One good submission first, so "unchanged" is not just "still empty".
		await shareRate(page, { ...good, month });
		await expect(page).toHaveURL(/\/rates\/mine\?saved=/);
		const before = await listSnapshot(page);
		expect(before).toHaveLength(1);

		for (const c of cases) {
			await test.step(c.title, async () => {
				// A different area from the stored one, so a wrongly accepted form would add a row.
				const input: RateInput = { ...good, area: 'Lothian', month, ...c.input };
				await page.goto('/rates/submit');
				await fillRate(page, input);
				const response = await submitForm(
					page,
					page.getByRole('button', { name: 'Share this rate' })
				);
				expect(response.status()).toBeLessThan(500);
				await expect(page).toHaveURL(/\/rates\/submit$/);
				await expect(page.getByRole('alert').first()).toContainText(
					'Please correct the field marked below.'
				);
				await expect(page.locator(`#${c.errorId}`)).toHaveText(c.message);
				await expect(page.locator('.error')).toHaveCount(1);
				if (c.invalidId) {
					const field = page.locator(`#${c.invalidId}`);
					await expect(field).toHaveAttribute('aria-invalid', 'true');
					await expect(field).toHaveAccessibleDescription(new RegExp(escapeRegExp(c.message)));
				} else {
					await expect(
						page.getByRole('group', { name: 'Kind of work' })
					).toHaveAccessibleDescription(c.message);
				}
				await c.kept(page);
				// The other fields keep what was typed too.
				if (c.input.amount === undefined) {
					await expect(page.getByLabel('Amount paid (£)')).toHaveValue(input.amount!);
				}
				if (c.input.hours === undefined) {
					await expect(page.getByLabel('Hours worked')).toHaveValue(input.hours!);
				}
				if (c.input.month === undefined) {
					await expect(page.getByLabel('Month you did the work')).toHaveValue(month);
				}
				await expect(page.getByRole('radio', { name: 'per hour', exact: true })).toBeChecked();
				if (c.title === '£5 an hour') await screenshot(page, 'rates-error-360');
			});
		}

		expect(await listSnapshot(page)).toEqual(before);
	});
});

test('a second rate for the same category, area and month updates the first', async ({
	page,
	mailServer
}) => {
	await verifiedDoctor(page, mailServer);
	const input: RateInput = {
		category: CATEGORY.duty,
		month: londonMonth(-2),
		area: 'Greater Manchester',
		amount: '95',
		basis: 'per hour',
		hours: '5'
	};
	await shareRate(page, input);
	await expect(page).toHaveURL(/\/rates\/mine\?saved=(accepted|held)$/);
	await expect(submissionCards(page)).toHaveCount(1);

	await shareRate(page, { ...input, amount: '98' });
	await expect(page).toHaveURL(/\/rates\/mine\?saved=(accepted|held)&replaced=1$/);
	await expect(page.getByRole('status')).toContainText('Your rate was updated.');
	await expect(submissionCards(page)).toHaveCount(1);
	await expect(cardFor(page, CATEGORY.duty).locator('p').nth(1)).toHaveText(
		'£98.00 per hour for 5 h: £98.00 an hour, £408.33 a 4 h 10 min session'
	);
	await expect(page.getByText('£95.00')).toHaveCount(0);
});

test('an unverified account is told to confirm its email, and nothing is stored', async ({
	page
}) => {
	await registerUser(page, { name: 'Dr Not Yet Confirmed' });
	await page.goto('/rates/submit');
	await expect(
		page.getByText(
			/Confirm your email address before sharing rates: open the link we emailed you, or/
		)
	).toBeVisible();
	await fillRate(page, {
		category: CATEGORY.inHours,
		month: londonMonth(-1),
		area: 'Devon',
		amount: '90',
		basis: 'per hour',
		hours: '4'
	});
	const response = await submitForm(page, page.getByRole('button', { name: 'Share this rate' }));
	expect(response.status()).toBeLessThan(500);
	await expect(page).toHaveURL(/\/rates\/submit$/);
	await expect(
		page.getByText(
			'Confirm your email address before sharing rates: open the link we emailed you.',
			{ exact: true }
		)
	).toBeVisible();
	await expect(page.getByLabel('Amount paid (£)')).toHaveValue('90');

	await page.goto('/rates/mine');
	await expect(page.getByText('You have not shared any rates yet.')).toBeVisible();
	await expect(submissionCards(page)).toHaveCount(0);
});

test("another doctor's submission cannot be opened: its edit page answers 404", async ({
	browser,
	page,
	mailServer
}) => {
	await verifiedDoctor(page, mailServer);
	await shareRate(page, {
		category: CATEGORY.extended,
		month: londonMonth(-1),
		area: 'Kent and Medway',
		amount: '110',
		basis: 'per hour',
		hours: '3'
	});
	await expect(page).toHaveURL(/\/rates\/mine\?saved=/);
	const href = await cardFor(page, CATEGORY.extended)
		.getByRole('link', { name: /^Edit/ })
		.getAttribute('href');
	expect(href).toMatch(/^\/rates\/mine\/[0-9a-f-]{36}$/);
	// The owner can open it.
	expect((await page.goto(href!))?.status()).toBe(200);

	const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
	const other = await context.newPage();
	try {
		await signIn(other, DEMO.doctor.email, DEMO.doctor.password);
		const response = await other.goto(href!);
		expect(response?.status()).toBe(404);
		await expect(other.getByRole('heading', { level: 1 })).toHaveText('Page not found');
		await expect(other.getByLabel('Amount paid (£)')).toHaveCount(0);
		expect(await response!.text()).not.toContain('110.00');
	} finally {
		await context.close();
	}

	// Untouched for its owner.
	await page.goto('/rates/mine');
	await expect(cardFor(page, CATEGORY.extended).locator('p').nth(1)).toContainText('£110.00');
});

test('a rate far outside the usual range is held for a check', async ({ page, mailServer }) => {
	await verifiedDoctor(page, mailServer);
	await shareRate(page, {
		category: CATEGORY.inHours,
		month: londonMonth(-1),
		area: 'Devon',
		amount: '260',
		basis: 'per hour',
		hours: '4'
	});
	await expect(page).toHaveURL(/\/rates\/mine\?saved=held$/);
	await expect(page.getByRole('status')).toContainText(
		'It is unusual for its region, so an administrator will check it before it counts.'
	);
	await expect(cardFor(page, CATEGORY.inHours)).toContainText(
		'Waiting for a check: unusual figures are looked at before they count'
	);
});

test('the information-only notice is on the submit page and the map', async ({ page }) => {
	await signIn(page, DEMO.doctor.email, DEMO.doctor.password);
	for (const path of ['/rates/submit', '/map']) {
		await page.goto(path);
		await expect(notice(page).first()).toBeVisible();
		await expect(notice(page).first()).toHaveText(`${RATES_NOTICE_LEAD} ${RATES_NOTICE_BODY}`);
	}
});

test.describe('no page uses the words of agreed or recommended rates', () => {
	const FORBIDDEN = [
		'recommended rate',
		'suggested rate',
		'fair rate',
		'minimum rate',
		'going rate',
		'rate card',
		'should charge',
		"don't accept less",
		'don’t accept less'
	];
	const PAGES = ['/map', '/map/compare', '/rates/submit', '/rates/mine', '/about/method'];

	async function expectClean(page: Page, path: string) {
		await page.goto(path);
		await expect(page.locator('main')).toBeVisible();
		const text = (await page.locator('body').innerText()).toLowerCase();
		const title = (await page.title()).toLowerCase();
		for (const phrase of FORBIDDEN) {
			expect(text, `${path} shows "${phrase}"`).not.toContain(phrase);
			expect(title, `${path}'s title has "${phrase}"`).not.toContain(phrase);
		}
	}

	test('as a member (who sees the most)', async ({ page }) => {
		await signIn(page, DEMO.member.email, DEMO.member.password);
		for (const path of PAGES) await expectClean(page, path);
		await expectClean(page, '/map?category=in_hours_session&level=area');
	});

	test('as a visitor', async ({ page }) => {
		for (const path of ['/map', '/map/compare', '/about/method']) await expectClean(page, path);
	});
});
