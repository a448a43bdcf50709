/**
 * The diary's shapes and default settings, without the rules that compute with them (its codes
 * are in vocabulary.ts). Kept apart from diary-rules.ts so pages can use them without shipping the
 * bank-holiday calendar (date-holidays and its dependencies) to the browser.
 */
import type { ClockTime, IsoDate, Weekday } from './calendar';
import type {
	ActivityKind,
	ActivityMinutes,
	ContactCounts,
	Nation,
	SessionType
} from './vocabulary';

export interface PlannedSession {
	weekday: Weekday;
	start: ClockTime;
	/** At or before `start` means the session ends the next day. */
	end: ClockTime;
	activities?: ActivityMinutes;
}

export interface JobPlan {
	effectiveFrom: IsoDate;
	sessions: readonly PlannedSession[];
	/** Full-time-equivalent salary in pence a year; without it extra time is not valued. */
	fullTimeSalaryPence?: number | null;
}

export interface WorkedEntry {
	date: IsoDate;
	/** The nation of the workplace: its bank holidays decide core hours. */
	nation: Nation;
	sessionType: SessionType;
	/**
	 * Required for a working session. A non-working entry may give times (a half day of leave);
	 * without them it covers every planned session of the day.
	 */
	start?: ClockTime | null;
	/** At or before `start` means the next day. */
	finish?: ClockTime | null;
	breakMinutes?: number;
	activities?: ActivityMinutes;
	contacts?: ContactCounts;
	/** Remote work done out of hours (results, letters) at a time the diary does not record. */
	remoteOutOfHoursMinutes?: number;
}

export interface OvertimeSettings {
	/** Weekdays on which core hours apply; bank holidays of the workplace's nation never do. */
	coreWeekdays: readonly Weekday[];
	coreStart: ClockTime;
	coreEnd: ClockTime;
	/** Extra time is valued at these multiples of the hourly rate. */
	coreMultiplier: number;
	outsideCoreMultiplier: number;
	/** Hours of time off in lieu owed per hour of extra time. */
	toilHoursPerCoreHour: number;
	toilHoursPerOutsideCoreHour: number;
	/** A day with more patient contacts than this is flagged; the doctor may set a lower one. */
	contactLimit: number;
	maxConsultingMinutesPerSession: number;
	/** At least `minAdminMinutes` of admin for every `perClinicalMinutes` of clinical work. */
	minAdminMinutes: number;
	perClinicalMinutes: number;
	/** A day worked for longer than this needs a break of at least `minBreakMinutes`. */
	longDayMinutes: number;
	minBreakMinutes: number;
}

/**
 * Defaults of the BMA salaried-GP overtime toolkit (DESIGN §2): core hours Monday–Friday
 * 08:00–18:30, extra time at 150 % / 200 % of the hourly rate or 1.5 h / 2 h TOIL per hour; and
 * the safe-working limits of DESIGN §2: 25 contacts a day, 3 h consulting a session, 1 h admin per
 * 3 h clinical. The 20-minute break after 6 h is the Working Time Regulations 1998, reg. 12.
 */
export const DEFAULT_OVERTIME_SETTINGS: Readonly<OvertimeSettings> = Object.freeze({
	coreWeekdays: Object.freeze([1, 2, 3, 4, 5] as Weekday[]),
	coreStart: '08:00',
	coreEnd: '18:30',
	coreMultiplier: 1.5,
	outsideCoreMultiplier: 2,
	toilHoursPerCoreHour: 1.5,
	toilHoursPerOutsideCoreHour: 2,
	contactLimit: 25,
	maxConsultingMinutesPerSession: 180,
	minAdminMinutes: 60,
	perClinicalMinutes: 180,
	longDayMinutes: 360,
	minBreakMinutes: 20
});

/** Full time is 9 sessions = 37.5 h a week, over 52.143 weeks a year (≈ 365 / 7) (DESIGN §2). */
export const FULL_TIME_WEEKLY_HOURS = 37.5;
export const WEEKS_PER_YEAR = 52.143;

// Results of the rules, shown by pages, charts and exports.

export type SafeWorkingFlag =
	| { kind: 'contacts_over_limit'; contacts: number; limit: number }
	| { kind: 'long_consulting_session'; consultingMinutes: number; limit: number }
	| { kind: 'low_admin_ratio'; adminMinutes: number; clinicalMinutes: number }
	| { kind: 'no_break_on_long_day'; workedMinutes: number; longestBreakMinutes: number };

export interface CoreSplit {
	coreMinutes: number;
	outsideCoreMinutes: number;
}

export interface DayResult {
	date: IsoDate;
	weekday: Weekday;
	isoWeek: string;
	/** False when no job plan was in force (e.g. a locum workplace): no extra time is counted. */
	hasPlan: boolean;
	plannedMinutes: number;
	/** Planned minutes covered by leave, sickness, study leave or a bank holiday. */
	absenceMinutes: number;
	/** Session time plus remote out-of-hours minutes. */
	workedMinutes: number;
	remoteOutOfHoursMinutes: number;
	/** Planned time neither worked nor accounted for by an absence (late, left early, not logged). */
	shortfallMinutes: number;
	/** Worked + absence − planned, when positive; split by when it was worked. */
	extraMinutes: number;
	extraCoreMinutes: number;
	extraOutsideCoreMinutes: number;
	hourlyRatePence: number | null;
	/** Null when the plan in force has no salary. */
	extraValuePence: number | null;
	toilMinutes: number;
	contacts: number;
	activities: Record<ActivityKind, number>;
	flags: SafeWorkingFlag[];
}

export interface Totals {
	plannedMinutes: number;
	absenceMinutes: number;
	workedMinutes: number;
	shortfallMinutes: number;
	extraMinutes: number;
	extraCoreMinutes: number;
	extraOutsideCoreMinutes: number;
	/** The sum of each day's rounded value, so a table of days adds up to it. */
	extraValuePence: number;
	/** Extra minutes on days whose plan had no salary, left out of `extraValuePence`. */
	unvaluedExtraMinutes: number;
	toilMinutes: number;
	flaggedDates: IsoDate[];
}

export interface WeekSummary extends Totals {
	isoWeek: string;
	/** The first and last dates of the week inside the period: weeks at its edges may be partial. */
	from: IsoDate;
	to: IsoDate;
}

export interface PeriodReport {
	from: IsoDate;
	to: IsoDate;
	days: DayResult[];
	weeks: WeekSummary[];
	totals: Totals;
}
