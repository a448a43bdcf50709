import { describe, it, expect } from 'vitest';
import {
	computeDay,
	computePeriod,
	hourlyRatePence,
	planInForce,
	splitCoreMinutes
} from './diary-rules';
import { isoWeekOf, weekdayOf } from './calendar';
import {
	DEFAULT_OVERTIME_SETTINGS,
	type DayResult,
	type JobPlan,
	type WorkedEntry
} from './diary-model';

// £100,000 a year full time. Hourly rate = 10,000,000 p / (37.5 × 52.143)
// = 10,000,000 / 1955.3625 = 5114.1412… p (£51.14).
const SALARY = 10_000_000;

// A part-time plan: Tuesday afternoon, one 4 h 10 min session (250 min).
const TUESDAY_PLAN: JobPlan = {
	effectiveFrom: '2026-01-05',
	sessions: [{ weekday: 2, start: '14:00', end: '18:10' }],
	fullTimeSalaryPence: SALARY
};

function entry(fields: Partial<WorkedEntry> & Pick<WorkedEntry, 'date'>): WorkedEntry {
	return { nation: 'ENG', sessionType: 'surgery', breakMinutes: 0, ...fields };
}

function flagKinds(day: DayResult): string[] {
	return day.flags.map((flag) => flag.kind);
}

describe('dates', () => {
	it('finds the ISO weekday and week', () => {
		expect(weekdayOf('2026-03-09')).toBe(1);
		expect(weekdayOf('2026-03-14')).toBe(6);
		expect(weekdayOf('2026-03-15')).toBe(7);
		expect(isoWeekOf('2026-03-09')).toBe('2026-W11');
		expect(isoWeekOf('2026-03-15')).toBe('2026-W11');
		// 2026 begins on a Thursday, so it has 53 ISO weeks and 1 January 2027 is in the last.
		expect(isoWeekOf('2027-01-01')).toBe('2026-W53');
		expect(isoWeekOf('2024-12-30')).toBe('2025-W01');
	});

	it('rejects impossible dates and times', () => {
		expect(() => weekdayOf('2026-02-30')).toThrow(/YYYY-MM-DD/);
		expect(() => splitCoreMinutes('2026-03-10', '24:00', '01:00', 'ENG')).toThrow(/HH:MM/);
	});
});

describe('hourlyRatePence', () => {
	it('divides the full-time salary by 37.5 h × 52.143 weeks', () => {
		expect(hourlyRatePence(SALARY)).toBeCloseTo(5114.1412, 4);
	});
});

describe('planInForce', () => {
	const older: JobPlan = { effectiveFrom: '2025-09-01', sessions: [] };
	const newer: JobPlan = { effectiveFrom: '2026-03-11', sessions: [] };

	it('picks the latest plan that has begun, in any order', () => {
		expect(planInForce([newer, older], '2026-03-10')).toBe(older);
		expect(planInForce([newer, older], '2026-03-11')).toBe(newer);
		expect(planInForce([older, newer], '2027-01-01')).toBe(newer);
	});

	it('is null before the first plan', () => {
		expect(planInForce([newer, older], '2025-08-31')).toBeNull();
		expect(planInForce([], '2026-03-10')).toBeNull();
	});
});

