/**
 * The numbers each report chart shows, taken from the rules module's results (never recomputed:
 * a day is over the contact limit when the rules flagged it). Shared by the on-screen charts and
 * the PDF pack.
 */
import type { DayResult, WeekSummary } from '$lib/domain/diary-model';
import { formatMinutes, formatShortDate } from '$lib/format';
import {
	wholePercentages,
	type ActivityDatum,
	type ContactsDatum,
	type WeeklyHoursDatum
} from './geometry';
import { ACTIVITY_KINDS, ACTIVITY_LABELS, type ActivityKind } from '$lib/domain/vocabulary';

export function weeklyHoursSeries(weeks: readonly WeekSummary[]): WeeklyHoursDatum[] {
	return weeks.map((week) => ({
		label: formatShortDate(week.from),
		plannedMinutes: week.plannedMinutes,
		workedMinutes: week.workedMinutes
	}));
}

/** Minutes at work in sessions, leaving out remote out-of-hours work done apart from them. */
function sessionMinutes(day: DayResult): number {
	return day.workedMinutes - day.remoteOutOfHoursMinutes;
}

function isOverContactLimit(day: DayResult): boolean {
	return day.flags.some((flag) => flag.kind === 'contacts_over_limit');
}

/** One bar per day with a session or a patient contact; days off are left out. */
export function contactsSeries(days: readonly DayResult[]): ContactsDatum[] {
	return days
		.filter((day) => day.contacts > 0 || sessionMinutes(day) > 0)
		.map((day) => ({
			date: day.date,
			label: formatShortDate(day.date),
			contacts: day.contacts,
			overLimit: isOverContactLimit(day)
		}));
}

export interface ActivityMixDatum extends ActivityDatum {
	kind: ActivityKind;
}

/** Minutes by activity over the days, in the diary's order, with activities never done left out. */
export function activityMix(days: readonly DayResult[]): ActivityMixDatum[] {
	const minutes = ACTIVITY_KINDS.map((kind) =>
		days.reduce((sum, day) => sum + (day.activities[kind] ?? 0), 0)
	);
	const percents = wholePercentages(minutes);
	return ACTIVITY_KINDS.map((kind, index) => ({
		kind,
		label: ACTIVITY_LABELS[kind],
		minutes: minutes[index],
		percent: percents[index]
	})).filter((datum) => datum.minutes > 0);
}

// ---------------------------------------------------------------------------------------------
// One-sentence summaries, for each chart's aria-label
// ---------------------------------------------------------------------------------------------

export function describeWeeklyHours(weeks: readonly WeekSummary[]): string {
	if (weeks.length === 0) return 'Hours worked and planned per week: no weeks in this period.';
	const worked = weeks.reduce((sum, week) => sum + week.workedMinutes, 0);
	const planned = weeks.reduce((sum, week) => sum + week.plannedMinutes, 0);
	const over = weeks.filter((week) => week.workedMinutes > week.plannedMinutes).length;
	const weekWord = weeks.length === 1 ? 'week' : 'weeks';
	return (
		`Bar chart of hours worked and planned in each of ${weeks.length} ${weekWord} from ` +
		`${formatShortDate(weeks[0].from)} to ${formatShortDate(weeks[weeks.length - 1].to)}: ` +
		`${formatMinutes(worked)} worked against ${formatMinutes(planned)} planned; ` +
		`worked more than planned in ${over} of ${weeks.length} ${weekWord}.`
	);
}

export function describeContacts(data: readonly ContactsDatum[], limit: number): string {
	if (data.length === 0) return 'Patient contacts per day: no working days in this period.';
	const total = data.reduce((sum, datum) => sum + datum.contacts, 0);
	const highest = data.reduce((best, datum) => (datum.contacts > best.contacts ? datum : best));
	const over = data.filter((datum) => datum.overLimit).length;
	const dayWord = data.length === 1 ? 'day' : 'days';
	return (
		`Bar chart of patient contacts on each of ${data.length} working ${dayWord}: ` +
		`${Math.round(total / data.length)} a day on average, highest ${highest.contacts} on ` +
		`${formatShortDate(highest.date)}; ${over} ${over === 1 ? 'day' : 'days'} over the safe ` +
		`limit of ${limit}.`
	);
}

export function describeActivityMix(mix: readonly ActivityDatum[]): string {
	if (mix.length === 0) return 'Time by activity: no activity recorded in this period.';
	return `Bar chart of time by activity: ${mix.map((d) => `${d.label} ${d.percent} %`).join(', ')}.`;
}
