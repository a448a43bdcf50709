/**
 * The job-plan review pack: an A4 PDF of a diary report for the doctor to take to a job-plan review
 * (DESIGN §2, "Reports"). Drawn with pdfkit's standard Helvetica, so no font file and no network;
 * charts are the same layouts as on screen (charts/geometry.ts), drawn with vector primitives.
 *
 * Every figure comes from the rules module's PeriodReport; this module only lays it out.
 */
import PDFDocument from 'pdfkit';
import { layoutWeeklyHours } from '$lib/charts/geometry';
import { activityMix, contactsSeries, weeklyHoursSeries } from '$lib/charts/series';
import {
	formatDate,
	formatDateTime,
	formatLongDate,
	formatMinutes,
	formatPence,
	formatIsoWeek,
	formatWeekRange
} from '$lib/format';
import type { ReportPdfInput } from './types';
import * as clock from '../../clock';
import {
	CONTACT_MODES,
	isNonWorking,
	CONTACT_MODE_LABELS,
	describeFlag
} from '$lib/domain/vocabulary';
import {
	DEFAULT_OVERTIME_SETTINGS,
	FULL_TIME_WEEKLY_HOURS,
	WEEKS_PER_YEAR,
	type DayResult,
	type OvertimeSettings
} from '$lib/domain/diary-model';

export interface PdfOptions {
	/** Compress page streams (the default). Tests turn it off to read the text back. */
	compress?: boolean;
}

// A4 in points, with room at the foot for the page number.
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 50, right: 50, bottom: 64, left: 50 };
const LEFT = MARGIN.left;
const WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BOTTOM = PAGE.height - MARGIN.bottom;

// The app's palette (src/app.css); each reaches at least 4.5:1 on white, except the line and panel.
const INK = '#1b1f23';
const MUTED = '#4a5560';
const BRAND = '#0b4f6c';
const DANGER = '#a4161a';
const LINE = '#c9d3db';
const PANEL = '#f3f6f8';
const PLANNED_FILL = '#dde4ea';

const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';

// ---------------------------------------------------------------------------------------------
// Text the standard fonts can show
// ---------------------------------------------------------------------------------------------

// The standard 14 fonts are limited to WinAnsi (Windows-1252): Latin-1 plus these.
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const REPLACEMENTS: Record<string, string> = {
	'−': '-',
	'≈': '~',
	'≤': '<=',
	'≥': '>=',
	'→': '->',
	'▼': 'v',
	// Letters with no decomposition to a base letter and an accent.
	Ł: 'L',
	ł: 'l',
	Đ: 'D',
	đ: 'd',
	Ħ: 'H',
	ħ: 'h',
	ı: 'i',
	'\u00a0': ' ',
	'\u202f': ' '
};

/**
 * Text in the WinAnsi set pdfkit's standard fonts can draw: known symbols are replaced, accents
 * outside Latin-1 are dropped (ł is not in it, but é is) and anything else becomes '?', rather than
 * the wrong glyphs pdfkit would otherwise draw.
 */
export function toWinAnsi(text: string): string {
	let out = '';
	for (const char of text) {
		const code = char.codePointAt(0) ?? 0;
		if ((code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff) || char === '\n') {
			out += char;
		} else if (WIN_ANSI_EXTRAS.has(char)) {
			out += char;
		} else if (char in REPLACEMENTS) {
			out += REPLACEMENTS[char];
		} else {
			const base = char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
			out += base && base !== char && /^[\x20-\x7e]+$/.test(base) ? base : '?';
		}
	}
	return out;
}

// ---------------------------------------------------------------------------------------------
// A small flowing layout on top of pdfkit
// ---------------------------------------------------------------------------------------------

interface TableColumn {
	header: string;
	width: number;
	align?: 'left' | 'right';
}

type Doc = PDFKit.PDFDocument;

function ensureSpace(doc: Doc, height: number): void {
	if (doc.y + height > BOTTOM) {
		doc.addPage();
		doc.x = LEFT;
		doc.y = MARGIN.top;
	}
}