describe('splitCoreMinutes', () => {
	it('splits at 18:30 on a weekday', () => {
		// Tuesday 18:10–19:10: 20 min before 18:30, 40 after.
		expect(splitCoreMinutes('2026-03-10', '18:10', '19:10', 'ENG')).toEqual({
			coreMinutes: 20,
			outsideCoreMinutes: 40
		});
		// 07:30–08:30: 30 min before 08:00, 30 after.
		expect(splitCoreMinutes('2026-03-10', '07:30', '08:30', 'ENG')).toEqual({
			coreMinutes: 30,
			outsideCoreMinutes: 30
		});
	});

	it('treats the whole of a Saturday as outside core hours', () => {
		expect(splitCoreMinutes('2026-03-14', '09:00', '13:00', 'ENG')).toEqual({
			coreMinutes: 0,
			outsideCoreMinutes: 240
		});
	});

	it('judges a bank holiday by the workplace’s nation', () => {
		// Monday 3 August 2026: Scotland's summer bank holiday, an ordinary Monday in England.
		expect(splitCoreMinutes('2026-08-03', '09:00', '11:00', 'SCT')).toEqual({
			coreMinutes: 0,
			outsideCoreMinutes: 120
		});
		expect(splitCoreMinutes('2026-08-03', '09:00', '11:00', 'ENG')).toEqual({
			coreMinutes: 120,
			outsideCoreMinutes: 0
		});
	});

	it('judges the part after midnight on the next date', () => {
		// Thursday 17:00 to Friday 01:00: 17:00–18:30 core (90), 18:30–01:00 outside (390).
		expect(splitCoreMinutes('2026-03-12', '17:00', '01:00', 'ENG')).toEqual({
			coreMinutes: 90,
			outsideCoreMinutes: 390
		});
		// Sunday 30 August 22:00 to Monday 09:00 = 660 min. Monday 31 August is a bank holiday in
		// England (all outside core) but not in Scotland (08:00–09:00 Monday is core).
		expect(splitCoreMinutes('2026-08-30', '22:00', '09:00', 'ENG')).toEqual({
			coreMinutes: 0,
			outsideCoreMinutes: 660
		});
		expect(splitCoreMinutes('2026-08-30', '22:00', '09:00', 'SCT')).toEqual({
			coreMinutes: 60,
			outsideCoreMinutes: 600
		});
	});

	it('follows the core hours in the settings', () => {
		const settings = { ...DEFAULT_OVERTIME_SETTINGS, coreEnd: '18:00' };
		expect(splitCoreMinutes('2026-03-10', '18:10', '19:10', 'ENG', settings)).toEqual({
			coreMinutes: 0,
			outsideCoreMinutes: 60
		});
	});
});

