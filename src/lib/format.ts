// en-GB formatting used by every page: dates as "Tue, 24 Nov 2026", money as "£1,234.50".
import { readDate } from './domain/calendar';

const LONDON = 'Europe/London';

const dateFormat = new Intl.DateTimeFormat('en-GB', {
	weekday: 'short',
	day: 'numeric',
	month: 'short',
	year: 'numeric',
	timeZone: 'UTC'
});
const longDateFormat = new Intl.DateTimeFormat('en-GB', {
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'UTC'
});
const shortDateFormat = new Intl.DateTimeFormat('en-GB', {
	day: 'numeric',
	month: 'short',
	timeZone: 'UTC'
});
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
	day: 'numeric',
	month: 'short',
	year: 'numeric',
	hour: '2-digit',
	minute: '2-digit',
	timeZone: LONDON
});
const isoDateInLondon = new Intl.DateTimeFormat('en-CA', {
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	timeZone: LONDON
});
const pounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });
const wholePounds = new Intl.NumberFormat('en-GB', {
	style: 'currency',
	currency: 'GBP',
	maximumFractionDigits: 0
});

/**
 * 'YYYY-MM-DD' → a Date at UTC midnight, so day arithmetic never crosses a clock change. Dates
 * that come in are read by the calendar (`readDate`), which keeps them in the app's range; this
 * also takes a stored day outside it (a membership to 9999-12-31 granted before the range held),
 * so pages can still show it.
 */
export function parseIsoDate(iso: string): Date {
	const reading = readDate(iso);
	if (!reading.ok && reading.problem === 'shape') throw new Error(`Not a YYYY-MM-DD date: ${iso}`);
	// Date.UTC would read years 0–99 as 1900–1999.
	const date = new Date(0);
	date.setUTCFullYear(
		Number(iso.slice(0, 4)),
		Number(iso.slice(5, 7)) - 1,
		Number(iso.slice(8, 10))
	);
	return date;
}

/** A stored day the calendar cannot read at all (a five-digit year) is shown as it is stored. */
function formatDay(format: Intl.DateTimeFormat, iso: string): string {
	try {
		return format.format(parseIsoDate(iso));
	} catch {
		return iso;
	}
}

/**
 * The date in London at an instant, whatever the server's time zone. "Today" is
 * `clock.today()` (src/lib/server/clock.ts), which passes the app's one clock here.
 */
export function todayInLondon(now: Date): string {
	return isoDateInLondon.format(now);
}

export function formatDate(iso: string): string {
	return formatDay(dateFormat, iso);
}

export function formatLongDate(iso: string): string {
	return formatDay(longDateFormat, iso);
}

export function formatDateTime(value: Date | string): string {
	return dateTimeFormat.format(new Date(value));
}

export function formatPence(pence: number): string {
	return pounds.format(pence / 100);
}

export function formatWholePounds(pounds: number): string {
	return wholePounds.format(pounds);
}

/** 95 → "1 h 35 min"; used for durations in the diary and reports. */
export function formatMinutes(minutes: number): string {
	const sign = minutes < 0 ? '−' : '';
	const abs = Math.abs(Math.round(minutes));
	const h = Math.floor(abs / 60);
	const m = abs % 60;
	if (h === 0) return `${sign}${m} min`;
	return m === 0 ? `${sign}${h} h` : `${sign}${h} h ${m} min`;
}

/** '2026-08-10' → '10 Aug'; for chart axes and compact tables. */
export function formatShortDate(iso: string): string {
	return formatDay(shortDateFormat, iso);
}

/** '2026-W33' → 'Week 33'. */
export function formatIsoWeek(isoWeek: string): string {
	return `Week ${Number(isoWeek.slice(isoWeek.indexOf('W') + 1))}`;
}

/** A week's dates inside the period, e.g. '10–16 Aug' or '28 Sep – 4 Oct'. */
export function formatWeekRange(from: string, to: string): string {
	if (from === to) return formatShortDate(from);
	const [fromDay, fromMonth] = formatShortDate(from).split(' ');
	const [toDay, toMonth] = formatShortDate(to).split(' ');
	return fromMonth === toMonth
		? `${fromDay}–${toDay} ${toMonth}`
		: `${fromDay} ${fromMonth} – ${toDay} ${toMonth}`;
}