/** `keep`: how much of what follows must fit under the heading on the same page. */
function heading(doc: Doc, text: string, keep = 60): void {
	ensureSpace(doc, keep + 40);
	doc.moveDown(0.8);
	doc.font(BOLD).fontSize(14).fillColor(BRAND);
	doc.text(toWinAnsi(text), LEFT, doc.y, { width: WIDTH });
	doc.moveDown(0.3);
	doc.font(REGULAR).fontSize(10).fillColor(INK);
}

function paragraph(doc: Doc, text: string, options: { color?: string; size?: number } = {}): void {
	doc
		.font(REGULAR)
		.fontSize(options.size ?? 10)
		.fillColor(options.color ?? INK);
	ensureSpace(doc, doc.currentLineHeight(true) * 2);
	doc.text(toWinAnsi(text), LEFT, doc.y, { width: WIDTH, lineGap: 1.5 });
	doc.moveDown(0.4);
}

/** Cuts a single-line cell to fit its column, with an ellipsis. */
function fit(doc: Doc, text: string, width: number): string {
	let value = toWinAnsi(text);
	if (doc.widthOfString(value) <= width) return value;
	while (value.length > 1 && doc.widthOfString(`${value}…`) > width) value = value.slice(0, -1);
	return `${value}…`;
}

const ROW_HEIGHT = 16;

function tableRow(
	doc: Doc,
	columns: readonly TableColumn[],
	cells: readonly string[],
	options: { bold?: boolean; color?: string; shade?: boolean } = {}
): void {
	const y = doc.y;
	if (options.shade) {
		doc.rect(LEFT, y, WIDTH, ROW_HEIGHT).fill(PANEL);
	}
	doc
		.font(options.bold ? BOLD : REGULAR)
		.fontSize(8.5)
		.fillColor(options.color ?? INK);
	let x = LEFT;
	columns.forEach((column, index) => {
		const inner = column.width - 6;
		doc.text(fit(doc, cells[index] ?? '', inner), x + 3, y + 4.5, {
			width: inner,
			align: column.align ?? 'left',
			lineBreak: false
		});
		x += column.width;
	});
	doc.x = LEFT;
	doc.y = y + ROW_HEIGHT;
}

function tableRule(doc: Doc, color = LINE, width = 0.75): void {
	doc
		.moveTo(LEFT, doc.y)
		.lineTo(LEFT + WIDTH, doc.y)
		.lineWidth(width)
		.strokeColor(color)
		.stroke();
}

/** A table whose header is repeated on each page it runs onto. */
function table(
	doc: Doc,
	columns: readonly TableColumn[],
	rows: readonly (readonly string[])[],
	footer?: readonly string[]
): void {
	const header = () => {
		tableRow(
			doc,
			columns,
			columns.map((c) => c.header),
			{ bold: true, color: MUTED }
		);
		tableRule(doc, MUTED);
	};
	ensureSpace(doc, ROW_HEIGHT * 3);
	header();
	rows.forEach((row, index) => {
		if (doc.y + ROW_HEIGHT > BOTTOM) {
			ensureSpace(doc, BOTTOM);
			header();
		}
		tableRow(doc, columns, row, { shade: index % 2 === 1 });
	});
	if (footer) {
		ensureSpace(doc, ROW_HEIGHT + 2);
		tableRule(doc, MUTED);
		tableRow(doc, columns, footer, { bold: true });
	}
	doc.moveDown(0.6);
}

