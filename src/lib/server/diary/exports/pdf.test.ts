import { describe, it, expect } from 'vitest';
import { computePeriod } from '$lib/domain/diary-rules';
import { formatMinutes, formatPence } from '$lib/format';
import { buildReportPdf, toWinAnsi } from './pdf';
import { DOCTOR, PERIOD, PLAN, demoEntries, demoReport } from './test-fixtures';
import { addDays } from '$lib/domain/calendar';
import { describeFlag } from '$lib/domain/vocabulary';
import { DEFAULT_OVERTIME_SETTINGS } from '$lib/domain/diary-model';

// The 32 characters Windows-1252 puts at 0x80–0x9F (undefined ones as '?').
const WIN_ANSI_HIGH = '€?‚ƒ„…†‡ˆ‰Š‹Œ?Ž??‘’“”•–—˜™š›œ?žŸ';

/**
 * The text drawn on each page of an uncompressed pdfkit PDF: pdfkit writes each line of text as
 * one TJ array of hex strings (split where it kerns), in the font's WinAnsi encoding. Lines are
 * joined with single spaces, so a phrase wrapped over two lines is still found.
 */
function pdfText(pdf: Buffer): string {
	const source = pdf.toString('latin1');
	const lines: string[] = [];
	for (const array of source.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
		let line = '';
		for (const hex of array[1].matchAll(/<([0-9a-fA-F]*)>/g)) {
			for (let i = 0; i < hex[1].length; i += 2) {
				const byte = parseInt(hex[1].slice(i, i + 2), 16);
				line +=
					byte >= 0x80 && byte < 0xa0 ? WIN_ANSI_HIGH[byte - 0x80] : String.fromCharCode(byte);
			}
		}
		lines.push(line);
	}
	return lines.join(' ').replace(/\s+/g, ' ');
}

function pageCount(pdf: Buffer): number {
	return pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
}

const GENERATED = new Date('2026-09-28T09:00:00Z');