describe('computeDay: worked examples', () => {
	it('values a Tuesday surgery planned 14:00–18:10 that overran to 19:10', () => {
		// Worked 14:00–19:10 = 310 min; planned 250; extra 60.
		// Overrun 18:10–18:30 = 20 min core, 18:30–19:10 = 40 min outside core.
		// Value = 5114.1412 × (20/60 × 1.5 + 40/60 × 2) = 5114.1412 × 110/60 = 9375.93 → 9376 p (£93.76).
		// TOIL = 20 × 1.5 + 40 × 2 = 110 min.
		const day = computeDay(
			'2026-03-10',
			[entry({ date: '2026-03-10', start: '14:00', finish: '19:10' })],
			TUESDAY_PLAN
		);
		expect(day).toMatchObject({
			weekday: 2,
			plannedMinutes: 250,
			workedMinutes: 310,
			absenceMinutes: 0,
			shortfallMinutes: 0,
			extraMinutes: 60,
			extraCoreMinutes: 20,
			extraOutsideCoreMinutes: 40,
			extraValuePence: 9376,
			toilMinutes: 110,
			flags: []
		});
	});

	it('sets a break against the core overrun first', () => {
		// 14:00–19:10 with a 20 min break: worked 290, extra 40. The overrun is 20 core + 40
		// outside; the 20 min break is set against the core part, leaving 0 core + 40 outside.
		// Value = 5114.1412 × 40/60 × 2 = 5114.1412 × 80/60 = 6818.85 → 6819 p. TOIL = 80 min.
		const day = computeDay(
			'2026-03-10',
			[entry({ date: '2026-03-10', start: '14:00', finish: '19:10', breakMinutes: 20 })],
			TUESDAY_PLAN
		);
		expect(day).toMatchObject({
			workedMinutes: 290,
			extraMinutes: 40,
			extraCoreMinutes: 0,
			extraOutsideCoreMinutes: 40,
			extraValuePence: 6819,
			toilMinutes: 80
		});
	});

	it('sets a late start against the overrun', () => {
		// 14:30–19:10: worked 280, extra 30. The 30 min not worked at 14:00–14:30 is made up by
		// 18:10–18:40, so the extra is 0 core + 30 outside.
		// Value = 5114.1412 × 30/60 × 2 = 5114.14 → 5114 p. TOIL = 60 min.
		const day = computeDay(
			'2026-03-10',
			[entry({ date: '2026-03-10', start: '14:30', finish: '19:10' })],
			TUESDAY_PLAN
		);
		expect(day).toMatchObject({
			workedMinutes: 280,
			extraMinutes: 30,
			extraCoreMinutes: 0,
			extraOutsideCoreMinutes: 30,
			extraValuePence: 5114,
			toilMinutes: 60
		});
	});

	it('counts a worked lunch gap between two planned sessions as core overrun', () => {
		// Planned 08:30–12:40 and 14:00–18:10 = 500 min. Logged 08:00–18:40 with a 30 min break:
		// worked 640 − 30 = 610, extra 110. Overrun: 08:00–08:30 (30), 12:40–14:00 (80),
		// 18:10–18:30 (20) core = 130; 18:30–18:40 outside = 10. Break 30 off the core: 100 + 10.
		// Value = 5114.1412 × (100 × 1.5 + 10 × 2)/60 = 5114.1412 × 170/60 = 14490.07 → 14490 p.
		// TOIL = 170 min.
		const plan: JobPlan = {
			effectiveFrom: '2026-01-05',
			sessions: [
				{ weekday: 2, start: '08:30', end: '12:40' },
				{ weekday: 2, start: '14:00', end: '18:10' }
			],
			fullTimeSalaryPence: SALARY
		};
		const day = computeDay(
			'2026-03-10',
			[entry({ date: '2026-03-10', start: '08:00', finish: '18:40', breakMinutes: 30 })],
			plan
		);
		expect(day).toMatchObject({
			plannedMinutes: 500,
			workedMinutes: 610,
			extraMinutes: 110,
			extraCoreMinutes: 100,
			extraOutsideCoreMinutes: 10,
			extraValuePence: 14490,
			toilMinutes: 170
		});
	});

	it('values a Saturday extended-access session as all outside core hours', () => {
		// Saturday 09:00–13:00: nothing planned on Saturdays, so all 240 min are extra, outside
		// core. Value = 5114.1412 × 240/60 × 2 = 5114.1412 × 8 = 40913.13 → 40913 p (£409.13).
		// TOIL = 240 × 2 = 480 min.
		const day = computeDay(
			'2026-03-14',
			[
				entry({
					date: '2026-03-14',
					sessionType: 'extended_access',
					start: '09:00',
					finish: '13:00'
				})
			],
			TUESDAY_PLAN
		);
		expect(day).toMatchObject({
			weekday: 6,
			plannedMinutes: 0,
			workedMinutes: 240,
			extraMinutes: 240,
			extraCoreMinutes: 0,
			extraOutsideCoreMinutes: 240,
			extraValuePence: 40913,
			toilMinutes: 480
		});
	});

	describe('the same extra session on a bank holiday Monday in Scotland and in England', () => {
		// An unplanned session 09:00–11:00 (120 min), all of it extra.
		// As core:    5114.1412 × 120/60 × 1.5 = 5114.1412 × 3 = 15342.42 → 15342 p; TOIL 180 min.
		// As outside: 5114.1412 × 120/60 × 2   = 5114.1412 × 4 = 20456.56 → 20457 p; TOIL 240 min.
		const core = { extraCoreMinutes: 120, extraOutsideCoreMinutes: 0, extraValuePence: 15342 };
		const outside = { extraCoreMinutes: 0, extraOutsideCoreMinutes: 120, extraValuePence: 20457 };
		const session = (date: string, nation: WorkedEntry['nation']) =>
			computeDay(date, [entry({ date, nation, start: '09:00', finish: '11:00' })], TUESDAY_PLAN);

		it('3 August 2026 is a bank holiday in Scotland only', () => {
			expect(session('2026-08-03', 'SCT')).toMatchObject({ ...outside, toilMinutes: 240 });
			expect(session('2026-08-03', 'ENG')).toMatchObject({ ...core, toilMinutes: 180 });
		});

		it('31 August 2026 is a bank holiday in England only', () => {
			expect(session('2026-08-31', 'ENG')).toMatchObject({ ...outside, toilMinutes: 240 });
			expect(session('2026-08-31', 'WLS')).toMatchObject(outside);
			expect(session('2026-08-31', 'SCT')).toMatchObject({ ...core, toilMinutes: 180 });
		});
	});

	it('follows an out-of-hours session across midnight', () => {
		// Friday plan 18:30–23:00 (270 min); worked 18:30–01:00 = 390 min; extra 120, all outside
		// core (23:00–01:00, and 00:00–01:00 is a Saturday anyway).
		// Value = 5114.1412 × 120/60 × 2 = 20456.56 → 20457 p. TOIL = 240 min.
		const plan: JobPlan = {
			effectiveFrom: '2026-01-05',
			sessions: [{ weekday: 5, start: '18:30', end: '23:00' }],
			fullTimeSalaryPence: SALARY
		};
		const day = computeDay(
			'2026-03-13',
			[entry({ date: '2026-03-13', sessionType: 'out_of_hours', start: '18:30', finish: '01:00' })],
			plan
		);
		expect(day).toMatchObject({
			weekday: 5,
			plannedMinutes: 270,
			workedMinutes: 390,
			extraMinutes: 120,
			extraCoreMinutes: 0,
			extraOutsideCoreMinutes: 120,
			extraValuePence: 20457,
			toilMinutes: 240
		});
	});

	it('adds remote out-of-hours work as outside core', () => {
		// The Tuesday session as planned (250) plus 30 min of results at home in the evening:
		// extra 30, outside core. Value = 5114.1412 × 30/60 × 2 = 5114 p. TOIL = 60 min.
		const day = computeDay(
			'2026-03-10',
			[
				entry({
					date: '2026-03-10',
					start: '14:00',
					finish: '18:10',
					remoteOutOfHoursMinutes: 30
				})
			],
			TUESDAY_PLAN
		);
		expect(day).toMatchObject({
			workedMinutes: 280,
			remoteOutOfHoursMinutes: 30,
			extraMinutes: 30,
			extraCoreMinutes: 0,
			extraOutsideCoreMinutes: 30,
			extraValuePence: 5114,
			toilMinutes: 60
		});
	});

	it('reports a short day as shortfall, not negative extra', () => {
		// Left at 17:10: worked 190 of 250 planned.
		const day = computeDay(
			'2026-03-10',
			[entry({ date: '2026-03-10', start: '14:00', finish: '17:10' })],
			TUESDAY_PLAN
		);
		expect(day).toMatchObject({
			workedMinutes: 190,
			shortfallMinutes: 60,
			extraMinutes: 0,
			extraValuePence: 0,
			toilMinutes: 0
		});
	});

	it('counts no extra time without a job plan (a locum day)', () => {
		const day = computeDay(
			'2026-03-10',
			[entry({ date: '2026-03-10', start: '08:00', finish: '18:00', breakMinutes: 30 })],
			null
		);
		expect(day).toMatchObject({
			hasPlan: false,
			plannedMinutes: 0,
			workedMinutes: 570,
			extraMinutes: 0,
			hourlyRatePence: null,
			extraValuePence: null,
			toilMinutes: 0
		});
	});

	it('owes TOIL but leaves the value unknown when the plan has no salary', () => {
		const day = computeDay(
			'2026-03-10',
			[entry({ date: '2026-03-10', start: '14:00', finish: '19:10' })],
			{ ...TUESDAY_PLAN, fullTimeSalaryPence: null }
		);
		expect(day).toMatchObject({ extraMinutes: 60, extraValuePence: null, toilMinutes: 110 });
	});

	it('follows the multipliers in the settings', () => {
		// Same overrun (20 core + 40 outside) at 100 % / 150 % and 1 h / 1.5 h TOIL:
		// value = 5114.1412 × (20 × 1 + 40 × 1.5)/60 = 5114.1412 × 80/60 = 6818.85 → 6819 p;
		// TOIL = 20 + 60 = 80 min.
		const settings = {
			...DEFAULT_OVERTIME_SETTINGS,
			coreMultiplier: 1,
			outsideCoreMultiplier: 1.5,
			toilHoursPerCoreHour: 1,
			toilHoursPerOutsideCoreHour: 1.5
		};
		const day = computeDay(
			'2026-03-10',
			[entry({ date: '2026-03-10', start: '14:00', finish: '19:10' })],
			TUESDAY_PLAN,
			settings
		);
		expect(day).toMatchObject({ extraValuePence: 6819, toilMinutes: 80 });
	});

	it('rejects an entry for another date and a working entry without times', () => {
		expect(() =>
			computeDay(
				'2026-03-10',
				[entry({ date: '2026-03-11', start: '14:00', finish: '18:10' })],
				null
			)
		).toThrow(/2026-03-11/);
		expect(() => computeDay('2026-03-10', [entry({ date: '2026-03-10' })], null)).toThrow(
			/start and a finish/
		);
	});
});

