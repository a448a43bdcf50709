/**
 * The rules the work diary computes (DESIGN §2), in one pure module: hours worked against the job
 * plan in force, extra time split into core and outside-core hours, its value and time off in lieu
 * (TOIL), and the safe-working flags. No I/O and no clock; bank holidays come from bank-holidays.ts.
 *
 * Times are the Europe/London wall-clock times the doctor types and are never converted, so a
 * session lasts finish − start on the clock. On the two nights a year the clocks change, an
 * overnight session is therefore an hour longer or shorter in real time than recorded.
 *
 * A day is computed for one workplace: its entries and its job plans. A session belongs to the date
 * it starts on, for the entry and for the plan alike; only core hours look at the next date.
 */
import { isBankHoliday } from './bank-holidays';
import {
	MINUTES_PER_DAY,
	addDays,
	clockMinutes,
	dateOfDayNumber,
	dayNumber,
	isoWeekOf,
	spanMinutes,
	weekdayOf,
	type ClockTime,
	type IsoDate
} from './calendar';
import { ACTIVITY_KINDS, isNonWorking, type ActivityKind, type Nation } from './vocabulary';
import {
	DEFAULT_OVERTIME_SETTINGS,
	FULL_TIME_WEEKLY_HOURS,
	WEEKS_PER_YEAR,
	type PlannedSession,
	type JobPlan,
	type WorkedEntry,
	type OvertimeSettings,
	type SafeWorkingFlag,
	type CoreSplit,
	type DayResult,
	type Totals,
	type WeekSummary,
	type PeriodReport
} from './diary-model';

const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Reads a time the rules are given; a time that is not HH:MM is a broken invariant. */
function checkTime(time: ClockTime): ClockTime {
	if (!TIME_PATTERN.test(time)) throw new Error(`Expected a time as HH:MM, got '${time}'`);
	return time;
}

/** [start, end) in minutes from the midnight that begins `date`; end ≤ start rolls to the next day. */
function interval(start: ClockTime, end: ClockTime): [number, number] {
	const from = clockMinutes(checkTime(start));
	return [from, from + spanMinutes(start, checkTime(end))];
}

// ---------------------------------------------------------------------------------------------
// Job plans and the hourly rate
// ---------------------------------------------------------------------------------------------

/** The plan with the latest effective-from date on or before `date`, or null if none had begun. */
export function planInForce(plans: readonly JobPlan[], date: IsoDate): JobPlan | null {
	let inForce: JobPlan | null = null;
	for (const plan of plans) {
		// ISO dates compare correctly as strings.
		if (plan.effectiveFrom <= date && (!inForce || plan.effectiveFrom > inForce.effectiveFrom)) {
			inForce = plan;
		}
	}
	return inForce;
}

function plannedSessionsOn(plan: JobPlan | null, date: IsoDate): PlannedSession[] {
	if (!plan) return [];
	const weekday = weekdayOf(date);
	return plan.sessions.filter((session) => session.weekday === weekday);
}

/**
 * Pence per hour from a full-time-equivalent salary: salary / (37.5 × 52.143) (DESIGN §2). Not
 * rounded, so that values are rounded once, at the end.
 */
export function hourlyRatePence(fullTimeSalaryPence: number): number {
	return fullTimeSalaryPence / (FULL_TIME_WEEKLY_HOURS * WEEKS_PER_YEAR);
}

// ---------------------------------------------------------------------------------------------
// Core hours
// ---------------------------------------------------------------------------------------------

/**
 * Which minutes of `date` and the day after are core hours, as a mask over the 48 hours from the
 * midnight that begins `date` (a session can cross midnight at most once).
 */
function coreMask(date: IsoDate, nation: Nation, settings: OvertimeSettings): Uint8Array {
	const mask = new Uint8Array(2 * MINUTES_PER_DAY);
	const coreStart = clockMinutes(checkTime(settings.coreStart));
	const coreEnd = clockMinutes(checkTime(settings.coreEnd));
	for (const offset of [0, 1]) {
		const day = addDays(date, offset);
		if (settings.coreWeekdays.includes(weekdayOf(day)) && !isBankHoliday(day, nation)) {
			mask.fill(1, offset * MINUTES_PER_DAY + coreStart, offset * MINUTES_PER_DAY + coreEnd);
		}
	}
	return mask;
}

