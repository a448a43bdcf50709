import { describe, it, expect } from 'vitest';
import { computePeriod } from '$lib/domain/diary-rules';
import {
	activityMix,
	contactsSeries,
	describeActivityMix,
	describeContacts,
	describeWeeklyHours,
	weeklyHoursSeries
} from './series';
import type { JobPlan, WorkedEntry } from '$lib/domain/diary-model';

const PLAN: JobPlan = {
	effectiveFrom: '2026-01-05',
	sessions: [{ weekday: 1, start: '08:00', end: '12:10' }]
};

const ENTRIES: WorkedEntry[] = [
	{
		date: '2026-08-03',
		nation: 'ENG',
		sessionType: 'surgery',
		start: '08:00',
		finish: '13:00',
		activities: { consulting: 180, admin: 90, cpd: 30 },
		contacts: { face_to_face: 20, telephone: 12 }
	},
	{
		date: '2026-08-10',
		nation: 'ENG',
		sessionType: 'surgery',
		start: '08:00',
		finish: '12:10',
		activities: { consulting: 150, admin: 60 },
		contacts: { face_to_face: 18 }
	},
	// Leave on the third Monday, and only remote work out of hours on the second Tuesday.
	{ date: '2026-08-17', nation: 'ENG', sessionType: 'annual_leave' },
	{ date: '2026-08-11', nation: 'ENG', sessionType: 'annual_leave', remoteOutOfHoursMinutes: 30 }
];

const report = computePeriod('2026-08-03', '2026-08-23', ENTRIES, [PLAN]);

describe('weeklyHoursSeries', () => {
	it('labels each week by its first date', () => {
		expect(weeklyHoursSeries(report.weeks)).toEqual([
			{ label: '3 Aug', plannedMinutes: 250, workedMinutes: 300 },
			{ label: '10 Aug', plannedMinutes: 250, workedMinutes: 280 },
			{ label: '17 Aug', plannedMinutes: 250, workedMinutes: 0 }
		]);
	});

	it('is summarised in one sentence', () => {
		expect(describeWeeklyHours(report.weeks)).toBe(
			'Bar chart of hours worked and planned in each of 3 weeks from 3 Aug to 23 Aug: ' +
				'9 h 40 min worked against 12 h 30 min planned; worked more than planned in 2 of 3 weeks.'
		);
		expect(describeWeeklyHours([])).toMatch(/no weeks/);
	});
});

describe('contactsSeries', () => {
	it('has a bar for each day with a session, marked over the limit as the rules flagged it', () => {
		const data = contactsSeries(report.days);
		expect(data).toEqual([
			{ date: '2026-08-03', label: '3 Aug', contacts: 32, overLimit: true },
			{ date: '2026-08-10', label: '10 Aug', contacts: 18, overLimit: false }
		]);
		expect(describeContacts(data, 25)).toBe(
			'Bar chart of patient contacts on each of 2 working days: 25 a day on average, ' +
				'highest 32 on 3 Aug; 1 day over the safe limit of 25.'
		);
		expect(describeContacts([], 25)).toMatch(/no working days/);
	});
});

describe('activityMix', () => {
	it('adds minutes by activity, leaves out the unused ones, and shares sum to 100', () => {
		const mix = activityMix(report.days);
		expect(mix).toEqual([
			{ kind: 'consulting', label: 'Consulting', minutes: 330, percent: 65 },
			{ kind: 'admin', label: 'Admin', minutes: 150, percent: 29 },
			{ kind: 'cpd', label: 'CPD', minutes: 30, percent: 6 }
		]);
		expect(describeActivityMix(mix)).toBe(
			'Bar chart of time by activity: Consulting 65 %, Admin 29 %, CPD 6 %.'
		);
		expect(activityMix([])).toEqual([]);
	});
});