describe('absence', () => {
	// Tuesday afternoon and all day Thursday: 250 + 500 = 750 min a week.
	const plan: JobPlan = {
		effectiveFrom: '2026-01-05',
		sessions: [
			{ weekday: 2, start: '14:00', end: '18:10' },
			{ weekday: 4, start: '08:30', end: '12:40' },
			{ weekday: 4, start: '14:00', end: '18:10' }
		],
		fullTimeSalaryPence: SALARY
	};

	it('counts a day of annual leave as absence, with no overtime, in a week', () => {
		// Week of Monday 9 March 2026: Tuesday worked as planned, Thursday on annual leave.
		// Planned 750 = worked 250 + absence 500; no extra, no shortfall.
		const report = computePeriod(
			'2026-03-09',
			'2026-03-15',
			[
				entry({ date: '2026-03-10', start: '14:00', finish: '18:10' }),
				entry({ date: '2026-03-12', sessionType: 'annual_leave' })
			],
			[plan]
		);
		const thursday = report.days.find((day) => day.date === '2026-03-12');
		expect(thursday).toMatchObject({
			plannedMinutes: 500,
			absenceMinutes: 500,
			workedMinutes: 0,
			shortfallMinutes: 0,
			extraMinutes: 0
		});
		expect(report.weeks).toHaveLength(1);
		expect(report.weeks[0]).toMatchObject({
			isoWeek: '2026-W11',
			from: '2026-03-09',
			to: '2026-03-15',
			plannedMinutes: 750,
			workedMinutes: 250,
			absenceMinutes: 500,
			shortfallMinutes: 0,
			extraMinutes: 0,
			extraValuePence: 0,
			toilMinutes: 0,
			flaggedDates: []
		});
	});

	it('counts half a day of leave and values the overrun of the half worked', () => {
		// Thursday: leave 08:00–13:00 covers the morning session (250); worked 14:00–18:40 (280).
		// Worked 280 + absence 250 − planned 500 = 30 extra: 18:10–18:30 core (20) and
		// 18:30–18:40 outside (10). Value = 5114.1412 × (20 × 1.5 + 10 × 2)/60 = 5114.1412 × 50/60
		// = 4261.78 → 4262 p. TOIL = 50 min.
		const day = computeDay(
			'2026-03-12',
			[
				entry({ date: '2026-03-12', sessionType: 'annual_leave', start: '08:00', finish: '13:00' }),
				entry({ date: '2026-03-12', start: '14:00', finish: '18:40' })
			],
			plan
		);
		expect(day).toMatchObject({
			plannedMinutes: 500,
			absenceMinutes: 250,
			workedMinutes: 280,
			extraMinutes: 30,
			extraCoreMinutes: 20,
			extraOutsideCoreMinutes: 10,
			extraValuePence: 4262,
			toilMinutes: 50
		});
	});

	it('counts work done on a day of leave as extra', () => {
		// On leave all Thursday but came in for a 10:00–11:00 meeting: 60 min core extra.
		// Value = 5114.1412 × 60/60 × 1.5 = 7671.21 → 7671 p. TOIL = 90 min.
		const day = computeDay(
			'2026-03-12',
			[
				entry({ date: '2026-03-12', sessionType: 'annual_leave' }),
				entry({
					date: '2026-03-12',
					sessionType: 'meeting_training',
					start: '10:00',
					finish: '11:00'
				})
			],
			plan
		);
		expect(day).toMatchObject({
			absenceMinutes: 500,
			workedMinutes: 60,
			extraMinutes: 60,
			extraCoreMinutes: 60,
			extraValuePence: 7671,
			toilMinutes: 90
		});
	});
});