/** Label–value pairs in two columns, for the summary. */
function keyValues(doc: Doc, pairs: readonly [string, string, string?][]): void {
	const labelWidth = 200;
	for (const [label, value, note] of pairs) {
		doc.font(BOLD).fontSize(10);
		const valueText = toWinAnsi(value);
		const noteText = note ? toWinAnsi(note) : '';
		const height =
			Math.max(
				doc.heightOfString(toWinAnsi(label), { width: labelWidth - 8 }),
				doc.heightOfString(valueText, { width: WIDTH - labelWidth })
			) +
			(noteText
				? doc
						.font(REGULAR)
						.fontSize(8.5)
						.heightOfString(noteText, { width: WIDTH - labelWidth })
				: 0);
		ensureSpace(doc, height + 6);
		const y = doc.y;
		doc
			.font(REGULAR)
			.fontSize(10)
			.fillColor(MUTED)
			.text(toWinAnsi(label), LEFT, y, { width: labelWidth - 8 });
		const afterLabel = doc.y;
		doc
			.font(BOLD)
			.fontSize(10)
			.fillColor(INK)
			.text(valueText, LEFT + labelWidth, y, { width: WIDTH - labelWidth });
		if (noteText) {
			doc
				.font(REGULAR)
				.fontSize(8.5)
				.fillColor(MUTED)
				.text(noteText, LEFT + labelWidth, doc.y + 1, { width: WIDTH - labelWidth });
		}
		doc.x = LEFT;
		doc.y = Math.max(doc.y, afterLabel) + 5;
	}
}

function swatch(doc: Doc, x: number, y: number, fill: string, stroke?: string): void {
	doc.rect(x, y, 9, 9).fill(fill);
	if (stroke) doc.rect(x, y, 9, 9).lineWidth(0.75).strokeColor(stroke).stroke();
}

// ---------------------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------------------

function weeksIn(from: string, to: string): string {
	const days =
		Math.round((Date.parse(`${to}T00:00Z`) - Date.parse(`${from}T00:00Z`)) / 86_400_000) + 1;
	if (days % 7 === 0) return `${days / 7} ${days === 7 ? 'week' : 'weeks'}`;
	return `${days} ${days === 1 ? 'day' : 'days'}`;
}

function percent(multiplier: number): string {
	return `${Math.round(multiplier * 100)} %`;
}

function hoursPerHour(hours: number): string {
	return `${hours} h`;
}

function cover(doc: Doc, input: ReportPdfInput, workplaceLabel: string, generatedAt: Date): void {
	const { doctor, report } = input;
	doc.font(BOLD).fontSize(10).fillColor(BRAND).text('SESSIONAL  ·  WORK DIARY', LEFT, MARGIN.top);
	doc.moveDown(0.4);
	doc.font(BOLD).fontSize(22).fillColor(INK).text('Job-plan review pack', LEFT, doc.y);
	doc.moveDown(0.5);
	keyValues(doc, [
		['Doctor', `${doctor.name} (${doctor.email})`],
		[
			'Period',
			`${formatLongDate(report.from)} to ${formatLongDate(report.to)} (${weeksIn(report.from, report.to)})`
		],
		...(workplaceLabel ? [['Workplace', workplaceLabel] as [string, string]] : []),
		['Generated', formatDateTime(generatedAt)]
	]);
	const note =
		`This is ${doctor.name}'s own record, logged in their Sessional work diary. The figures are ` +
		'calculated from those entries and from the job plan in force on each date; they have not ' +
		'been checked by the employer.';
	doc.font(REGULAR).fontSize(9.5);
	const height = doc.heightOfString(toWinAnsi(note), { width: WIDTH - 20 }) + 16;
	const y = doc.y + 4;
	doc.rect(LEFT, y, WIDTH, height).fill(PANEL);
	doc.rect(LEFT, y, 4, height).fill(BRAND);
	doc.fillColor(INK).text(toWinAnsi(note), LEFT + 14, y + 8, { width: WIDTH - 20, lineGap: 1.5 });
	doc.x = LEFT;
	doc.y = y + height + 6;
}

function hourlyRates(days: readonly DayResult[]): number[] {
	const rates = new Set<number>();
	for (const day of days) if (day.hourlyRatePence !== null) rates.add(day.hourlyRatePence);
	return [...rates].sort((a, b) => a - b);
}