/**
 * Splits start–finish on `date` into core and outside-core minutes. A finish at or before the
 * start is on the next day, and the part after midnight is judged by the next date (a Sunday night
 * shift into a Monday morning reaches core hours unless that Monday is a bank holiday).
 */
export function splitCoreMinutes(
	date: IsoDate,
	start: ClockTime,
	finish: ClockTime,
	nation: Nation,
	settings: OvertimeSettings = DEFAULT_OVERTIME_SETTINGS
): CoreSplit {
	const [from, to] = interval(start, finish);
	const mask = coreMask(date, nation, settings);
	let coreMinutes = 0;
	for (let minute = from; minute < to; minute++) coreMinutes += mask[minute];
	return { coreMinutes, outsideCoreMinutes: to - from - coreMinutes };
}

// ---------------------------------------------------------------------------------------------
// Safe working
// ---------------------------------------------------------------------------------------------

function sumValues(record: Partial<Record<string, number>> | undefined): number {
	return Object.values(record ?? {}).reduce<number>((sum, value) => sum + (value ?? 0), 0);
}

function sessionInterval(entry: WorkedEntry): [number, number] {
	if (!entry.start || !entry.finish) {
		throw new Error(`A ${entry.sessionType} entry on ${entry.date} needs a start and a finish`);
	}
	return interval(entry.start, entry.finish);
}

/** Minutes on site: finish − start − break, never below zero. */
function sessionMinutes(entry: WorkedEntry): number {
	const [from, to] = sessionInterval(entry);
	return Math.max(0, to - from - (entry.breakMinutes ?? 0));
}

/**
 * The day's safe-working flags from its working entries (one entry is one session). A break is
 * the recorded break of a session or the gap between two sessions; a recorded break is taken to be
 * one break, as the diary does not ask how it was split. Remote out-of-hours minutes are done
 * apart from the sessions, so they do not make a session day "long".
 */
export function safeWorkingFlags(
	workingEntries: readonly WorkedEntry[],
	settings: OvertimeSettings = DEFAULT_OVERTIME_SETTINGS
): SafeWorkingFlag[] {
	const flags: SafeWorkingFlag[] = [];

	const contacts = workingEntries.reduce((sum, entry) => sum + sumValues(entry.contacts), 0);
	if (contacts > settings.contactLimit) {
		flags.push({ kind: 'contacts_over_limit', contacts, limit: settings.contactLimit });
	}

	const longestConsulting = Math.max(
		0,
		...workingEntries.map((e) => e.activities?.consulting ?? 0)
	);
	if (longestConsulting > settings.maxConsultingMinutesPerSession) {
		flags.push({
			kind: 'long_consulting_session',
			consultingMinutes: longestConsulting,
			limit: settings.maxConsultingMinutesPerSession
		});
	}

	const adminMinutes = workingEntries.reduce((sum, e) => sum + (e.activities?.admin ?? 0), 0);
	const clinicalMinutes = workingEntries.reduce(
		(sum, e) => sum + (e.activities?.consulting ?? 0) + (e.activities?.home_visits ?? 0),
		0
	);
	// Cross-multiplied so that 60 admin per 180 clinical is exactly enough, with no rounding.
	if (adminMinutes * settings.perClinicalMinutes < clinicalMinutes * settings.minAdminMinutes) {
		flags.push({ kind: 'low_admin_ratio', adminMinutes, clinicalMinutes });
	}

	const workedMinutes = workingEntries.reduce((sum, entry) => sum + sessionMinutes(entry), 0);
	if (workedMinutes > settings.longDayMinutes) {
		const sessions = workingEntries
			.map((entry) => ({ interval: sessionInterval(entry), breakMinutes: entry.breakMinutes ?? 0 }))
			.sort((a, b) => a.interval[0] - b.interval[0]);
		let longestBreakMinutes = 0;
		sessions.forEach((session, index) => {
			const gap = index > 0 ? session.interval[0] - sessions[index - 1].interval[1] : 0;
			longestBreakMinutes = Math.max(longestBreakMinutes, session.breakMinutes, gap);
		});
		if (longestBreakMinutes < settings.minBreakMinutes) {
			flags.push({ kind: 'no_break_on_long_day', workedMinutes, longestBreakMinutes });
		}
	}

	return flags;
}

