/**
 * CSV exports of the diary for a spreadsheet: every entry, one row each, and the weekly summary of
 * a report. Dates are ISO (YYYY-MM-DD), times 24-hour HH:MM, durations in whole minutes and money
 * in pounds with two decimals, so any spreadsheet locale reads them the same way. Rows end in CRLF
 * (RFC 4180) and the file starts with a UTF-8 byte-order mark unless asked not to, because Excel
 * otherwise reads UTF-8 as Windows-1252 and mangles '£' and accented names.
 */
import { stringify } from 'csv-stringify/sync';
import { computeDay } from '$lib/domain/diary-rules';
import type { ReportEntry } from './types';
import {
	ACTIVITY_KINDS,
	CONTACT_MODES,
	isNonWorking,
	ACTIVITY_LABELS,
	ADMIN_COUNT_KINDS,
	ADMIN_COUNT_LABELS,
	CONTACT_MODE_LABELS,
	RATE_BASIS_LABELS,
	SESSION_TYPE_LABELS
} from '$lib/domain/vocabulary';
import type { PeriodReport, Totals } from '$lib/domain/diary-model';

export interface CsvOptions {
	/** Start with a UTF-8 byte-order mark so Excel reads the file as UTF-8. Default true. */
	bom?: boolean;
}

type Cell = string | number | null | undefined;

interface Column<Row> {
	header: string;
	value: (row: Row) => Cell;
}

/**
 * A cell starting with = + - @ (or a tab or carriage return) is run as a formula by Excel and
 * LibreOffice ("CSV injection", OWASP); a leading apostrophe makes it plain text. Only free-text
 * cells are guarded: numbers and dates are written by us.
 */
export function guardText(text: string | null | undefined): string {
	if (!text) return '';
	return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function pounds(pence: number | null | undefined): string {
	return pence === null || pence === undefined ? '' : (pence / 100).toFixed(2);
}

/** Minutes in the session itself (finish − start − break), as the rules module counts them. */
function sessionMinutes(entry: ReportEntry): number | null {
	if (isNonWorking(entry.sessionType)) return null;
	const day = computeDay(entry.date, [entry], null);
	return day.workedMinutes - day.remoteOutOfHoursMinutes;
}

function contactTotal(entry: ReportEntry): number | null {
	const counts = Object.values(entry.contacts ?? {}).filter((n): n is number => n !== undefined);
	return counts.length === 0 ? null : counts.reduce((sum, n) => sum + n, 0);
}

const ENTRY_COLUMNS: Column<ReportEntry>[] = [
	{ header: 'Date', value: (e) => e.date },
	{ header: 'Workplace', value: (e) => guardText(e.workplaceName) },
	{ header: 'Session type', value: (e) => SESSION_TYPE_LABELS[e.sessionType] },
	{ header: 'Start', value: (e) => e.start },
	{ header: 'Finish', value: (e) => e.finish },
	{
		header: 'Finishes next day',
		// A finish at or before the start is on the next day (WorkedEntry.finish).
		value: (e) => (e.start && e.finish ? (e.finish <= e.start ? 'yes' : 'no') : '')
	},
	{ header: 'Break (min)', value: (e) => e.breakMinutes },
	{ header: 'Worked in session (min)', value: sessionMinutes },
	...ACTIVITY_KINDS.map((kind) => ({
		header: `${ACTIVITY_LABELS[kind]} (min)`,
		value: (e: ReportEntry) => e.activities?.[kind]
	})),
	...CONTACT_MODES.map((mode) => ({
		header: `Contacts: ${CONTACT_MODE_LABELS[mode].toLowerCase()}`,
		value: (e: ReportEntry) => e.contacts?.[mode]
	})),
	{ header: 'Contacts: total', value: contactTotal },
	...ADMIN_COUNT_KINDS.map((kind) => ({
		header: ADMIN_COUNT_LABELS[kind],
		value: (e: ReportEntry) => e.adminCounts?.[kind]
	})),
	{ header: 'Remote work out of hours (min)', value: (e) => e.remoteOutOfHoursMinutes },
	{ header: 'Fee (£)', value: (e) => pounds(e.feePence) },
	{
		header: 'Fee basis',
		value: (e) => (e.feeBasis ? RATE_BASIS_LABELS[e.feeBasis] : '')
	},
	{ header: 'Notes', value: (e) => guardText(e.notes) }
];

function toCsv<Row>(columns: Column<Row>[], rows: readonly Row[], options: CsvOptions): string {
	return stringify(
		[
			columns.map((column) => column.header),
			...rows.map((row) => columns.map((c) => c.value(row)))
		],
		{ bom: options.bom ?? true, record_delimiter: 'windows' }
	);
}

/** Every entry, oldest first, one row each; empty cells where nothing was recorded. */
export function buildEntriesCsv(entries: readonly ReportEntry[], options: CsvOptions = {}): string {
	const sorted = [...entries].sort(
		(a, b) => a.date.localeCompare(b.date) || (a.start ?? '').localeCompare(b.start ?? '')
	);
	return toCsv(ENTRY_COLUMNS, sorted, options);
}

interface WeekRow extends Totals {
	label: string;
	from: string;
	to: string;
}

const WEEK_COLUMNS: Column<WeekRow>[] = [
	{ header: 'Week', value: (w) => w.label },
	{ header: 'From', value: (w) => w.from },
	{ header: 'To', value: (w) => w.to },
	{ header: 'Planned (min)', value: (w) => w.plannedMinutes },
	{ header: 'Leave, sickness and bank holidays (min)', value: (w) => w.absenceMinutes },
	{ header: 'Worked (min)', value: (w) => w.workedMinutes },
	{
		header: 'Difference (min)',
		value: (w) => w.workedMinutes + w.absenceMinutes - w.plannedMinutes
	},
	{ header: 'Extra time (min)', value: (w) => w.extraMinutes },
	{ header: 'Extra in core hours (min)', value: (w) => w.extraCoreMinutes },
	{ header: 'Extra outside core hours (min)', value: (w) => w.extraOutsideCoreMinutes },
	{ header: 'Value of extra time (£)', value: (w) => pounds(w.extraValuePence) },
	{ header: 'Extra time not valued, no salary (min)', value: (w) => w.unvaluedExtraMinutes },
	{ header: 'Time off in lieu owed (min)', value: (w) => w.toilMinutes },
	{ header: 'Planned time not worked (min)', value: (w) => w.shortfallMinutes },
	{ header: 'Flagged days', value: (w) => w.flaggedDates.length }
];

/**
 * One row per ISO week of the report, then a 'Total' row. Difference is worked + leave − planned
 * for the week; extra time is counted day by day and never netted against a short day, so it can
 * be more than the difference.
 */
export function buildWeeksCsv(report: PeriodReport, options: CsvOptions = {}): string {
	const rows: WeekRow[] = [
		...report.weeks.map((week) => ({ ...week, label: week.isoWeek })),
		{ ...report.totals, label: 'Total', from: report.from, to: report.to }
	];
	return toCsv(WEEK_COLUMNS, rows, options);
}
