// Calendar rules that need no clock: the dates the app accepts, what a pinned "now" may be written
// as, and the hour in London.

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
	const match = ISO_DATE.exec(text);
	if (!match) return { ok: false, problem: 'shape' };
	const [year, month, day] = match.slice(1).map(Number);
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
		return { ok: false, problem: 'shape' };
	}
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