// ---------------------------------------------------------------------------------------------
// A day
// ---------------------------------------------------------------------------------------------

/**
 * Computes one day of one workplace against `plan`, the job plan in force that day (see
 * `planInForce`).
 *
 * Extra time is worked + absence − planned, when positive. It is split into core and outside-core
 * minutes by when it was worked, as the BMA toolkit values it: the overrun is the worked time that
 * falls outside the planned sessions (less those covered by an absence), each minute judged core or
 * not by the clock and the workplace's bank holidays; remote out-of-hours minutes are outside core
 * by definition. The overrun can exceed the extra time, because a break or planned time not worked
 * (a late start) is set against it; that offset is taken from the core overrun first, since a break
 * or a late start is usually made up within the working day (a lunch gap between sessions, staying
 * on after the last session), which is core time.
 */
export function computeDay(
	date: IsoDate,
	entries: readonly WorkedEntry[],
	plan: JobPlan | null,
	settings: OvertimeSettings = DEFAULT_OVERTIME_SETTINGS
): DayResult {
	for (const entry of entries) {
		if (entry.date !== date) throw new Error(`Entry for ${entry.date} passed for ${date}`);
	}
	const working = entries.filter((entry) => !isNonWorking(entry.sessionType));
	const absences = entries.filter((entry) => isNonWorking(entry.sessionType));

	// Minute masks over the 48 hours from this date's midnight; overlapping sessions count once.
	const planned = new Uint8Array(2 * MINUTES_PER_DAY);
	for (const session of plannedSessionsOn(plan, date)) {
		planned.fill(1, ...interval(session.start, session.end));
	}
	const absent = new Uint8Array(2 * MINUTES_PER_DAY);
	for (const absence of absences) {
		if (absence.start && absence.finish) absent.fill(1, ...interval(absence.start, absence.finish));
		else absent.fill(1);
	}
	let plannedMinutes = 0;
	let absenceMinutes = 0;
	for (let minute = 0; minute < planned.length; minute++) {
		plannedMinutes += planned[minute];
		absenceMinutes += planned[minute] & absent[minute];
	}

	const coreMasks = new Map<Nation, Uint8Array>();
	let sessionTotal = 0;
	let overrunCore = 0;
	let overrunOutside = 0;
	for (const entry of working) {
		sessionTotal += sessionMinutes(entry);
		let mask = coreMasks.get(entry.nation);
		if (!mask) {
			mask = coreMask(date, entry.nation, settings);
			coreMasks.set(entry.nation, mask);
		}
		const [from, to] = sessionInterval(entry);
		for (let minute = from; minute < to; minute++) {
			// Worked on a planned minute that an absence does not cover: contracted time, not extra.
			if (planned[minute] && !absent[minute]) continue;
			if (mask[minute]) overrunCore++;
			else overrunOutside++;
		}
	}
	// Counted on any entry: results checked at home on a day of leave are still unpaid work.
	const remoteOutOfHoursMinutes = entries.reduce(
		(sum, entry) => sum + (entry.remoteOutOfHoursMinutes ?? 0),
		0
	);
	overrunOutside += remoteOutOfHoursMinutes;
	const workedMinutes = sessionTotal + remoteOutOfHoursMinutes;

	const balance = workedMinutes + absenceMinutes - plannedMinutes;
	const extraMinutes = plan ? Math.max(0, balance) : 0;
	let extraCoreMinutes = 0;
	let extraOutsideCoreMinutes = 0;
	if (extraMinutes > 0) {
		const offset = overrunCore + overrunOutside - extraMinutes;
		if (offset >= 0) {
			extraCoreMinutes = Math.max(0, overrunCore - offset);
			extraOutsideCoreMinutes = extraMinutes - extraCoreMinutes;
		} else {
			// Only overlapping entries (time logged twice) make the extra exceed the overrun; the
			// surplus is counted at the lower, core rate.
			extraCoreMinutes = overrunCore - offset;
			extraOutsideCoreMinutes = overrunOutside;
		}
	}

	const rate = plan?.fullTimeSalaryPence ? hourlyRatePence(plan.fullTimeSalaryPence) : null;
	const weightedHours =
		(extraCoreMinutes * settings.coreMultiplier +
			extraOutsideCoreMinutes * settings.outsideCoreMultiplier) /
		60;

	const activities = Object.fromEntries(ACTIVITY_KINDS.map((kind) => [kind, 0])) as Record<
		ActivityKind,
		number
	>;
	for (const entry of working) {
		for (const kind of ACTIVITY_KINDS) activities[kind] += entry.activities?.[kind] ?? 0;
	}

	return {
		date,
		weekday: weekdayOf(date),
		isoWeek: isoWeekOf(date),
		hasPlan: plan !== null,
		plannedMinutes,
		absenceMinutes,
		workedMinutes,
		remoteOutOfHoursMinutes,
		shortfallMinutes: Math.max(0, -balance),
		extraMinutes,
		extraCoreMinutes,
		extraOutsideCoreMinutes,
		hourlyRatePence: rate,
		extraValuePence: rate === null ? null : Math.round(rate * weightedHours),
		toilMinutes: Math.round(
			extraCoreMinutes * settings.toilHoursPerCoreHour +
				extraOutsideCoreMinutes * settings.toilHoursPerOutsideCoreHour
		),
		contacts: working.reduce((sum, entry) => sum + sumValues(entry.contacts), 0),
		activities,
		flags: safeWorkingFlags(working, settings)
	};
}

