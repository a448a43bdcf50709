import { describe, it, expect } from 'vitest';
import { bankHolidaysIn, isBankHoliday } from './bank-holidays';

describe('isBankHoliday', () => {
	it('knows the summer bank holiday differs between Scotland and England', () => {
		// First Monday of August in Scotland, last Monday of August in England and Wales.
		expect(isBankHoliday('2026-08-03', 'SCT')).toBe(true);
		expect(isBankHoliday('2026-08-03', 'ENG')).toBe(false);
		expect(isBankHoliday('2026-08-31', 'ENG')).toBe(true);
		expect(isBankHoliday('2026-08-31', 'WLS')).toBe(true);
		expect(isBankHoliday('2026-08-31', 'SCT')).toBe(false);
	});

	it('keeps each nation’s own days', () => {
		expect(isBankHoliday('2026-01-02', 'SCT')).toBe(true);
		expect(isBankHoliday('2026-01-02', 'ENG')).toBe(false);
		expect(isBankHoliday('2026-03-17', 'NIR')).toBe(true); // St Patrick's Day
		expect(isBankHoliday('2026-03-17', 'ENG')).toBe(false);
		expect(isBankHoliday('2026-04-06', 'ENG')).toBe(true); // Easter Monday
		expect(isBankHoliday('2026-04-06', 'SCT')).toBe(false);
		expect(isBankHoliday('2026-11-30', 'SCT')).toBe(true); // St Andrew's Day
	});

	it('includes substitute days and leaves out observances', () => {
		// Boxing Day 2026 is a Saturday; the substitute is Monday 28 December.
		expect(isBankHoliday('2026-12-28', 'ENG')).toBe(true);
		// Mother's Day and Easter Sunday are observances, not days off.
		expect(isBankHoliday('2026-03-15', 'ENG')).toBe(false);
		expect(isBankHoliday('2026-04-05', 'ENG')).toBe(false);
		expect(isBankHoliday('2026-03-10', 'ENG')).toBe(false);
	});

	it('lists eight bank holidays in England in 2026, plus the substitute Boxing Day', () => {
		expect([...bankHolidaysIn(2026, 'ENG')].sort()).toEqual([
			'2026-01-01',
			'2026-04-03',
			'2026-04-06',
			'2026-05-04',
			'2026-05-25',
			'2026-08-31',
			'2026-12-25',
			'2026-12-26',
			'2026-12-28'
		]);
	});

	it('rejects a malformed date', () => {
		expect(() => isBankHoliday('31/08/2026', 'ENG')).toThrow(/YYYY-MM-DD/);
	});
});
