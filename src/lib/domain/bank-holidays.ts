/**
 * Bank holidays of the four UK nations, from the maintained `date-holidays` calendar rather than a
 * hand-typed list (DESIGN §2): Scotland and Northern Ireland keep different days from England and
 * Wales, and substitute days move when a holiday falls on a weekend.
 */
import Holidays from 'date-holidays';

import type { Nation } from './vocabulary';

const DATE_PATTERN = /^(\d{4})-\d{2}-\d{2}$/;

const calendars = new Map<Nation, Holidays>();
const holidaysByNationYear = new Map<string, ReadonlySet<string>>();

function calendarFor(nation: Nation): Holidays {
	let calendar = calendars.get(nation);
	if (!calendar) {
		calendar = new Holidays('GB', nation);
		calendars.set(nation, calendar);
	}
	return calendar;
}

/**
 * The bank holidays of a nation in a year, as 'YYYY-MM-DD'. Only 'public' and 'bank' count: the
 * library also lists observances (Mother's Day, Easter Sunday) that are not days off.
 */
export function bankHolidaysIn(year: number, nation: Nation): ReadonlySet<string> {
	const key = `${nation}:${year}`;
	let dates = holidaysByNationYear.get(key);
	if (!dates) {
		dates = new Set(
			calendarFor(nation)
				.getHolidays(year)
				.filter((holiday) => holiday.type === 'public' || holiday.type === 'bank')
				// `date` is the local calendar date ('2026-08-31 00:00:00'); `start` is a UTC instant.
				.map((holiday) => holiday.date.slice(0, 10))
		);
		holidaysByNationYear.set(key, dates);
	}
	return dates;
}

export function isBankHoliday(date: string, nation: Nation): boolean {
	const match = DATE_PATTERN.exec(date);
	if (!match) throw new Error(`Expected a date as YYYY-MM-DD, got '${date}'`);
	return bankHolidaysIn(Number(match[1]), nation).has(date);
}