describe('computePeriod', () => {
	it('uses the job plan in force on each date when the plan changes mid-period', () => {
		// Plan A (from 5 January): Tuesday afternoon, £100,000 (5114.1412 p/h).
		// Plan B (from Wednesday 11 March): Tuesday and Thursday afternoons, £110,000:
		// 11,000,000 / 1955.3625 = 5625.5554 p/h.
		const planA = TUESDAY_PLAN;
		const planB: JobPlan = {
			effectiveFrom: '2026-03-11',
			sessions: [
				{ weekday: 2, start: '14:00', end: '18:10' },
				{ weekday: 4, start: '14:00', end: '18:10' }
			],
			fullTimeSalaryPence: 11_000_000
		};
		const afternoon = (date: string, finish = '18:10') => entry({ date, start: '14:00', finish });
		const report = computePeriod(
			'2026-03-02',
			'2026-03-22',
			[
				afternoon('2026-03-03'),
				afternoon('2026-03-05'), // Thursday under plan A: unplanned, all extra
				afternoon('2026-03-10'),
				afternoon('2026-03-12'), // Thursday under plan B: planned
				afternoon('2026-03-17'),
				afternoon('2026-03-19', '19:10'), // overran by an hour under plan B
				afternoon('2026-04-01') // outside the period
			],
			[planB, planA]
		);

		// Thursday 5 March: 250 min extra, all core (14:00–18:10).
		// Value = 5114.1412 × 250/60 × 1.5 = 31963.38 → 31963 p. TOIL = 375 min.
		// Thursday 19 March: 20 core + 40 outside at plan B's rate.
		// Value = 5625.5554 × 110/60 = 10313.52 → 10314 p. TOIL = 110 min.
		expect(report.days).toHaveLength(21);
		expect(report.weeks.map((week) => week.isoWeek)).toEqual(['2026-W10', '2026-W11', '2026-W12']);
		expect(report.weeks[0]).toMatchObject({
			plannedMinutes: 250,
			workedMinutes: 500,
			extraMinutes: 250,
			extraCoreMinutes: 250,
			extraValuePence: 31963,
			toilMinutes: 375
		});
		expect(report.weeks[1]).toMatchObject({
			plannedMinutes: 500,
			workedMinutes: 500,
			extraMinutes: 0,
			extraValuePence: 0
		});
		expect(report.weeks[2]).toMatchObject({
			plannedMinutes: 500,
			workedMinutes: 560,
			extraMinutes: 60,
			extraCoreMinutes: 20,
			extraOutsideCoreMinutes: 40,
			extraValuePence: 10314,
			toilMinutes: 110
		});
		expect(report.totals).toMatchObject({
			plannedMinutes: 1250,
			workedMinutes: 1560,
			extraMinutes: 310,
			extraValuePence: 31963 + 10314,
			unvaluedExtraMinutes: 0,
			toilMinutes: 375 + 110
		});
	});

	it('does not net a long day against a short one, and lists partial weeks and flagged days', () => {
		// Period Wednesday 11 to Tuesday 17 March: two partial weeks. Tuesday 10 is outside.
		// Tuesday 17: left at 17:10 (60 short) with 26 contacts. No extra either week.
		const report = computePeriod(
			'2026-03-11',
			'2026-03-17',
			[
				entry({
					date: '2026-03-17',
					start: '14:00',
					finish: '17:10',
					contacts: { face_to_face: 20, telephone: 6 }
				})
			],
			[TUESDAY_PLAN]
		);
		expect(report.weeks).toMatchObject([
			{ isoWeek: '2026-W11', from: '2026-03-11', to: '2026-03-15', plannedMinutes: 0 },
			{
				isoWeek: '2026-W12',
				from: '2026-03-16',
				to: '2026-03-17',
				plannedMinutes: 250,
				workedMinutes: 190,
				shortfallMinutes: 60,
				extraMinutes: 0,
				flaggedDates: ['2026-03-17']
			}
		]);
		expect(report.totals.flaggedDates).toEqual(['2026-03-17']);
	});

	it('sums extra time that cannot be valued separately', () => {
		const report = computePeriod(
			'2026-03-10',
			'2026-03-10',
			[entry({ date: '2026-03-10', start: '14:00', finish: '19:10' })],
			[{ ...TUESDAY_PLAN, fullTimeSalaryPence: undefined }]
		);
		expect(report.totals).toMatchObject({
			extraMinutes: 60,
			extraValuePence: 0,
			unvaluedExtraMinutes: 60,
			toilMinutes: 110
		});
	});

	it('rejects a period that ends before it starts', () => {
		expect(() => computePeriod('2026-03-10', '2026-03-09', [], [])).toThrow(/before it starts/);
	});
});