function summary(doc: Doc, input: ReportPdfInput, settings: OvertimeSettings): void {
	const { report } = input;
	const totals = report.totals;
	const rates = hourlyRates(report.days);
	const workingDays = contactsSeries(report.days);
	const difference = totals.workedMinutes + totals.absenceMinutes - totals.plannedMinutes;
	const remote = report.days.reduce((sum, day) => sum + day.remoteOutOfHoursMinutes, 0);
	const hasPlan = report.days.some((day) => day.hasPlan);

	heading(doc, 'Summary');
	const rateText =
		rates.length === 0
			? ''
			: rates.length === 1
				? `${formatPence(rates[0])} an hour`
				: `${formatPence(rates[0])} to ${formatPence(rates[rates.length - 1])} an hour (the job plan changed)`;
	let valueNote =
		`Extra time in core hours at ${percent(settings.coreMultiplier)} and outside core hours at ` +
		`${percent(settings.outsideCoreMultiplier)} of the hourly rate` +
		(rateText ? ` (${rateText}).` : '.');
	if (totals.unvaluedExtraMinutes > 0) {
		valueNote +=
			` A further ${formatMinutes(totals.unvaluedExtraMinutes)} of extra time is not valued ` +
			'because the job plan gives no salary.';
	}

	const pairs: [string, string, string?][] = [
		['Contracted (planned) time', formatMinutes(totals.plannedMinutes)],
		['Leave, sickness and bank holidays', formatMinutes(totals.absenceMinutes)],
		[
			'Worked',
			formatMinutes(totals.workedMinutes),
			remote > 0 ? `Including ${formatMinutes(remote)} of remote work out of hours.` : undefined
		],
		[
			'Difference',
			`${difference > 0 ? '+' : ''}${formatMinutes(difference)}`,
			'Worked plus leave, less planned, over the whole period.'
		],
		[
			'Extra time (unpaid)',
			formatMinutes(totals.extraMinutes),
			hasPlan
				? `${formatMinutes(totals.extraCoreMinutes)} in core hours, ` +
					`${formatMinutes(totals.extraOutsideCoreMinutes)} outside core hours. Counted day by ` +
					'day: a short day does not cancel a long one.'
				: 'No job plan was in force, so no extra time is counted.'
		],
		['Value of unpaid extra time', formatPence(totals.extraValuePence), valueNote],
		[
			'Time off in lieu owed',
			formatMinutes(totals.toilMinutes),
			`${hoursPerHour(settings.toilHoursPerCoreHour)} per hour of extra time in core hours, ` +
				`${hoursPerHour(settings.toilHoursPerOutsideCoreHour)} per hour outside core hours.`
		],
		[
			'Days flagged for safe working',
			`${totals.flaggedDates.length} of ${workingDays.length} working days`,
			'See "Flagged days" for the reasons.'
		]
	];
	if (totals.shortfallMinutes > 0) {
		pairs.push([
			'Planned time not worked',
			formatMinutes(totals.shortfallMinutes),
			'Planned time neither worked nor covered by leave: a late start, an early finish or a day not logged.'
		]);
	}
	keyValues(doc, pairs);
}

