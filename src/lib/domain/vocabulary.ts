/**
 * The app's vocabulary: the codes a diary entry, a workplace and a job plan are written in, and
 * their plain-English names, shared by the forms, the on-screen charts and the server's PDF, CSV
 * and ICS exports (so a code is named once). Client-safe: no I/O.
 */
import {
	DEFAULT_OVERTIME_SETTINGS,
	type OvertimeSettings,
	type SafeWorkingFlag
} from './diary-model';
import type { Weekday } from './calendar';
import type { RateBasis } from './rate-units';
import { formatMinutes } from '../format';

export const NATIONS = ['ENG', 'WLS', 'SCT', 'NIR'] as const;
export type Nation = (typeof NATIONS)[number];

export const NATION_LABELS: Readonly<Record<Nation, string>> = {
	ENG: 'England',
	SCT: 'Scotland',
	WLS: 'Wales',
	NIR: 'Northern Ireland'
};

// ---------------------------------------------------------------------------------------------
// Kinds of session and of work
// ---------------------------------------------------------------------------------------------

export const WORKING_SESSION_TYPES = [
	'surgery',
	'duty_doctor',
	'extended_access',
	'out_of_hours',
	'remote',
	'home_visits',
	'admin_only',
	'meeting_training',
	'cpd'
] as const;
const NON_WORKING_SESSION_TYPES = ['annual_leave', 'sick', 'study_leave', 'bank_holiday'] as const;
export const SESSION_TYPES = [...WORKING_SESSION_TYPES, ...NON_WORKING_SESSION_TYPES] as const;
export type WorkingSessionType = (typeof WORKING_SESSION_TYPES)[number];
export type NonWorkingSessionType = (typeof NON_WORKING_SESSION_TYPES)[number];
export type SessionType = WorkingSessionType | NonWorkingSessionType;

export function isNonWorking(type: SessionType): type is NonWorkingSessionType {
	return (NON_WORKING_SESSION_TYPES as readonly string[]).includes(type);
}

export const SESSION_TYPE_LABELS: Readonly<Record<SessionType, string>> = {
	surgery: 'Surgery',
	duty_doctor: 'Duty doctor',
	extended_access: 'Extended access',
	out_of_hours: 'Out of hours',
	remote: 'Remote',
	home_visits: 'Home visits',
	admin_only: 'Admin only',
	meeting_training: 'Meeting or training',
	cpd: 'CPD',
	annual_leave: 'Annual leave',
	sick: 'Sick',
	study_leave: 'Study leave',
	bank_holiday: 'Bank holiday'
};

export const ACTIVITY_KINDS = [
	'consulting',
	'home_visits',
	'admin',
	'meetings',
	'teaching',
	'cpd',
	'other'
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export type ActivityMinutes = Partial<Record<ActivityKind, number>>;

export const ACTIVITY_LABELS: Readonly<Record<ActivityKind, string>> = {
	consulting: 'Consulting',
	home_visits: 'Home visits',
	admin: 'Admin',
	meetings: 'Meetings',
	teaching: 'Teaching',
	cpd: 'CPD',
	other: 'Other'
};

// ---------------------------------------------------------------------------------------------
// Patient contacts and admin counts
// ---------------------------------------------------------------------------------------------

export const CONTACT_MODES = [
	'face_to_face',
	'telephone',
	'video',
	'online',
	'home_visit'
] as const;
export type ContactMode = (typeof CONTACT_MODES)[number];
export type ContactCounts = Partial<Record<ContactMode, number>>;

export const CONTACT_MODE_LABELS: Readonly<Record<ContactMode, string>> = {
	face_to_face: 'Face to face',
	telephone: 'Telephone',
	video: 'Video',
	online: 'Online or written',
	home_visit: 'Home visit'
};

/** The admin counts a diary entry records (DESIGN §2), stored as the `admin_*` columns. */
export const ADMIN_COUNT_KINDS = [
	'results',
	'letters',
	'prescriptions',
	'tasks_referrals'
] as const;
export type AdminCountKind = (typeof ADMIN_COUNT_KINDS)[number];
export type AdminCounts = Partial<Record<AdminCountKind, number>>;

export const ADMIN_COUNT_LABELS: Readonly<Record<AdminCountKind, string>> = {
	results: 'Results',
	letters: 'Letters and documents',
	prescriptions: 'Prescriptions',
	tasks_referrals: 'Tasks and referrals'
};

// ---------------------------------------------------------------------------------------------
// Workplaces and weekdays
// ---------------------------------------------------------------------------------------------

export const WORKPLACE_KINDS = ['practice', 'pcn_hub', 'ooh_provider', 'utc', 'other'] as const;
export type WorkplaceKind = (typeof WORKPLACE_KINDS)[number];
export const WORKPLACE_KIND_LABELS: Readonly<Record<WorkplaceKind, string>> = {
	practice: 'Practice',
	pcn_hub: 'PCN hub',
	ooh_provider: 'Out-of-hours provider',
	utc: 'Urgent treatment centre',
	other: 'Other'
};

export const WORKPLACE_BASES = ['salaried', 'locum', 'retainer', 'other'] as const;
export type WorkplaceBasis = (typeof WORKPLACE_BASES)[number];
export const WORKPLACE_BASIS_LABELS: Readonly<Record<WorkplaceBasis, string>> = {
	salaried: 'Salaried',
	locum: 'Locum',
	retainer: 'Retainer',
	other: 'Other'
};

/** What a locum fee or a reported rate is per (the bases are rate-units.ts's RATE_BASES). */
export const RATE_BASIS_LABELS: Readonly<Record<RateBasis, string>> = {
	per_hour: 'per hour',
	per_session: 'per session',
	per_day: 'per day'
};

export const WEEKDAY_LABELS: Readonly<Record<Weekday, string>> = {
	1: 'Monday',
	2: 'Tuesday',
	3: 'Wednesday',
	4: 'Thursday',
	5: 'Friday',
	6: 'Saturday',
	7: 'Sunday'
};

// ---------------------------------------------------------------------------------------------
// Safe-working flags
// ---------------------------------------------------------------------------------------------

/** A safe-working flag as one sentence a doctor or a practice manager can read. */
export function describeFlag(
	flag: SafeWorkingFlag,
	settings: Pick<
		OvertimeSettings,
		'minAdminMinutes' | 'perClinicalMinutes' | 'minBreakMinutes'
	> = DEFAULT_OVERTIME_SETTINGS
): string {
	switch (flag.kind) {
		case 'contacts_over_limit':
			return `${flag.contacts} patient contacts, above the safe limit of ${flag.limit} a day.`;
		case 'long_consulting_session':
			return `${formatMinutes(flag.consultingMinutes)} of consulting in one session, more than ${formatMinutes(flag.limit)}.`;
		case 'low_admin_ratio': {
			const needed = Math.ceil(
				(flag.clinicalMinutes * settings.minAdminMinutes) / settings.perClinicalMinutes
			);
			return (
				`${formatMinutes(flag.adminMinutes)} of admin for ${formatMinutes(flag.clinicalMinutes)} ` +
				`of clinical work; at least ${formatMinutes(needed)} is needed ` +
				`(${formatMinutes(settings.minAdminMinutes)} per ${formatMinutes(settings.perClinicalMinutes)} clinical).`
			);
		}
		case 'no_break_on_long_day':
			return (
				`${formatMinutes(flag.workedMinutes)} worked with no break of ${settings.minBreakMinutes} min ` +
				`or more (longest break ${formatMinutes(flag.longestBreakMinutes)}).`
			);
	}
}
