// The members' CSV of published cells (DESIGN §3.6): members download it from /map and
// /map/compare; signed-in non-members are refused with how to join; visitors are sent to sign in.
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { Download, Page } from '@playwright/test';
import {
	DEMO,
	expect,
	expectNoA11yViolations,
	RATE_CATEGORY_CODES,
	signIn,
	submitSignIn,
	test
} from './fixtures';

const FIGURE_COLUMNS = [
	'Median £ per hour',
	'Median £ per 4 h 10 min session',
	'Doctors reporting (band)',
	'Confidence',
	'25th percentile £ per hour',
	'75th percentile £ per hour',
	'Median patient contacts per hour'
];

const NOTICE = 'Reported rates — information only.';

interface ApiCell {
	geoCode: string;
	level: string;
	status: 'published' | 'suppressed';
	medianPerHour?: number;
	medianPerSession?: number;
	quartiles?: { p25: number; p75: number } | null;
}
interface ApiAnswer {
	audience: string;
	snapshot: { quarterEnd: string; windowFrom: string; windowTo: string };
	cells: ApiCell[];
}

type Row = Record<string, string>;

/** The file's notice row, header and data rows keyed by the header. */
async function readCsv(download: Download) {
	const text = await readFile(await download.path(), 'utf8');
	const [notice, header, ...data] = parse(text, { bom: true }) as string[][];
	const rows: Row[] = data.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
	return { notice, header, rows };
}

/** Clicks a link and waits for the file it starts. */
async function downloadFrom(page: Page, name: string | RegExp): Promise<Download> {
	const started = page.waitForEvent('download');
	await page.getByRole('main').getByRole('link', { name }).click();
	return started;
}

function downloadSection(page: Page) {
	return page.getByRole('region', { name: 'Download the figures' });
}

test.describe('as a member', () => {
	test.beforeEach(async ({ page }) => {
		await signIn(page, DEMO.member.email, DEMO.member.password);
	});

	test('downloads every kind of work, nation, region and area from /map, with the figures the map shows', async ({
		page
	}) => {
		test.slow();
		await page.goto('/map?category=in_hours_session');
		const download = await downloadFrom(page, 'Download published figures (CSV)');

		const answers = new Map<string, ApiAnswer>();
		for (const category of RATE_CATEGORY_CODES) {
			const response = await page.request.get(`/api/rates/${category}`);
			const answer = (await response.json()) as ApiAnswer;
			expect(answer.audience).toBe('member');
			answers.set(category, answer);
		}
		const quarterEnd = answers.get('in_hours_session')!.snapshot.quarterEnd;
		expect(download.suggestedFilename()).toBe(`sessional-rates-${quarterEnd}.csv`);

		const { notice, header, rows } = await readCsv(download);
		expect(notice[0]).toContain(NOTICE);
		expect(notice[0]).toContain('They are not recommended, suggested, minimum or agreed rates.');
		expect(header).toEqual(expect.arrayContaining(['Kind of work', 'Level', 'Status']));
		expect(header).toEqual(expect.arrayContaining(FIGURE_COLUMNS));

		// One row per cell the member API sends, in every category; areas included.
		const apiCells = RATE_CATEGORY_CODES.flatMap((c) =>
			answers.get(c)!.cells.map((cell) => ({ c, cell }))
		);
		expect(rows).toHaveLength(apiCells.length);
		expect(new Set(rows.map((r) => r.Level))).toEqual(new Set(['nation', 'region', 'health area']));
		const byKey = new Map(rows.map((r) => [`${r['Kind of work code']} ${r['Geography code']}`, r]));

		let published = 0;
		let suppressed = 0;
		for (const { c, cell } of apiCells) {
			const row = byKey.get(`${c} ${cell.geoCode}`);
			expect(row, `${c} ${cell.geoCode}`).toBeTruthy();
			expect(row!['Quarter end']).toBe(quarterEnd);
			if (cell.status === 'published') {
				published += 1;
				expect(row!.Status).toBe('published');
				expect(row!['Median £ per hour']).toBe(String(cell.medianPerHour));
				expect(row!['Median £ per 4 h 10 min session']).toBe(String(cell.medianPerSession));
				expect(row!['25th percentile £ per hour']).toBe(
					cell.quartiles ? String(cell.quartiles.p25) : ''
				);
			} else {
				suppressed += 1;
				expect(row!.Status).toBe('not enough reports');
				for (const column of FIGURE_COLUMNS) expect(row![column], column).toBe('');
			}
		}
		// The demo data has both, and quartiles somewhere.
		expect(published).toBeGreaterThan(0);
		expect(suppressed).toBeGreaterThan(0);
		expect(rows.some((r) => /^\d+$/.test(r['75th percentile £ per hour']))).toBe(true);
	});

	test('downloads one kind of work from /map, and finds the link on /map/compare', async ({
		page
	}) => {
		await page.goto('/map?category=remote');
		const download = await downloadFrom(page, 'Remote session (CSV)');
		expect(download.suggestedFilename()).toMatch(/^sessional-rates-\d{4}-\d{2}-\d{2}-remote\.csv$/);
		const { rows } = await readCsv(download);
		expect(rows.length).toBeGreaterThan(0);
		expect(new Set(rows.map((r) => r['Kind of work code']))).toEqual(new Set(['remote']));

		await page.goto('/map/compare');
		const fromCompare = await downloadFrom(page, 'Download every published figure (CSV)');
		expect(fromCompare.suggestedFilename()).toMatch(/^sessional-rates-\d{4}-\d{2}-\d{2}\.csv$/);
	});

	test('/map with the download link passes axe at 360 px', async ({ page }) => {
		test.slow();
		await page.goto('/map?category=in_hours_session');
		await expect(
			downloadSection(page).getByRole('link', { name: 'Download published figures (CSV)' })
		).toBeVisible();
		await expect(page.locator('.map')).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
		await expectNoA11yViolations(page);
	});
});

