// Runs the diary rules over a doctor's entries. The rules compute one workplace at a time (each has
// its own job plan and bank holidays); a doctor's day is the sum of their workplaces' days, with the
// safe-working flags judged over all the day's sessions wherever they were worked.
import {
	computePeriod,
	safeWorkingFlags,
	summariseWeeks,
	totalDays
} from '../../domain/diary-rules';
import type { Entry } from './entries';
import type { JobPlanRecord } from './job-plans';
import type { Workplace } from './workplaces';
import { ACTIVITY_KINDS, isNonWorking } from '../../domain/vocabulary';
import type {
	DayResult,
	OvertimeSettings,
	PeriodReport,
	WorkedEntry
} from '../../domain/diary-model';

export function toWorkedEntry(entry: Entry, workplace: Pick<Workplace, 'nation'>): WorkedEntry {
	return {
		date: entry.date,
		nation: workplace.nation,
		sessionType: entry.sessionType,
		start: entry.start,
		finish: entry.finish,
		breakMinutes: entry.breakMinutes,
		activities: entry.activities,
		contacts: entry.contacts,
		remoteOutOfHoursMinutes: entry.remoteOohMinutes
	};
}

function mergeDays(
	parts: DayResult[],
	workingEntries: WorkedEntry[],
	settings: OvertimeSettings
): DayResult {
	const [first] = parts;
	const sum = (pick: (d: DayResult) => number) => parts.reduce((s, d) => s + pick(d), 0);
	const valued = parts.filter((d) => d.extraValuePence !== null);
	const activities = { ...first.activities };
	for (const kind of ACTIVITY_KINDS) activities[kind] = sum((d) => d.activities[kind]);
	return {
		date: first.date,
		weekday: first.weekday,
		isoWeek: first.isoWeek,
		hasPlan: parts.some((d) => d.hasPlan),
		plannedMinutes: sum((d) => d.plannedMinutes),
		absenceMinutes: sum((d) => d.absenceMinutes),
		workedMinutes: sum((d) => d.workedMinutes),
		remoteOutOfHoursMinutes: sum((d) => d.remoteOutOfHoursMinutes),
		shortfallMinutes: sum((d) => d.shortfallMinutes),
		extraMinutes: sum((d) => d.extraMinutes),
		extraCoreMinutes: sum((d) => d.extraCoreMinutes),
		extraOutsideCoreMinutes: sum((d) => d.extraOutsideCoreMinutes),
		hourlyRatePence: valued[0]?.hourlyRatePence ?? first.hourlyRatePence,
		// A day's extra at a workplace with no salary on its plan is not valued; when a doctor has
		// valued and unvalued extra on one day, only the valued part is counted.
		extraValuePence: valued.length
			? valued.reduce((s, d) => s + (d.extraValuePence ?? 0), 0)
			: null,
		toilMinutes: sum((d) => d.toilMinutes),
		contacts: sum((d) => d.contacts),
		activities,
		flags: safeWorkingFlags(workingEntries, settings)
	};
}

/**
 * The doctor's period: every date from `from` to `to`, each the sum over the workplaces that had a
 * plan or an entry, against the plan in force on that date.
 */
export function computeDiaryPeriod(
	from: string,
	to: string,
	entries: readonly Entry[],
	workplaces: readonly Workplace[],
	plans: readonly JobPlanRecord[],
	settings: OvertimeSettings
): PeriodReport {
	const byId = new Map(workplaces.map((w) => [w.id, w]));
	const relevant = workplaces.filter(
		(w) =>
			entries.some((e) => e.workplaceId === w.id) ||
			plans.some((p) => p.workplaceId === w.id && p.effectiveFrom <= to)
	);
	const worked = entries
		.filter((e) => e.date >= from && e.date <= to && byId.has(e.workplaceId))
		.map((e) => toWorkedEntry(e, byId.get(e.workplaceId)!));
	const perWorkplace = relevant.map((w) =>
		computePeriod(
			from,
			to,
			entries
				.filter((e) => e.workplaceId === w.id && e.date >= from && e.date <= to)
				.map((e) => toWorkedEntry(e, w)),
			plans.filter((p) => p.workplaceId === w.id),
			settings
		)
	);
	if (perWorkplace.length === 0) {
		return computePeriod(from, to, [], [], settings);
	}
	const workingByDate = new Map<string, WorkedEntry[]>();
	for (const entry of worked) {
		if (isNonWorking(entry.sessionType)) continue;
		workingByDate.set(entry.date, [...(workingByDate.get(entry.date) ?? []), entry]);
	}
	const days = perWorkplace[0].days.map((_, index) =>
		mergeDays(
			perWorkplace.map((p) => p.days[index]),
			workingByDate.get(perWorkplace[0].days[index].date) ?? [],
			settings
		)
	);
	return { from, to, days, weeks: summariseWeeks(days), totals: totalDays(days) };
}