function weeklyChart(doc: Doc, input: ReportPdfInput): void {
	const data = weeklyHoursSeries(input.report.weeks);
	const height = 190;
	heading(doc, 'Hours worked and planned, week by week', height + 40);
	// Legend
	let y = doc.y;
	swatch(doc, LEFT, y, PLANNED_FILL, MUTED);
	doc
		.font(REGULAR)
		.fontSize(9)
		.fillColor(INK)
		.text('Planned', LEFT + 13, y, { lineBreak: false });
	swatch(doc, LEFT + 70, y, BRAND);
	doc.text('Worked', LEFT + 83, y, { lineBreak: false });
	doc.fillColor(MUTED).text('Hours', LEFT + WIDTH - 60, y, { width: 60, align: 'right' });
	y += 16;

	const layout = layoutWeeklyHours(
		data,
		{ width: WIDTH, height, margin: { top: 8, right: 4, bottom: 20, left: 30 } },
		8
	);
	const base = y + layout.plot.y + layout.plot.height;
	doc.font(REGULAR).fontSize(8);
	for (const tick of layout.yTicks) {
		doc
			.moveTo(LEFT + layout.plot.x, y + tick.y)
			.lineTo(LEFT + layout.plot.x + layout.plot.width, y + tick.y)
			.lineWidth(0.5)
			.strokeColor(LINE)
			.stroke();
		doc.fillColor(MUTED).text(tick.label, LEFT, y + tick.y - 3.5, {
			width: layout.plot.x - 6,
			align: 'right',
			lineBreak: false
		});
	}
	for (const bar of layout.bars) {
		const planned = bar.planned;
		if (planned.height > 0) {
			doc.rect(LEFT + planned.x, y + planned.y, planned.width, planned.height).fill(PLANNED_FILL);
			doc
				.rect(LEFT + planned.x, y + planned.y, planned.width, planned.height)
				.lineWidth(0.75)
				.strokeColor(MUTED)
				.stroke();
		}
		const worked = bar.worked;
		if (worked.height > 0) {
			doc.rect(LEFT + worked.x, y + worked.y, worked.width, worked.height).fill(BRAND);
		}
		if (bar.showLabel) {
			doc.fillColor(MUTED).text(bar.datum.label, LEFT + bar.labelX - 30, base + 5, {
				width: 60,
				align: 'center',
				lineBreak: false
			});
		}
	}
	doc
		.moveTo(LEFT + layout.plot.x, base)
		.lineTo(LEFT + layout.plot.x + layout.plot.width, base)
		.lineWidth(0.75)
		.strokeColor(INK)
		.stroke();
	doc.x = LEFT;
	doc.y = y + height + 4;
	paragraph(doc, 'Each week is labelled with its first date in the period.', {
		color: MUTED,
		size: 8.5
	});
}

function signedMinutes(minutes: number): string {
	return `${minutes > 0 ? '+' : ''}${formatMinutes(minutes)}`;
}

function weeklyTable(doc: Doc, input: ReportPdfInput): void {
	const { report } = input;
	heading(doc, 'Week by week');
	const columns: TableColumn[] = [
		{ header: 'Week', width: 106 },
		{ header: 'Planned', width: 48, align: 'right' },
		{ header: 'Leave', width: 52, align: 'right' },
		{ header: 'Worked', width: 60, align: 'right' },
		{ header: 'Difference', width: 62, align: 'right' },
		{ header: 'Extra', width: 56, align: 'right' },
		{ header: 'Value', width: 49, align: 'right' },
		{ header: 'TOIL', width: 62, align: 'right' }
	];
	const cells = (t: (typeof report.weeks)[number] | typeof report.totals, label: string) => [
		label,
		formatMinutes(t.plannedMinutes),
		formatMinutes(t.absenceMinutes),
		formatMinutes(t.workedMinutes),
		signedMinutes(t.workedMinutes + t.absenceMinutes - t.plannedMinutes),
		formatMinutes(t.extraMinutes),
		t.extraValuePence === 0 && t.unvaluedExtraMinutes > 0
			? 'not valued'
			: formatPence(t.extraValuePence),
		formatMinutes(t.toilMinutes)
	];
	table(
		doc,
		columns,
		report.weeks.map((week) =>
			cells(
				week,
				`${formatIsoWeek(week.isoWeek).replace('Week ', 'Wk ')}: ${formatWeekRange(week.from, week.to)}`
			)
		),
		cells(report.totals, 'Total')
	);
	paragraph(
		doc,
		'Difference is worked plus leave, less planned. Extra is counted day by day, so it can be more ' +
			'than the difference when a short day and a long day fall in the same week. Value is what the ' +
			'extra time is worth at the rates above; TOIL is the time off in lieu owed for it instead.',
		{ color: MUTED, size: 8.5 }
	);
}