// ---------------------------------------------------------------------------------------------
// Weeks and periods
// ---------------------------------------------------------------------------------------------

/** Days are never netted against each other: extra on one day is not cancelled by a short day. */
export function totalDays(days: readonly DayResult[]): Totals {
	const totals: Totals = {
		plannedMinutes: 0,
		absenceMinutes: 0,
		workedMinutes: 0,
		shortfallMinutes: 0,
		extraMinutes: 0,
		extraCoreMinutes: 0,
		extraOutsideCoreMinutes: 0,
		extraValuePence: 0,
		unvaluedExtraMinutes: 0,
		toilMinutes: 0,
		flaggedDates: []
	};
	for (const day of days) {
		totals.plannedMinutes += day.plannedMinutes;
		totals.absenceMinutes += day.absenceMinutes;
		totals.workedMinutes += day.workedMinutes;
		totals.shortfallMinutes += day.shortfallMinutes;
		totals.extraMinutes += day.extraMinutes;
		totals.extraCoreMinutes += day.extraCoreMinutes;
		totals.extraOutsideCoreMinutes += day.extraOutsideCoreMinutes;
		if (day.extraValuePence === null) totals.unvaluedExtraMinutes += day.extraMinutes;
		else totals.extraValuePence += day.extraValuePence;
		totals.toilMinutes += day.toilMinutes;
		if (day.flags.length > 0) totals.flaggedDates.push(day.date);
	}
	return totals;
}

/** Groups consecutive days by ISO week (Monday to Sunday). */
export function summariseWeeks(days: readonly DayResult[]): WeekSummary[] {
	const groups = new Map<string, DayResult[]>();
	for (const day of days) {
		const group = groups.get(day.isoWeek);
		if (group) group.push(day);
		else groups.set(day.isoWeek, [day]);
	}
	return [...groups].map(([isoWeek, group]) => ({
		isoWeek,
		from: group[0].date,
		to: group[group.length - 1].date,
		...totalDays(group)
	}));
}

/**
 * Every date from `from` to `to` inclusive for one workplace, each against the job plan in force
 * on that date, so a plan changed mid-period is honoured. Entries outside the period are ignored.
 */
export function computePeriod(
	from: IsoDate,
	to: IsoDate,
	entries: readonly WorkedEntry[],
	plans: readonly JobPlan[],
	settings: OvertimeSettings = DEFAULT_OVERTIME_SETTINGS
): PeriodReport {
	const first = dayNumber(from);
	const last = dayNumber(to);
	if (last < first) throw new Error(`Period ends (${to}) before it starts (${from})`);

	const entriesByDate = new Map<IsoDate, WorkedEntry[]>();
	for (const entry of entries) {
		const list = entriesByDate.get(entry.date);
		if (list) list.push(entry);
		else entriesByDate.set(entry.date, [entry]);
	}

	const days: DayResult[] = [];
	for (let day = first; day <= last; day++) {
		const date = dateOfDayNumber(day);
		days.push(computeDay(date, entriesByDate.get(date) ?? [], planInForce(plans, date), settings));
	}
	return { from, to, days, weeks: summariseWeeks(days), totals: totalDays(days) };
}
