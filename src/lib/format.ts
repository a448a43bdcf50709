// en-GB formatting used by every page: dates as "Tue, 24 Nov 2026", money as "£1,234.50".
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

/** 'YYYY-MM-DD' → a Date at UTC midnight, so day arithmetic never crosses a clock change. */
export function parseIsoDate(iso: string): Date {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
	if (!match) throw new Error(`Not a YYYY-MM-DD date: ${iso}`);
	const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
	if (date.toISOString().slice(0, 10) !== iso) throw new Error(`No such date: ${iso}`);
	return date;
}

export function toIsoDate(date: Date): string {
	return date.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
	const date = parseIsoDate(iso);
	date.setUTCDate(date.getUTCDate() + days);
	return toIsoDate(date);
}

/** Adds calendar months; the day is clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
	const date = parseIsoDate(iso);
	const day = date.getUTCDate();
	date.setUTCDate(1);
	date.setUTCMonth(date.getUTCMonth() + months);
	const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
	date.setUTCDate(Math.min(day, lastDay));
	return toIsoDate(date);
}

/**
 * The date in London at an instant, whatever the server's time zone. "Today" is
 * `clock.today()` (src/lib/server/clock.ts), which passes the app's one clock here.
 */
export function todayInLondon(now: Date): string {
	return isoDateInLondon.format(now);
}

export function formatDate(iso: string): string {
	return dateFormat.format(parseIsoDate(iso));
}

export function formatLongDate(iso: string): string {
	return longDateFormat.format(parseIsoDate(iso));
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