describe('safe-working flags', () => {
	const DATE = '2026-03-10';
	const day = (entries: Partial<WorkedEntry>[], settings = DEFAULT_OVERTIME_SETTINGS) =>
		computeDay(
			DATE,
			entries.map((fields) => entry({ date: DATE, start: '14:00', finish: '18:10', ...fields })),
			TUESDAY_PLAN,
			settings
		);

	describe('patient contacts', () => {
		it('allows 25 and flags 26', () => {
			expect(flagKinds(day([{ contacts: { face_to_face: 15, telephone: 10 } }]))).toEqual([]);
			expect(day([{ contacts: { face_to_face: 15, telephone: 10, video: 1 } }]).flags).toEqual([
				{ kind: 'contacts_over_limit', contacts: 26, limit: 25 }
			]);
		});

		it('adds up contacts of every mode across the day’s sessions', () => {
			const flagged = day([
				{ start: '08:30', finish: '12:40', contacts: { face_to_face: 12, online: 2 } },
				{ contacts: { telephone: 10, home_visit: 2 } }
			]);
			expect(flagged.contacts).toBe(26);
			expect(flagKinds(flagged)).toContain('contacts_over_limit');
		});

		it('uses the doctor’s lower limit: 15 allowed, 16 flagged', () => {
			const settings = { ...DEFAULT_OVERTIME_SETTINGS, contactLimit: 15 };
			expect(flagKinds(day([{ contacts: { face_to_face: 15 } }], settings))).toEqual([]);
			expect(day([{ contacts: { face_to_face: 16 } }], settings).flags).toEqual([
				{ kind: 'contacts_over_limit', contacts: 16, limit: 15 }
			]);
		});
	});

	describe('consulting in one session', () => {
		// 60 min admin in each case keeps the admin ratio (60 per 180 clinical) out of the way.
		it('allows 180 min and flags 181', () => {
			expect(flagKinds(day([{ activities: { consulting: 180, admin: 70 } }]))).toEqual([]);
			expect(day([{ activities: { consulting: 181, admin: 69 } }]).flags).toEqual([
				{ kind: 'long_consulting_session', consultingMinutes: 181, limit: 180 }
			]);
		});

		it('judges each session, not the day', () => {
			// 150 + 150 = 300 min consulting in the day, but no session over 180.
			const twoSessions = day([
				{ start: '08:30', finish: '12:40', activities: { consulting: 150, admin: 100 } },
				{ activities: { consulting: 150, admin: 100 } }
			]);
			expect(flagKinds(twoSessions)).toEqual([]);
		});
	});

	describe('admin per clinical time', () => {
		it('allows 1 h admin per 3 h clinical and flags a minute less', () => {
			// Clinical = consulting 150 + home visits 30 = 180 min: needs 60 min admin.
			const clinical = { consulting: 150, home_visits: 30 };
			expect(flagKinds(day([{ activities: { ...clinical, admin: 60 } }]))).toEqual([]);
			expect(day([{ activities: { ...clinical, admin: 59 } }]).flags).toEqual([
				{ kind: 'low_admin_ratio', adminMinutes: 59, clinicalMinutes: 180 }
			]);
		});

		it('does not flag a day with no clinical work', () => {
			expect(flagKinds(day([{ sessionType: 'admin_only', activities: { admin: 0 } }]))).toEqual([]);
		});
	});

	describe('a break on a long day', () => {
		it('flags 08:00–14:30 with a 19 min break (371 min) but not with 20 (370 min)', () => {
			expect(day([{ start: '08:00', finish: '14:30', breakMinutes: 19 }]).flags).toEqual([
				{ kind: 'no_break_on_long_day', workedMinutes: 371, longestBreakMinutes: 19 }
			]);
			expect(flagKinds(day([{ start: '08:00', finish: '14:30', breakMinutes: 20 }]))).toEqual([]);
		});

		it('needs more than 6 h: 360 min without a break is not flagged, 361 is', () => {
			expect(flagKinds(day([{ start: '08:00', finish: '14:00' }]))).toEqual([]);
			expect(flagKinds(day([{ start: '08:00', finish: '14:01' }]))).toEqual([
				'no_break_on_long_day'
			]);
		});

		it('counts the gap between two sessions as a break', () => {
			// 08:00–12:00 and 12:20–15:00 = 400 min: a 20 min gap is a break, 19 is not.
			expect(
				flagKinds(
					day([
						{ start: '08:00', finish: '12:00' },
						{ start: '12:20', finish: '15:00' }
					])
				)
			).toEqual([]);
			expect(
				day([
					{ start: '08:00', finish: '12:00' },
					{ start: '12:19', finish: '15:00' }
				]).flags
			).toEqual([{ kind: 'no_break_on_long_day', workedMinutes: 401, longestBreakMinutes: 19 }]);
		});

		it('does not count remote out-of-hours minutes towards a long day', () => {
			expect(
				flagKinds(day([{ start: '08:00', finish: '13:50', remoteOutOfHoursMinutes: 30 }]))
			).toEqual([]);
		});
	});

	it('ignores a non-working day', () => {
		expect(flagKinds(day([{ sessionType: 'sick', start: null, finish: null }]))).toEqual([]);
	});
});
