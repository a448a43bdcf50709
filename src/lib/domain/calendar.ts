// Calendar rules that need no clock: the dates the app accepts, day, clock-time and month
// arithmetic, the calendar quarters and when one is due for publication, what a pinned "now" may
// be written as, and the hour in London. Dates are 'YYYY-MM-DD', months 'YYYY-MM' and clock times
// 'HH:MM'; arithmetic is on UTC day numbers and on month indices (year × 12 + month − 1), so no
// time zone or daylight-saving change ever applies. Which day is "today" is the clock's business
// (src/lib/server/clock.ts).

/** 'YYYY-MM-DD' */
export type IsoDate = string;
/** 'HH:MM', 24-hour wall clock */
export type ClockTime = string;
/** ISO weekday: Monday = 1 … Sunday = 7 */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * The one range of dates the app accepts anywhere a date comes in (forms, URLs, CSV imports, work
 * months). Postgres and JavaScript reach much further, but a year past 9999 is written '+010000-…',
 * which neither reads back; a bound this close keeps every day after any arithmetic a diary or a
 * membership does inside four-digit years.
 */
export const FIRST_DATE = '2000-01-01';
export const LAST_DATE = '2100-12-31';
export const DATE_RANGE_MESSAGE = 'Enter a date between 1 January 2000 and 31 December 2100.';
export const MONTH_RANGE_MESSAGE = 'Enter a month between January 2000 and December 2100.';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^\d{4}-\d{2}$/;

export type DateReading =
	| { ok: true; date: string }
	/** `shape`: not a real day written YYYY-MM-DD; `range`: a real day outside the range. */
	| { ok: false; problem: 'shape' | 'range' };

/**
 * Reads a date as it comes in: 'YYYY-MM-DD', a day that exists, between FIRST_DATE and LAST_DATE.
 * Every date the app is sent is read here (through `isAcceptedDate` and the schemas in
 * src/lib/schemas/dates.ts), so one range holds everywhere. No trimming: callers trim form fields.
 */
export function readDate(text: string): DateReading {
	if (!dateParts(text)) return { ok: false, problem: 'shape' };
	if (text < FIRST_DATE || text > LAST_DATE) return { ok: false, problem: 'range' };
	return { ok: true, date: text };
}

/** True for a date `readDate` accepts. */
export function isAcceptedDate(text: unknown): text is string {
	return typeof text === 'string' && readDate(text).ok;
}

/** A month as it comes in ('YYYY-MM'), read as its first day so the same range holds. */
export function readMonth(text: string): DateReading {
	if (!ISO_MONTH.test(text)) return { ok: false, problem: 'shape' };
	const first = readDate(`${text}-01`);
	return first.ok ? { ok: true, date: text } : first;
}