function contactsSection(doc: Doc, input: ReportPdfInput, settings: OvertimeSettings): void {
	const data = contactsSeries(input.report.days);
	heading(doc, 'Patient contacts per day');
	if (data.length === 0) {
		paragraph(doc, 'No working days in this period.');
		return;
	}
	const total = data.reduce((sum, d) => sum + d.contacts, 0);
	const over = data.filter((d) => d.overLimit).length;
	const modes = CONTACT_MODES.map((mode) => ({
		mode,
		count: input.entries.reduce(
			(sum, e) => sum + (isNonWorking(e.sessionType) ? 0 : (e.contacts?.[mode] ?? 0)),
			0
		)
	})).filter((m) => m.count > 0);
	const byMode = modes
		.map((m) => `${CONTACT_MODE_LABELS[m.mode].toLowerCase()} ${m.count}`)
		.join(', ');
	paragraph(
		doc,
		`${total} contacts on ${data.length} working days, ${Math.round(total / data.length)} a day on ` +
			`average${byMode ? ` (${byMode})` : ''}. The safe limit is ${settings.contactLimit} a day; ` +
			`${over} ${over === 1 ? 'day was' : 'days were'} over it, marked "over limit".`
	);

	const dateWidth = 100;
	const countWidth = 34;
	const markWidth = 62;
	const barLeft = LEFT + dateWidth + countWidth + 8;
	const barWidth = WIDTH - dateWidth - countWidth - 8 - markWidth;
	const max = Math.max(settings.contactLimit, ...data.map((d) => d.contacts));
	const scale = (value: number) => (value / max) * barWidth;
	const limitX = barLeft + scale(settings.contactLimit);
	const rowHeight = 13;

	const header = () => {
		const y = doc.y;
		doc.font(BOLD).fontSize(8.5).fillColor(MUTED);
		doc.text('Day', LEFT, y, { width: dateWidth, lineBreak: false });
		doc.text('Contacts', LEFT + dateWidth - 20, y, {
			width: countWidth + 20,
			align: 'right',
			lineBreak: false
		});
		doc.text(`Limit ${settings.contactLimit}`, limitX - 30, y, {
			width: 60,
			align: 'center',
			lineBreak: false
		});
		doc.x = LEFT;
		doc.y = y + 14;
	};
	ensureSpace(doc, rowHeight * 4);
	header();
	for (const datum of data) {
		if (doc.y + rowHeight > BOTTOM) {
			ensureSpace(doc, BOTTOM);
			header();
		}
		const y = doc.y;
		doc
			.font(datum.overLimit ? BOLD : REGULAR)
			.fontSize(8.5)
			.fillColor(INK);
		doc.text(toWinAnsi(formatDate(datum.date)), LEFT, y + 2, {
			width: dateWidth,
			lineBreak: false
		});
		doc.text(String(datum.contacts), LEFT + dateWidth, y + 2, {
			width: countWidth,
			align: 'right',
			lineBreak: false
		});
		const width = scale(datum.contacts);
		if (width > 0)
			doc.rect(barLeft, y + 2, width, rowHeight - 4).fill(datum.overLimit ? DANGER : BRAND);
		if (datum.overLimit) {
			doc
				.font(BOLD)
				.fillColor(DANGER)
				.text('over limit', barLeft + barWidth + 6, y + 2, {
					width: markWidth - 6,
					lineBreak: false
				});
		}
		doc
			.moveTo(limitX, y)
			.lineTo(limitX, y + rowHeight)
			.lineWidth(1)
			.dash(2, { space: 1.5 })
			.strokeColor(INK)
			.stroke()
			.undash();
		doc.x = LEFT;
		doc.y = y + rowHeight;
	}
	doc.moveDown(0.6);
}

