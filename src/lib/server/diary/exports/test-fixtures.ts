/**
 * A realistic eight weeks of diary for the export tests (DESIGN §8: ~30 contacts a day, duty days
 * mostly telephone, overruns most days, a leave week and a bank holiday). Deterministic.
 */
import { computePeriod } from '$lib/domain/diary-rules';
import type { ReportEntry } from './types';
import { addDays, weekdayOf } from '$lib/domain/calendar';
import type { JobPlan, PeriodReport } from '$lib/domain/diary-model';

export const PERIOD = { from: '2026-08-03', to: '2026-09-27' } as const;

/** Monday, Tuesday and Thursday, two sessions a day; £100,000 full time. */
export const PLAN: JobPlan = {
	effectiveFrom: '2026-01-05',
	sessions: ([1, 2, 4] as const).flatMap((weekday) => [
		{ weekday, start: '08:00', end: '12:10' },
		{ weekday, start: '14:00', end: '18:10' }
	]),
	fullTimeSalaryPence: 10_000_000
};

const WORKPLACE = 'Riverside Surgery';
const LEAVE_WEEK = '2026-09-07';
const BANK_HOLIDAY = '2026-08-31';

function pad(minutes: number): string {
	return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function demoEntries(): ReportEntry[] {
	let seed = 7;
	const random = () => {
		seed = (seed * 16807) % 2147483647;
		return seed / 2147483647;
	};
	const entries: ReportEntry[] = [];
	for (let date: string = PERIOD.from; date <= PERIOD.to; date = addDays(date, 1)) {
		const weekday = weekdayOf(date);
		if (![1, 2, 4].includes(weekday)) continue;
		if (date === BANK_HOLIDAY) {
			entries.push({
				id: `e-${date}-bh`,
				date,
				nation: 'ENG',
				sessionType: 'bank_holiday',
				workplaceName: WORKPLACE
			});
			continue;
		}
		if (date >= LEAVE_WEEK && date < addDays(LEAVE_WEEK, 7)) {
			entries.push({
				id: `e-${date}-al`,
				date,
				nation: 'ENG',
				sessionType: 'annual_leave',
				workplaceName: WORKPLACE
			});
			continue;
		}
		const duty = weekday === 2;
		const overrun = 30 + Math.floor(random() * 60);
		const morningContacts = duty ? 22 + Math.floor(random() * 8) : 9 + Math.floor(random() * 7);
		const afternoonContacts = duty ? 20 + Math.floor(random() * 8) : 9 + Math.floor(random() * 7);
		entries.push({
			id: `e-${date}-am`,
			date,
			nation: 'ENG',
			sessionType: duty ? 'duty_doctor' : 'surgery',
			workplaceName: WORKPLACE,
			start: '08:00',
			finish: pad(12 * 60 + 10 + Math.floor(overrun / 3)),
			breakMinutes: 0,
			activities: { consulting: 180, admin: 70 + Math.floor(overrun / 3) },
			contacts: duty
				? { telephone: morningContacts - 4, face_to_face: 4 }
				: { face_to_face: morningContacts - 3, telephone: 3 },
			adminCounts: { results: 20 + Math.floor(random() * 20), prescriptions: 30 }
		});
		entries.push({
			id: `e-${date}-pm`,
			date,
			nation: 'ENG',
			sessionType: duty ? 'duty_doctor' : 'surgery',
			workplaceName: WORKPLACE,
			start: '14:00',
			finish: pad(18 * 60 + 10 + overrun - Math.floor(overrun / 3)),
			breakMinutes: 10,
			activities: { consulting: 170, admin: 40, meetings: 20 + overrun - Math.floor(overrun / 3) },
			contacts: duty
				? { telephone: afternoonContacts - 5, video: 2, face_to_face: 3 }
				: { face_to_face: afternoonContacts - 2, telephone: 2 },
			remoteOutOfHoursMinutes: weekday === 4 ? 30 : 0,
			notes:
				date === '2026-08-11' ? 'Covered for Dr Lee, "on call", 3 home visits\nleft late' : null
		});
	}
	// A Saturday extended-access morning.
	entries.push({
		id: 'e-2026-08-22-ea',
		date: '2026-08-22',
		nation: 'ENG',
		sessionType: 'extended_access',
		workplaceName: WORKPLACE,
		start: '09:00',
		finish: '13:00',
		breakMinutes: 0,
		activities: { consulting: 200, admin: 40 },
		contacts: { face_to_face: 18 }
	});
	return entries;
}

export function demoReport(entries: readonly ReportEntry[] = demoEntries()): PeriodReport {
	return computePeriod(PERIOD.from, PERIOD.to, entries, [PLAN]);
}

export const DOCTOR = { name: 'Dr Asha Patel', email: 'asha.patel@example.org' };
