import type { Db } from '../db/index';
import { planInForce } from '../../domain/diary-rules';
import { computeDiaryPeriod } from './compute';
import { findEntries, type Entry } from './entries';
import { listJobPlans, type JobPlanRecord } from './job-plans';
import { getDiarySettings, overtimeSettingsFor } from './settings';
import { listWorkplaces, type Workplace } from './workplaces';
import { addDays, weekdayOf, clockMinutes, spanMinutes } from '../../domain/calendar';
import { isNonWorking, type SessionType } from '../../domain/vocabulary';
import type { DayResult, Totals } from '../../domain/diary-model';

export interface PlannedSlot {
	id: string;
	workplaceId: string;
	workplaceName: string;
	start: string;
	end: string;
	sessionType: SessionType;
	/** An entry at that workplace that day covers part of it (or a day of leave covers it all). */
	logged: boolean;
}

export interface DayEntry extends Entry {
	workplaceName: string;
}

export interface WeekDay {
	date: string;
	isToday: boolean;
	isFuture: boolean;
	planned: PlannedSlot[];
	entries: DayEntry[];
	result: DayResult;
	/** Totals from the week's Monday to this day, as the doctor logs. */
	running: Pick<Totals, 'plannedMinutes' | 'workedMinutes' | 'extraMinutes' | 'toilMinutes'>;
}

export interface WeekView {
	from: string;
	to: string;
	today: string;
	days: WeekDay[];
	totals: Totals;
	contactLimit: number;
	workplaces: Workplace[];
	hasPlans: boolean;
}

export function mondayOf(date: string): string {
	return addDays(date, 1 - weekdayOf(date));
}

function interval(start: string, end: string): [number, number] {
	const from = clockMinutes(start);
	return [from, from + spanMinutes(start, end)];
}

function isLogged(slot: { start: string; end: string }, entries: Entry[]): boolean {
	const [from, to] = interval(slot.start, slot.end);
	return entries.some((entry) => {
		if (!entry.start || !entry.finish) return isNonWorking(entry.sessionType);
		const [a, b] = interval(entry.start, entry.finish);
		return a < to && b > from;
	});
}

/** Planned sessions of the plans in force on `date`, across the doctor's active workplaces. */
function plannedSlotsOn(
	date: string,
	workplaces: readonly Workplace[],
	plans: readonly JobPlanRecord[],
	entries: readonly Entry[]
): PlannedSlot[] {
	const weekday = weekdayOf(date);
	const slots: PlannedSlot[] = [];
	for (const workplace of workplaces) {
		if (workplace.archived) continue;
		const plan = planInForce(
			plans.filter((p) => p.workplaceId === workplace.id),
			date
		) as JobPlanRecord | null;
		const here = entries.filter((e) => e.workplaceId === workplace.id && e.date === date);
		for (const session of plan?.sessions ?? []) {
			if (session.weekday !== weekday) continue;
			slots.push({
				id: session.id,
				workplaceId: workplace.id,
				workplaceName: workplace.name,
				start: session.start,
				end: session.end,
				sessionType: session.sessionType,
				logged: isLogged(session, here)
			});
		}
	}
	return slots.sort((a, b) => a.start.localeCompare(b.start));
}

/** The week (Monday to Sunday) holding `date`: plans, entries, the rules' results and running totals. */
export async function loadWeek(
	db: Db,
	userId: string,
	date: string,
	today: string
): Promise<WeekView> {
	const from = mondayOf(date);
	const to = addDays(from, 6);
	const [workplaces, plans, entries, settings] = await Promise.all([
		listWorkplaces(db, userId),
		listJobPlans(db, userId),
		findEntries(db, userId, from, to),
		getDiarySettings(db, userId)
	]);
	const period = computeDiaryPeriod(
		from,
		to,
		entries,
		workplaces,
		plans,
		overtimeSettingsFor(settings)
	);
	const names = new Map(workplaces.map((w) => [w.id, w.name]));
	const running = { plannedMinutes: 0, workedMinutes: 0, extraMinutes: 0, toilMinutes: 0 };
	const days = period.days.map((result): WeekDay => {
		// Days still to come count towards the plan only once they are here; today once logged.
		const logged = entries.some((e) => e.date === result.date);
		if (result.date < today || (result.date === today && logged)) {
			running.plannedMinutes += result.plannedMinutes;
			running.workedMinutes += result.workedMinutes;
			running.extraMinutes += result.extraMinutes;
			running.toilMinutes += result.toilMinutes;
		}
		return {
			date: result.date,
			isToday: result.date === today,
			isFuture: result.date > today,
			planned: plannedSlotsOn(result.date, workplaces, plans, entries),
			entries: entries
				.filter((e) => e.date === result.date)
				.map((e) => ({ ...e, workplaceName: names.get(e.workplaceId) ?? '' })),
			result,
			running: { ...running }
		};
	});
	return {
		from,
		to,
		today,
		days,
		totals: period.totals,
		contactLimit: settings.contactLimit,
		workplaces,
		hasPlans: plans.length > 0
	};
}