function activitySection(doc: Doc, input: ReportPdfInput): void {
	const mix = activityMix(input.report.days);
	// The whole table on one page, as its bars are drawn over it afterwards.
	heading(doc, 'Activity mix', ROW_HEIGHT * (mix.length + 2));
	if (mix.length === 0) {
		paragraph(doc, 'No activity minutes were recorded in this period.');
		return;
	}
	const columns: TableColumn[] = [
		{ header: 'Activity', width: 120 },
		{ header: 'Time', width: 80, align: 'right' },
		{ header: 'Share', width: 50, align: 'right' },
		{ header: '', width: WIDTH - 250 }
	];
	ensureSpace(doc, ROW_HEIGHT * (mix.length + 2));
	const top = doc.y;
	table(
		doc,
		columns,
		mix.map((d) => [d.label, formatMinutes(d.minutes), `${d.percent} %`, ''])
	);
	// Bars in the last column, over the table's rows (seven at most, kept on one page above).
	const barLeft = LEFT + 256;
	const barWidth = WIDTH - 262;
	const max = Math.max(...mix.map((d) => d.minutes));
	const after = doc.y;
	mix.forEach((d, index) => {
		const y = top + ROW_HEIGHT + index * ROW_HEIGHT;
		doc.rect(barLeft, y + 4, Math.max(1, (d.minutes / max) * barWidth), ROW_HEIGHT - 8).fill(BRAND);
	});
	doc.y = after;
}

function flaggedSection(doc: Doc, input: ReportPdfInput, settings: OvertimeSettings): void {
	const flagged = input.report.days.filter((day) => day.flags.length > 0);
	heading(doc, 'Flagged days');
	if (flagged.length === 0) {
		paragraph(doc, 'No day was flagged for safe working.');
		return;
	}
	paragraph(
		doc,
		`${flagged.length} ${flagged.length === 1 ? 'day' : 'days'} met one or more of the safe-working ` +
			'flags below.',
		{ color: MUTED, size: 9 }
	);
	for (const day of flagged) {
		const reasons = day.flags.map((flag) => toWinAnsi(describeFlag(flag, settings)));
		doc.font(REGULAR).fontSize(9.5);
		const height =
			14 + reasons.reduce((sum, r) => sum + doc.heightOfString(r, { width: WIDTH - 14 }) + 2, 0);
		ensureSpace(doc, height);
		doc
			.font(BOLD)
			.fontSize(10)
			.fillColor(INK)
			.text(toWinAnsi(formatDate(day.date)), LEFT, doc.y);
		doc.font(REGULAR).fontSize(9.5);
		for (const reason of reasons) {
			const y = doc.y + 1;
			doc.circle(LEFT + 5, y + 4.5, 1.6).fill(INK);
			doc.fillColor(INK).text(reason, LEFT + 14, y, { width: WIDTH - 14 });
		}
		doc.x = LEFT;
		doc.moveDown(0.4);
	}
}

function methodSection(doc: Doc, settings: OvertimeSettings): void {
	// Kept on one page: it is read as a whole.
	heading(doc, 'How the figures are worked out', 190);
	const weekdays = settings.coreWeekdays.length === 5 ? 'Monday to Friday' : 'the set weekdays';
	const lines = [
		`Core hours are ${weekdays}, ${settings.coreStart} to ${settings.coreEnd}, excluding the bank ` +
			"holidays of the workplace's nation (England, Wales, Scotland or Northern Ireland).",
		'Planned time comes from the job plan in force on each date, so a plan changed during the ' +
			'period is honoured. Leave, sickness, study leave and bank holidays count their planned ' +
			'time as absence, not as time short.',
		'Extra time is time worked beyond the plan on each day (plus remote work out of hours, which ' +
			'is outside core hours by definition). Days are not netted against each other.',
		`The hourly rate is the full-time-equivalent salary / (${FULL_TIME_WEEKLY_HOURS} x ` +
			`${WEEKS_PER_YEAR}): full time is ${FULL_TIME_WEEKLY_HOURS} hours a week over ` +
			`${WEEKS_PER_YEAR} weeks a year. Extra time is valued at ${percent(settings.coreMultiplier)} ` +
			`of it in core hours and ${percent(settings.outsideCoreMultiplier)} outside core hours, or ` +
			`${hoursPerHour(settings.toilHoursPerCoreHour)} and ` +
			`${hoursPerHour(settings.toilHoursPerOutsideCoreHour)} of time off in lieu per hour.`,
		'These are the defaults of the BMA salaried GP overtime toolkit.',
		`A day is flagged when it has more than ${settings.contactLimit} patient contacts, a session ` +
			`with more than ${formatMinutes(settings.maxConsultingMinutesPerSession)} of consulting, ` +
			`less than ${formatMinutes(settings.minAdminMinutes)} of admin per ` +
			`${formatMinutes(settings.perClinicalMinutes)} of clinical work, or more than ` +
			`${formatMinutes(settings.longDayMinutes)} worked with no break of ` +
			`${settings.minBreakMinutes} minutes or more.`
	];
	for (const line of lines) paragraph(doc, line, { size: 9 });
}

