import { describe, expect, it } from 'vitest';
import {
	DATE_RANGE_MESSAGE,
	FIRST_DATE,
	LAST_DATE,
	isAcceptedDate,
	londonMidnight,
	parseClockPin,
	readDate,
	readMonth
} from './calendar';

describe('readDate: the one reader of dates sent to the app', () => {
	it('accepts real days from 2000-01-01 to 2100-12-31', () => {
		for (const date of [FIRST_DATE, '2026-11-24', '2028-02-29', '2000-02-29', LAST_DATE]) {
			expect(readDate(date), date).toEqual({ ok: true, date });
			expect(isAcceptedDate(date), date).toBe(true);
		}
	});

	it('refuses real days outside the range, by the range', () => {
		// The inputs of issue 14: a week copied from 9999-12-31 reached Postgres as '+010000-01-0…'.
		for (const date of ['9999-12-31', '0001-01-01', '0000-01-01', '1999-12-31', '2101-01-01']) {
			expect(readDate(date), date).toEqual({ ok: false, problem: 'range' });
			expect(isAcceptedDate(date), date).toBe(false);
		}
		expect(DATE_RANGE_MESSAGE).toMatch(/1 January 2000 and 31 December 2100/);
	});

	it('refuses what is not a day written YYYY-MM-DD', () => {
		const bad = [
			'',
			' 2026-11-24',
			'2026-11-24 ',
			'2026-02-30',
			'2100-02-29',
			'2026-13-01',
			'2026-00-10',
			'2026-11-00',
			'24/11/2026',
			'2026-1-5',
			'+010000-01-01',
			'10000-01-01',
			'2026-11-24T00:00:00Z',
			'２０２６-11-24'
		];
		for (const text of bad) {
			expect(readDate(text), text).toEqual({ ok: false, problem: 'shape' });
			expect(isAcceptedDate(text), text).toBe(false);
		}
		expect(isAcceptedDate(undefined)).toBe(false);
		expect(isAcceptedDate(20261124)).toBe(false);
	});

	it('reads months by their first day, with the same range', () => {
		expect(readMonth('2026-10')).toEqual({ ok: true, date: '2026-10' });
		expect(readMonth('2100-12')).toEqual({ ok: true, date: '2100-12' });
		expect(readMonth('9999-12')).toEqual({ ok: false, problem: 'range' });
		expect(readMonth('1999-12')).toEqual({ ok: false, problem: 'range' });
		expect(readMonth('2026-13')).toEqual({ ok: false, problem: 'shape' });
		expect(readMonth('2026-10-01')).toEqual({ ok: false, problem: 'shape' });
	});
});

describe('parseClockPin', () => {
	it('reads a day as noon in London, in winter and in summer time', () => {
		expect(parseClockPin('2026-11-24')?.toISOString()).toBe('2026-11-24T12:00:00.000Z');
		expect(parseClockPin('2027-07-01')?.toISOString()).toBe('2027-07-01T11:00:00.000Z');
		// The days the clocks change: noon is after the change in both.
		expect(parseClockPin('2027-03-28')?.toISOString()).toBe('2027-03-28T11:00:00.000Z');
		expect(parseClockPin('2027-10-31')?.toISOString()).toBe('2027-10-31T12:00:00.000Z');
	});

	it('reads an instant with its offset', () => {
		expect(parseClockPin('2027-03-28T00:59:00Z')?.toISOString()).toBe('2027-03-28T00:59:00.000Z');
		expect(parseClockPin('2027-10-31T01:30:00+01:00')?.toISOString()).toBe(
			'2027-10-31T00:30:00.000Z'
		);
		expect(parseClockPin('2028-02-29T23:00Z')?.toISOString()).toBe('2028-02-29T23:00:00.000Z');
	});

	it('refuses what is not a day or an instant with an offset', () => {
		for (const text of [
			'',
			'tomorrow',
			'2027-02-29',
			'2026-13-01',
			'24/11/2026',
			'2026-11-24T12:00',
			'2026-11-24T25:00:00Z',
			'2026-11-24 12:00:00Z'
		]) {
			expect(parseClockPin(text), text).toBeNull();
		}
	});
});

describe('londonMidnight', () => {
	it('is midnight GMT in winter and 23:00 UTC the evening before in summer time', () => {
		expect(londonMidnight('2027-02-01').toISOString()).toBe('2027-02-01T00:00:00.000Z');
		expect(londonMidnight('2027-05-01').toISOString()).toBe('2027-04-30T23:00:00.000Z');
	});

	it('on the days the clocks change, is the midnight before the change', () => {
		// The clocks go forward at 01:00 GMT and back at 01:00 GMT (02:00 BST).
		expect(londonMidnight('2027-03-28').toISOString()).toBe('2027-03-28T00:00:00.000Z');
		expect(londonMidnight('2027-10-31').toISOString()).toBe('2027-10-30T23:00:00.000Z');
	});
});
