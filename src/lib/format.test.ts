import { describe, expect, it } from 'vitest';
import {
	formatDate,
	formatLongDate,
	formatMinutes,
	formatPence,
	formatWholePounds,
	parseIsoDate,
	todayInLondon
} from './format';
import { addDays, addMonths } from './domain/calendar';

describe('en-GB formatting', () => {
	it('writes dates the British way', () => {
		expect(formatDate('2026-11-24')).toBe('Tue, 24 Nov 2026');
	});

	it('writes pounds with a £ sign, thousands separators and pence', () => {
		expect(formatPence(123450)).toBe('£1,234.50');
		expect(formatPence(5)).toBe('£0.05');
		expect(formatWholePounds(96)).toBe('£96');
	});

	it('writes durations in hours and minutes', () => {
		expect(formatMinutes(250)).toBe('4 h 10 min');
		expect(formatMinutes(60)).toBe('1 h');
		expect(formatMinutes(45)).toBe('45 min');
		expect(formatMinutes(-30)).toBe('−30 min');
	});
});

describe('date arithmetic', () => {
	it('adds days across a clock change and a year end', () => {
		expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
	});

	it('clamps months to the end of the shorter month', () => {
		expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
		expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
		expect(addMonths('2026-11-24', 12)).toBe('2027-11-24');
	});

	it('rejects dates that do not exist', () => {
		expect(() => parseIsoDate('2026-02-30')).toThrow();
		expect(() => parseIsoDate('24/11/2026')).toThrow();
	});

	it('still shows stored days outside the range the app accepts (issue 14)', () => {
		expect(formatLongDate('9999-12-31')).toBe('31 December 9999');
		expect(formatLongDate('0001-01-01')).toBe('1 January 1');
		expect(parseIsoDate('0050-06-01').getUTCFullYear()).toBe(50);
		// Postgres writes years past 9999 with five digits: shown as stored, never a 500.
		expect(formatLongDate('10000-01-01')).toBe('10000-01-01');
		expect(formatDate('+010000-01')).toBe('+010000-01');
	});

	it("takes today's date in London, not UTC", () => {
		// 23:30 UTC on 30 June is already 1 July in London (BST).
		expect(todayInLondon(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
		// In winter London is on UTC.
		expect(todayInLondon(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
	});
});