function emptyPeriod(doc: Doc, input: ReportPdfInput): void {
	heading(doc, 'No sessions logged in this period');
	paragraph(
		doc,
		`There are no diary entries from ${formatLongDate(input.report.from)} to ` +
			`${formatLongDate(input.report.to)}. Log sessions in the diary, or choose another period, ` +
			'and download the pack again.'
	);
}

function footers(doc: Doc, input: ReportPdfInput): void {
	const range = doc.bufferedPageRange();
	const label = toWinAnsi(
		`Job-plan review pack · ${input.doctor.name} · ${formatDate(input.report.from)} to ${formatDate(input.report.to)}`
	);
	for (let index = range.start; index < range.start + range.count; index++) {
		doc.switchToPage(index);
		// Writing inside the bottom margin would otherwise start a new page.
		const bottom = doc.page.margins.bottom;
		doc.page.margins.bottom = 0;
		const y = PAGE.height - 40;
		doc
			.moveTo(LEFT, y - 6)
			.lineTo(LEFT + WIDTH, y - 6)
			.lineWidth(0.5)
			.strokeColor(LINE)
			.stroke();
		doc.font(REGULAR).fontSize(8).fillColor(MUTED);
		doc.text(fit(doc, label, WIDTH - 90), LEFT, y, { width: WIDTH - 90, lineBreak: false });
		doc.text(`Page ${index + 1} of ${range.count}`, LEFT + WIDTH - 90, y, {
			width: 90,
			align: 'right',
			lineBreak: false
		});
		doc.page.margins.bottom = bottom;
	}
}

/** The job-plan review pack for one report, as a PDF. */
export async function buildReportPdf(
	input: ReportPdfInput,
	options: PdfOptions = {}
): Promise<Buffer> {
	const settings = input.settings ?? DEFAULT_OVERTIME_SETTINGS;
	const generatedAt = input.generatedAt ?? clock.now();
	const entries = input.entries.filter(
		(entry) => entry.date >= input.report.from && entry.date <= input.report.to
	);
	const scoped: ReportPdfInput = { ...input, entries };
	const workplaceLabel =
		input.workplaceLabel ??
		[...new Set(entries.map((entry) => entry.workplaceName))].sort().join(', ');

	const doc = new PDFDocument({
		size: 'A4',
		margins: MARGIN,
		bufferPages: true,
		compress: options.compress ?? true,
		info: {
			Title: 'Job-plan review pack',
			Author: toWinAnsi(input.doctor.name),
			Subject: `Work diary report, ${input.report.from} to ${input.report.to}`,
			Creator: 'Sessional',
			CreationDate: generatedAt
		}
	});
	const chunks: Buffer[] = [];
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('data', (chunk: Buffer) => chunks.push(chunk));
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});

	cover(doc, scoped, workplaceLabel, generatedAt);
	if (entries.length === 0) {
		emptyPeriod(doc, scoped);
	} else {
		summary(doc, scoped, settings);
		weeklyChart(doc, scoped);
		weeklyTable(doc, scoped);
		contactsSection(doc, scoped, settings);
		activitySection(doc, scoped);
		flaggedSection(doc, scoped, settings);
		methodSection(doc, settings);
	}
	footers(doc, scoped);
	doc.end();
	return done;
}
