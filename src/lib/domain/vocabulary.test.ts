import { describe, it, expect } from 'vitest';
import { DEFAULT_OVERTIME_SETTINGS } from './diary-model';
import { describeFlag } from './vocabulary';
import { formatIsoWeek, formatShortDate, formatWeekRange } from '../format';

describe('describeFlag', () => {
	it('says each safe-working flag in plain English', () => {
		expect(describeFlag({ kind: 'contacts_over_limit', contacts: 41, limit: 25 })).toBe(
			'41 patient contacts, above the safe limit of 25 a day.'
		);
		expect(
			describeFlag({ kind: 'long_consulting_session', consultingMinutes: 200, limit: 180 })
		).toBe('3 h 20 min of consulting in one session, more than 3 h.');
		expect(describeFlag({ kind: 'low_admin_ratio', adminMinutes: 30, clinicalMinutes: 360 })).toBe(
			'30 min of admin for 6 h of clinical work; at least 2 h is needed (1 h per 3 h clinical).'
		);
		expect(
			describeFlag(
				{ kind: 'no_break_on_long_day', workedMinutes: 560, longestBreakMinutes: 10 },
				{ ...DEFAULT_OVERTIME_SETTINGS, minBreakMinutes: 30 }
			)
		).toBe('9 h 20 min worked with no break of 30 min or more (longest break 10 min).');
	});
});

describe('dates for charts and tables', () => {
	it('formats short dates, weeks and week ranges', () => {
		expect(formatShortDate('2026-08-03')).toBe('3 Aug');
		expect(formatIsoWeek('2026-W09')).toBe('Week 9');
		expect(formatWeekRange('2026-08-10', '2026-08-16')).toBe('10–16 Aug');
		expect(formatWeekRange('2026-08-31', '2026-09-06')).toMatch(/^31 Aug – 6 Sep/);
		expect(formatWeekRange('2026-08-03', '2026-08-03')).toBe('3 Aug');
	});
});