test.describe('as a doctor who is not a member', () => {
	test.beforeEach(async ({ page }) => {
		await signIn(page, DEMO.doctor.email, DEMO.doctor.password);
	});

	test('gets 403 with how to join, and no figure', async ({ page }) => {
		const response = await page.goto('/map/csv');
		expect(response?.status()).toBe(403);
		const text = await page.locator('body').innerText();
		expect(text).toContain('The CSV of published figures is for members of the group.');
		expect(text).toContain('ask its committee to join');
		expect(text).not.toContain('£');
		expect(text.replace('403', '')).not.toMatch(/\d/);
		await expectNoA11yViolations(page);

		// Asked for one kind of work, or by a script, the answer is the same refusal.
		for (const path of ['/map/csv?category=in_hours_session', '/map/csv?category=nonsense']) {
			const answer = await page.request.get(path);
			expect(answer.status(), path).toBe(403);
			expect(answer.headers()['content-disposition'], path).toBeUndefined();
			const body = await answer.text();
			expect(body, path).toContain('for members');
			expect(body, path).not.toMatch(/£|\d/);
		}
	});

	test('sees the download as a member feature on /map and /map/compare, without a link; axe at 360 px', async ({
		page
	}) => {
		test.slow();
		await page.goto('/map?category=in_hours_session');
		const section = downloadSection(page);
		await expect(section).toContainText('Members can download every published figure');
		await expect(section.getByRole('link')).toHaveCount(0);
		await expect(page.locator('a[href^="/map/csv"]')).toHaveCount(0);
		await expect(
			page.getByRole('region', { name: 'What members see' }).getByRole('listitem').last()
		).toHaveText('Every published figure as a CSV file, for a spreadsheet');
		await expect(page.locator('.map')).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
		await expectNoA11yViolations(page);

		await page.goto('/map/compare');
		await expect(page.getByRole('main')).toContainText(
			'They can also download every published figure as a CSV file'
		);
		await expect(page.locator('a[href^="/map/csv"]')).toHaveCount(0);
	});
});

test('a visitor asking for the file is sent to sign in, and gets it once signed in as a member', async ({
	page
}) => {
	await page.goto('/map/csv?category=in_hours_session');
	await expect(page).toHaveURL(
		`/login?redirectTo=${encodeURIComponent('/map/csv?category=in_hours_session')}`
	);
	const started = page.waitForEvent('download');
	await submitSignIn(page, DEMO.member.email, DEMO.member.password);
	const download = await started;
	expect(download.suggestedFilename()).toMatch(/-in-hours-session\.csv$/);
	const { notice, rows } = await readCsv(download);
	expect(notice[0]).toContain(NOTICE);
	expect(rows.length).toBeGreaterThan(0);
});