describe('buildReportPdf', () => {
	it('writes a PDF, compressed by default', async () => {
		const entries = demoEntries();
		const pdf = await buildReportPdf({ doctor: DOCTOR, report: demoReport(entries), entries });
		expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
		expect(pdf.toString('latin1')).toContain('/FlateDecode');
	});

	it('lays out the review pack over three numbered pages', async () => {
		const entries = demoEntries();
		const report = demoReport(entries);
		const pdf = await buildReportPdf(
			{ doctor: DOCTOR, report, entries, generatedAt: GENERATED },
			{ compress: false }
		);
		const text = pdfText(pdf);

		expect(pageCount(pdf)).toBe(3);
		for (let page = 1; page <= 3; page++) expect(text).toContain(`Page ${page} of 3`);

		// Cover
		expect(text).toContain('Job-plan review pack');
		expect(text).toContain('Dr Asha Patel (asha.patel@example.org)');
		expect(text).toContain('3 August 2026 to 27 September 2026 (8 weeks)');
		expect(text).toContain('Riverside Surgery');
		expect(text).toContain('28 Sept 2026, 10:00');
		expect(text).toMatch(/This is Dr Asha Patel's own record/);

		// Summary, with the multipliers used
		expect(text).toContain(formatMinutes(report.totals.plannedMinutes));
		expect(text).toContain(formatMinutes(report.totals.workedMinutes));
		expect(text).toContain(formatPence(report.totals.extraValuePence));
		expect(text).toContain(formatMinutes(report.totals.toilMinutes));
		expect(text).toContain(
			'at 150 % and outside core hours at 200 % of the hourly rate (£51.14 an'
		);
		// 24 planned days, less a bank holiday and a leave week, plus a Saturday session.
		expect(text).toContain(`${report.totals.flaggedDates.length} of 21 working days`);

		// Week by week, with the bank holiday and the leave week
		expect(text).toContain('Week by week');
		expect(text).toContain('Wk 36: 31 Aug – 6 Sept');
		expect(text).toContain('Wk 37: 7–13 Sept');
		expect(text).toContain('Total');

		// Contacts, activity mix, flagged days and the method
		expect(text).toContain('Patient contacts per day');
		expect(text).toContain('Limit 25');
		expect(text).toContain('over limit');
		expect(text).toContain('Activity mix');
		expect(text).toContain('Consulting');
		expect(text).toContain('Flagged days');
		const saturday = report.days.find((day) => day.date === '2026-08-22');
		expect(text).toContain(toWinAnsi(describeFlag(saturday!.flags[0])));
		expect(text).toContain('Monday to Friday, 08:00 to 18:30');
		expect(text).toContain('salary / (37.5 x 52.143)');
		expect(text).toContain('BMA salaried GP overtime toolkit');
	});

	it('uses the settings the report was computed with', async () => {
		const entries = demoEntries();
		const settings = {
			...DEFAULT_OVERTIME_SETTINGS,
			contactLimit: 15,
			coreMultiplier: 1.25,
			toilHoursPerCoreHour: 1.25
		};
		const report = computePeriod(PERIOD.from, PERIOD.to, entries, [PLAN], settings);
		const text = pdfText(
			await buildReportPdf({ doctor: DOCTOR, report, entries, settings }, { compress: false })
		);
		expect(text).toContain('The safe');
		expect(text).toContain('limit is 15 a day');
		expect(text).toContain('at 125 % and outside core hours at 200 %');
		expect(text).toContain('1.25 h per hour of extra time in core hours');
	});

	it('runs a long period onto more pages, repeating table headers', async () => {
		// Six months: the eight weeks of the fixture three times over, 8 and 16 weeks later.
		const entries = [0, 56, 112].flatMap((shift) =>
			demoEntries().map((entry) => ({
				...entry,
				id: `${entry.id}+${shift}`,
				date: addDays(entry.date, shift)
			}))
		);
		const report = computePeriod(PERIOD.from, addDays(PERIOD.from, 24 * 7 - 1), entries, [PLAN]);
		const pdf = await buildReportPdf({ doctor: DOCTOR, report, entries }, { compress: false });
		const pages = pageCount(pdf);
		const text = pdfText(pdf);
		expect(pages).toBeGreaterThan(3);
		expect(text).toContain(`Page ${pages} of ${pages}`);
		expect(text).toContain('Wk 32: 3–9 Aug');
		expect(text).toContain('Wk 2: 11–17 Jan');
		// No cell had to be cut short to fit its column.
		expect(text).not.toContain('…');
		// The contacts list runs over a page break and its header comes again.
		expect(text.match(/ Day Contacts Limit 25 /g)?.length).toBeGreaterThan(1);
	});

	it('gives an empty period one clear page, not an error', async () => {
		const report = demoReport([]);
		const pdf = await buildReportPdf(
			{ doctor: DOCTOR, report, entries: [], generatedAt: GENERATED },
			{ compress: false }
		);
		const text = pdfText(pdf);
		expect(pageCount(pdf)).toBe(1);
		expect(text).toContain('No sessions logged in this period');
		expect(text).toContain('Page 1 of 1');
		expect(text).not.toContain('Summary');
	});

	it('ignores entries outside the period', async () => {
		const entries = demoEntries().map((entry) => ({ ...entry, date: '2025-01-06' }));
		const text = pdfText(
			await buildReportPdf({ doctor: DOCTOR, report: demoReport([]), entries }, { compress: false })
		);
		expect(text).toContain('No sessions logged in this period');
	});
});

describe('toWinAnsi', () => {
	it('keeps what the standard fonts can draw and replaces the rest', () => {
		expect(toWinAnsi('Wójcik £12 — café')).toBe('Wójcik £12 — café');
		expect(toWinAnsi('Łucja Ștefan −5 ≈ 3 😀')).toBe('Lucja Stefan -5 ~ 3 ?');
	});
});