function daysInMonth(year: number, month: number): number {
	if (month !== 2) return [31, 0, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** Year, month and day of a real day written 'YYYY-MM-DD' (any four-digit year), else null. */
function dateParts(date: string): [number, number, number] | null {
	const match = ISO_DATE.exec(date);
	if (!match) return null;
	const [year, month, day] = match.slice(1).map(Number);
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
	return [year, month, day];
}

// ---------------------------------------------------------------------------------------------
// Days
// ---------------------------------------------------------------------------------------------

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01; throws unless `date` is a real day written YYYY-MM-DD. */
export function dayNumber(date: IsoDate): number {
	const parts = dateParts(date);
	if (!parts) throw new Error(`Expected a date as YYYY-MM-DD, got '${date}'`);
	// setUTCFullYear, as Date.UTC would read years 0–99 as 1900–1999.
	const at = new Date(0);
	at.setUTCFullYear(parts[0], parts[1] - 1, parts[2]);
	return at.getTime() / MS_PER_DAY;
}

/** The date of a day number (`dayNumber`'s inverse). */
export function dateOfDayNumber(days: number): IsoDate {
	return new Date(days * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
	return dateOfDayNumber(dayNumber(date) + days);
}

export function weekdayOf(date: IsoDate): Weekday {
	// Day 0, 1970-01-01, was a Thursday.
	return (((((dayNumber(date) + 3) % 7) + 7) % 7) + 1) as Weekday;
}

/** The ISO 8601 week a date falls in, e.g. '2026-W33' (weeks run Monday to Sunday). */
export function isoWeekOf(date: IsoDate): string {
	const days = dayNumber(date);
	// The ISO week-numbering year is the year of the week's Thursday.
	const thursday = days + 4 - weekdayOf(date);
	const year = new Date(thursday * MS_PER_DAY).getUTCFullYear();
	const week = Math.floor((thursday - Date.UTC(year, 0, 1) / MS_PER_DAY) / 7) + 1;
	return `${year}-W${String(week).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Clock times
// ---------------------------------------------------------------------------------------------

export const MINUTES_PER_DAY = 24 * 60;

/** 'HH:MM' (or a stored 'HH:MM:SS') → minutes after midnight. The caller has read the time. */
export function clockMinutes(time: ClockTime): number {
	return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** Minutes from start to finish; a finish at or before the start is on the next day. */
export function spanMinutes(start: ClockTime, finish: ClockTime): number {
	const diff = clockMinutes(finish) - clockMinutes(start);
	return diff > 0 ? diff : diff + MINUTES_PER_DAY;
}

/** The clock time `minutes` after `time`, round the clock. */
export function addClockMinutes(time: ClockTime, minutes: number): ClockTime {
	const total =
		(((clockMinutes(time) + minutes) % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
	return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Months: counted as a month index, year × 12 + month − 1
// ---------------------------------------------------------------------------------------------

const MONTH_PARTS = /^(\d{4})-(\d{2})$/;

/** The month index of the month a date falls in; a RangeError unless it is a real day. */
export function monthIndexOfDate(date: IsoDate): number {
	const parts = dateParts(date);
	if (!parts) throw new RangeError(`Not a date (YYYY-MM-DD): ${date}`);
	return parts[0] * 12 + parts[1] - 1;
}

/** The month index of 'YYYY-MM'; a RangeError unless it is one. */
function monthIndex(month: string): number {
	const match = MONTH_PARTS.exec(month);
	if (match) {
		const [year, m] = match.slice(1).map(Number);
		if (m >= 1 && m <= 12) return year * 12 + m - 1;
	}
	throw new RangeError(`Not a month (YYYY-MM): ${month}`);
}

/** A month index as 'YYYY-MM'. */
export function monthOfIndex(index: number): string {
	const year = Math.floor(index / 12);
	const month = (index % 12) + 1;
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** The last day of the month, as 'YYYY-MM-DD'. */
function monthEndOfIndex(index: number): IsoDate {
	const year = Math.floor(index / 12);
	const month = (index % 12) + 1;
	return `${monthOfIndex(index)}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
}

/** Whole months from one 'YYYY-MM' to another (negative when `to` is earlier). */
export function monthsBetween(from: string, to: string): number {
	return monthIndex(to) - monthIndex(from);
}

/** Adds calendar months; the day is clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
	const parts = dateParts(date);
	if (!parts) throw new Error(`Not a YYYY-MM-DD date: ${date}`);
	const index = parts[0] * 12 + parts[1] - 1 + months;
	const end = monthEndOfIndex(index);
	return `${end.slice(0, 8)}${String(Math.min(parts[2], Number(end.slice(8)))).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Quarters and when one is due for publication (DESIGN §3.4)
// ---------------------------------------------------------------------------------------------

export interface QuarterWindow {
	quarterEnd: string;
	/** First work month in the window, inclusive. */
	fromMonth: string;
	/** Last work month in the window, inclusive: the quarter's last month. */
	toMonth: string;
	/** The `WINDOW_MONTHS` months, oldest first. */
	months: string[];
}

/** Month index of the quarter's last month; throws unless the date is a quarter's last day. */
function parseQuarterEnd(quarterEnd: string): number {
	const index = monthIndexOfDate(quarterEnd);
	if (index % 3 !== 2 || monthEndOfIndex(index) !== quarterEnd) {
		throw new RangeError(`Not the last day of a calendar quarter: ${quarterEnd}`);
	}
	return index;
}

function quarterEndMonthOf(index: number): number {
	return index - (index % 3) + 2;
}

function checkLag(lagMonths: number): void {
	if (!Number.isInteger(lagMonths) || lagMonths < 0) {
		throw new RangeError('lagMonths must be a whole number of at least 0');
	}
}

/** A quarter is due on the first day of the month `lagMonths` after the one following its end. */
function dueMonthOf(endMonth: number, lagMonths: number): number {
	return endMonth + 1 + lagMonths;
}

/**
 * The end of the latest calendar quarter that is over. On a quarter's last day that quarter is still
 * open, so the answer is the one before.
 */
export function lastClosedQuarter(today: IsoDate): IsoDate {
	return monthEndOfIndex(quarterEndMonthOf(monthIndexOfDate(today)) - 3);
}

/**
 * A quarter is due once it ended at least `lagMonths` whole months ago: the quarter ending
 * 30 September is due on 1 October with lag 0, 1 November with lag 1, 1 January with lag 3. The lag
 * lets late submissions for the quarter's work arrive before it is fixed.
 */
export function isQuarterDue(quarterEnd: IsoDate, today: IsoDate, lagMonths: number): boolean {
	checkLag(lagMonths);
	return monthIndexOfDate(today) >= dueMonthOf(parseQuarterEnd(quarterEnd), lagMonths);
}

/** The first day on which the quarter ending on `quarterEnd` is due. */
function dueDateOf(quarterEnd: IsoDate, lagMonths: number): IsoDate {
	checkLag(lagMonths);
	return `${monthOfIndex(dueMonthOf(parseQuarterEnd(quarterEnd), lagMonths))}-01`;
}

/**
 * When the next quarter becomes due: the first quarter that is not due yet. Quarters already due
 * but not published are reported separately (they wait for a run).
 */
export function nextDueDate(
	today: IsoDate,
	lagMonths: number
): { quarterEnd: IsoDate; dueOn: IsoDate } {
	let quarter = lastClosedQuarter(today);
	while (isQuarterDue(quarter, today, lagMonths)) {
		quarter = monthEndOfIndex(parseQuarterEnd(quarter) + 3);
	}
	return { quarterEnd: quarter, dueOn: dueDateOf(quarter, lagMonths) };
}

/** How many work months a published quarter's figures cover (§3.4). */
export const WINDOW_MONTHS = 12;

/** The rolling `WINDOW_MONTHS` work months ending with the quarter (§3.4). */
export function windowForQuarter(quarterEnd: IsoDate): QuarterWindow {
	const endMonth = parseQuarterEnd(quarterEnd);
	const months = Array.from({ length: WINDOW_MONTHS }, (_, i) =>
		monthOfIndex(endMonth - (WINDOW_MONTHS - 1) + i)
	);
	return { quarterEnd, fromMonth: months[0], toMonth: months[WINDOW_MONTHS - 1], months };
}

/**
 * Every quarter end due for publication by `today`, oldest first, starting with the quarter that
 * holds the earliest data (so a new installation backfills its history in one run). The caller
 * skips those that already have a snapshot. Null `earliestDataMonth` means no data: nothing is due.
 */
export function dueQuarters(
	today: IsoDate,
	lagMonths: number,
	earliestDataMonth: string | null
): IsoDate[] {
	checkLag(lagMonths);
	if (earliestDataMonth === null) return [];
	const todayMonth = monthIndexOfDate(today);
	const due: IsoDate[] = [];
	for (
		let endMonth = quarterEndMonthOf(monthIndex(earliestDataMonth));
		todayMonth >= dueMonthOf(endMonth, lagMonths);
		endMonth += 3
	) {
		due.push(monthEndOfIndex(endMonth));
	}
	return due;
}

/** What a pin may be: a day, or an instant with an explicit offset (no local-time guessing). */
const PIN = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * `2026-11-24` → noon in London that day (never near midnight, never in a clock change);
 * `2027-03-28T00:30:00Z` → that instant. Null when the text is neither.
 */
export function parseClockPin(text: string): Date | null {
	const match = PIN.exec(text.trim());
	if (!match) return null;
	const [, day, hh, mm, ss, offset] = match;
	const midnight = new Date(`${day}T00:00:00Z`);
	if (Number.isNaN(midnight.getTime()) || midnight.toISOString().slice(0, 10) !== day) return null;
	if (hh === undefined) {
		// Noon UTC is 12:00 or, in summer time, 13:00 in London.
		const noon = Date.parse(`${day}T12:00:00Z`);
		return new Date(londonHour(new Date(noon)) === 13 ? noon - 60 * 60_000 : noon);
	}
	if (Number(hh) > 23 || Number(mm) > 59 || Number(ss ?? 0) > 59) return null;
	const at = new Date(`${day}T${hh}:${mm}:${ss ?? '00'}${offset}`);
	return Number.isNaN(at.getTime()) ? null : at;
}

const londonHourFormat = new Intl.DateTimeFormat('en-GB', {
	hour: '2-digit',
	hourCycle: 'h23',
	timeZone: 'Europe/London'
});
function londonHour(at: Date): number {
	return Number(londonHourFormat.format(at));
}

/**
 * The instant a day begins in London: midnight GMT in winter, 23:00 UTC the evening before in
 * summer time. For "when is this day due" questions a job answers with an instant.
 */
export function londonMidnight(date: IsoDate): Date {
	const utcMidnight = Date.parse(`${date}T00:00:00Z`);
	// London is UTC or one hour ahead; at UTC midnight it is 00:00 in winter and 01:00 in summer.
	return new Date(
		londonHour(new Date(utcMidnight)) === 1 ? utcMidnight - 60 * 60_000 : utcMidnight
	);
}
