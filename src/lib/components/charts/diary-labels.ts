/**
 * Plain-English names for the diary's codes and flags, shared by the on-screen charts and the
 * server's PDF, CSV and ICS exports (so a flag is described once). Client-safe: no I/O.
 */
import {
	DEFAULT_OVERTIME_SETTINGS,
	type ActivityKind,
	type ContactMode,
	type OvertimeSettings,
	type SafeWorkingFlag,
	type SessionType
} from '$lib/domain/diary-model';
import { formatMinutes } from '$lib/format';

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

export const ACTIVITY_LABELS: Readonly<Record<ActivityKind, string>> = {
	consulting: 'Consulting',
	home_visits: 'Home visits',
	admin: 'Admin',
	meetings: 'Meetings',
	teaching: 'Teaching',
	cpd: 'CPD',
	other: 'Other'
};

export const CONTACT_MODE_LABELS: Readonly<Record<ContactMode, string>> = {
	face_to_face: 'Face to face',
	telephone: 'Telephone',
	video: 'Video',
	online: 'Online or written',
	home_visit: 'Home visit'
};

/** The admin counts a diary entry records (DESIGN §2). */
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

/** '2026-08-10' → '10 Aug'; for chart axes and compact tables. */
export function formatShortDate(iso: string): string {
	const [year, month, day] = iso.split('-').map(Number);
	return shortDate.format(new Date(Date.UTC(year, month - 1, day)));
}

const shortDate = new Intl.DateTimeFormat('en-GB', {
	day: 'numeric',
	month: 'short',
	timeZone: 'UTC'
});

/** '2026-W33' → 'Week 33'. */
export function formatIsoWeek(isoWeek: string): string {
	return `Week ${Number(isoWeek.slice(isoWeek.indexOf('W') + 1))}`;
}

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

/** A week's dates inside the period, e.g. '10–16 Aug' or '28 Sep – 4 Oct'. */
export function formatWeekRange(from: string, to: string): string {
	if (from === to) return formatShortDate(from);
	const [fromDay, fromMonth] = formatShortDate(from).split(' ');
	const [toDay, toMonth] = formatShortDate(to).split(' ');
	return fromMonth === toMonth
		? `${fromDay}–${toDay} ${toMonth}`
		: `${fromDay} ${fromMonth} – ${toDay} ${toMonth}`;
}
