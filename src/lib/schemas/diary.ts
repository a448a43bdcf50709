// Forms of the work diary (DESIGN §2), shared by the server actions and the pages: labels, and
// zod schemas that turn what a form posts into typed input with a message for each bad field.
import { z } from 'zod';
import {
	ACTIVITY_KINDS,
	ADMIN_COUNT_KINDS,
	CONTACT_MODES,
	NATIONS,
	SESSION_TYPES,
	SESSION_TYPE_LABELS,
	WORKING_SESSION_TYPES,
	WORKPLACE_BASES,
	WORKPLACE_KINDS,
	isNonWorking,
	type ActivityKind,
	type AdminCountKind,
	type ContactMode,
	type SessionType
} from '../domain/vocabulary';
import { RATE_BASES, STANDARD_SESSION_MINUTES, type RateBasis } from '../domain/rate-units';
import {
	addClockMinutes,
	addDays,
	clockMinutes,
	isAcceptedDate,
	spanMinutes,
	type Weekday
} from '../domain/calendar';
import { UUID_PATTERN } from '../ids';
import { dateField } from './dates';

/** Sessions planned per weekday in the pattern editor. */
export const PLAN_SLOTS_PER_DAY = 2;
/** Where an empty slot's start defaults to when only its type is chosen. */
export const PLAN_SLOT_STARTS = ['08:30', '14:00'] as const;
/** Longest single entry: longer work is two entries (and would be a safety concern anyway). */
const MAX_SESSION_MINUTES = 16 * 60;
export const MAX_CONTACTS_PER_MODE = 300;
export const MAX_ADMIN_COUNT = 1000;
export const MAX_REMOTE_MINUTES = 12 * 60;
export const MAX_BREAK_MINUTES = 12 * 60;
/** Minutes of one kind of activity in an entry or a planned session: at most a whole day. */
export const MAX_ACTIVITY_MINUTES = 24 * 60;
export const MAX_CONTACT_LIMIT = 25;
const NOTES_MAX = 2000;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

// ---------------------------------------------------------------------------------------------
// Field parsers
// ---------------------------------------------------------------------------------------------

const optionalString = z
	.string()
	.optional()
	.transform((v) => v?.trim() ?? '');

/** An empty field is 0; anything else must be a whole number in range. */
function count(max: number, what: string) {
	return optionalString.transform((v, ctx) => {
		if (v === '') return 0;
		if (!/^-?\d+$/.test(v)) {
			ctx.addIssue({ code: 'custom', message: 'Enter a whole number, like 12.' });
			return z.NEVER;
		}
		const n = Number(v);
		if (n < 0) {
			ctx.addIssue({ code: 'custom', message: 'Enter 0 or more; a count cannot be negative.' });
			return z.NEVER;
		}
		if (n > max) {
			ctx.addIssue({ code: 'custom', message: `Enter at most ${max} ${what}.` });
			return z.NEVER;
		}
		return n;
	});
}

const optionalTime = optionalString.transform((v, ctx) => {
	if (v === '') return null;
	if (!TIME.test(v)) {
		ctx.addIssue({ code: 'custom', message: 'Enter a time like 08:30 (24-hour clock).' });
		return z.NEVER;
	}
	return v;
});

/** '£650.50', '85' → pence; empty → null. */
const optionalMoney = optionalString.transform((v, ctx) => {
	if (v === '') return null;
	const cleaned = v.replace(/^£/, '').replace(/,/g, '').trim();
	if (!/^\d{1,6}(\.\d{1,2})?$/.test(cleaned)) {
		ctx.addIssue({ code: 'custom', message: 'Enter an amount in pounds, like 85 or 650.50.' });
		return z.NEVER;
	}
	return Math.round(Number(cleaned) * 100);
});

const checkbox = z
	.string()
	.optional()
	.transform((v) => v === 'on' || v === 'true' || v === 'yes');

const isoDate = dateField({ shape: 'Enter a date like 2026-11-24.' });

const uuid = z
	.string({ error: 'Choose a workplace.' })
	.trim()
	.regex(UUID_PATTERN, 'Choose a workplace.');

// ---------------------------------------------------------------------------------------------
// A diary entry
// ---------------------------------------------------------------------------------------------

export const activityField = (kind: ActivityKind) => `act_${kind}`;
export const contactField = (mode: ContactMode) => `con_${mode}`;
export const adminField = (kind: AdminCountKind) => `adm_${kind}`;

export interface EntryInput {
	date: string;
	workplaceId: string;
	sessionType: SessionType;
	start: string | null;
	finish: string | null;
	breakMinutes: number;
	activities: Record<ActivityKind, number>;
	contacts: Record<ContactMode, number>;
	adminCounts: Record<AdminCountKind, number>;
	remoteOohMinutes: number;
	notes: string | null;
	feePence: number | null;
	feeBasis: RateBasis | null;
	feeExtrasPence: number | null;
}

const entryShape = {
	date: isoDate,
	workplaceId: uuid,
	sessionType: z.enum(SESSION_TYPES, { error: 'Choose the type of session.' }),
	start: optionalTime,
	finish: optionalTime,
	afterMidnight: checkbox,
	breakMinutes: count(MAX_BREAK_MINUTES, 'minutes of break'),
	remoteOohMinutes: count(MAX_REMOTE_MINUTES, 'minutes (12 hours)'),
	notes: optionalString.pipe(z.string().max(NOTES_MAX, `Keep notes to ${NOTES_MAX} characters.`)),
	feeAmount: optionalMoney,
	feeBasis: z
		.enum([...RATE_BASES, ''], { error: 'Choose per hour, per session or per day.' })
		.optional(),
	feeExtras: optionalMoney,
	...Object.fromEntries(
		ACTIVITY_KINDS.map((k) => [activityField(k), count(MAX_ACTIVITY_MINUTES, 'minutes')])
	),
	...Object.fromEntries(
		CONTACT_MODES.map((m) => [contactField(m), count(MAX_CONTACTS_PER_MODE, 'contacts')])
	),
	...Object.fromEntries(
		ADMIN_COUNT_KINDS.map((k) => [adminField(k), count(MAX_ADMIN_COUNT, 'items')])
	)
};

/**
 * The entry form, judged against today's date in London. A finish at or before the start means
 * the session crossed midnight only for out-of-hours work or when the doctor ticks "finished after
 * midnight"; otherwise it is a typing slip, refused with a message.
 */
export function entrySchema(today: string) {
	return (
		z
			.object(entryShape)
			.passthrough()
			// Runs even when single fields were refused, so every message shows at once; it reads
			// only the fields that parsed.
			.superRefine((raw, ctx) => checkEntry(raw as Record<string, unknown>, today, ctx), {
				when: () => true
			})
			.transform((raw): EntryInput => {
				const r = raw as Record<string, unknown>;
				const num = (key: string) => (r[key] as number) ?? 0;
				const feeBasis = raw.feeBasis ? raw.feeBasis : null;
				return {
					date: raw.date,
					workplaceId: raw.workplaceId.toLowerCase(),
					sessionType: raw.sessionType,
					start: raw.start,
					finish: raw.finish,
					breakMinutes: raw.breakMinutes,
					activities: Object.fromEntries(
						ACTIVITY_KINDS.map((k) => [k, num(activityField(k))])
					) as Record<ActivityKind, number>,
					contacts: Object.fromEntries(
						CONTACT_MODES.map((m) => [m, num(contactField(m))])
					) as Record<ContactMode, number>,
					adminCounts: Object.fromEntries(
						ADMIN_COUNT_KINDS.map((k) => [k, num(adminField(k))])
					) as Record<AdminCountKind, number>,
					remoteOohMinutes: raw.remoteOohMinutes,
					notes: raw.notes ? raw.notes : null,
					feePence: raw.feeAmount,
					feeBasis: raw.feeAmount === null ? null : feeBasis,
					feeExtrasPence: raw.feeAmount === null ? null : raw.feeExtras
				};
			})
	);
}

/** The rules between fields of an entry; a field that did not parse is left to its own message. */
function checkEntry(r: Record<string, unknown>, today: string, ctx: z.RefinementCtx): void {
	const issue = (path: string, message: string) =>
		ctx.addIssue({ code: 'custom', path: [path], message });
	const text = (key: string) => (typeof r[key] === 'string' ? (r[key] as string) : null);
	const num = (key: string) => (typeof r[key] === 'number' ? (r[key] as number) : 0);
	const sessionType = text('sessionType');
	if (!sessionType || !(SESSION_TYPES as readonly string[]).includes(sessionType)) return;
	const nonWorking = isNonWorking(sessionType as SessionType);
	const start = text('start') && TIME.test(text('start')!) ? text('start') : null;
	const finish = text('finish') && TIME.test(text('finish')!) ? text('finish') : null;
	const date = text('date');

	if (!nonWorking && !start && !r.start) issue('start', 'Enter the time you started.');
	if (!nonWorking && !finish && !r.finish) issue('finish', 'Enter the time you finished.');
	if (nonWorking && (r.start === null) !== (r.finish === null)) {
		issue(
			r.start ? 'finish' : 'start',
			'For part of a day, give both times; for the whole day, leave both empty.'
		);
	}
	if (isAcceptedDate(date)) {
		if (date > addDays(today, 366)) {
			issue('date', 'Enter a date within the next year.');
		} else if (!nonWorking && date > today) {
			issue('date', 'Work can be logged on or before today; leave can be booked ahead.');
		}
	}

	const activityTotal = ACTIVITY_KINDS.reduce((sum, k) => sum + num(activityField(k)), 0);
	if (start && finish) {
		const crosses = clockMinutes(finish) <= clockMinutes(start);
		if (start === finish) {
			issue('finish', 'The finish must be after the start.');
		} else if (crosses && r.afterMidnight !== true && sessionType !== 'out_of_hours') {
			issue(
				'finish',
				'The finish is before the start. If you worked past midnight, tick “Finished after midnight”.'
			);
		} else {
			const span = spanMinutes(start, finish);
			if (span > MAX_SESSION_MINUTES) {
				issue(
					'finish',
					`That is ${formatSpan(span)}; one entry can be at most ${MAX_SESSION_MINUTES / 60} hours. Log longer work as two entries.`
				);
			} else {
				if (num('breakMinutes') >= span) {
					issue('breakMinutes', 'The break must be shorter than the session.');
				}
				if (activityTotal > span) {
					issue(
						activityField('consulting'),
						`The activity minutes add up to ${formatSpan(activityTotal)}, more than the ${formatSpan(span)} from start to finish.`
					);
				}
			}
		}
	}
	if (nonWorking) {
		if (activityTotal > 0) {
			issue(
				activityField('consulting'),
				'A day of leave has no activity minutes: clear them or choose a working session type.'
			);
		}
		if (CONTACT_MODES.some((m) => num(contactField(m)) > 0)) {
			issue(
				contactField('face_to_face'),
				'A day of leave has no patient contacts: clear them or choose a working session type.'
			);
		}
		if (num('breakMinutes') > 0 && !start) {
			issue('breakMinutes', 'A whole day of leave has no break.');
		}
	}

	const feeGiven = typeof r.feeAmount === 'number';
	if (feeGiven && !r.feeBasis) {
		issue('feeBasis', 'Say whether the fee was per hour, per session or per day.');
	}
	if (r.feeAmount === null && (r.feeBasis || (r.feeExtras !== null && r.feeExtras !== undefined))) {
		issue('feeAmount', 'Enter the fee, or clear the fee fields.');
	}
}

function formatSpan(minutes: number): string {
	const h = Math.floor(minutes / 60);
	const m = minutes % 60;
	if (h === 0) return `${m} min`;
	return m ? `${h} h ${m} min` : `${h} h`;
}

/** The entry's fields as the form posts them, to fill the form from an entry or a template. */
export function entryToFormValues(entry: Omit<EntryInput, 'date'> & { date?: string }) {
	const values: Record<string, string> = {
		workplaceId: entry.workplaceId,
		sessionType: entry.sessionType,
		start: entry.start ?? '',
		finish: entry.finish ?? '',
		afterMidnight:
			entry.start && entry.finish && clockMinutes(entry.finish) <= clockMinutes(entry.start)
				? 'on'
				: '',
		breakMinutes: String(entry.breakMinutes),
		remoteOohMinutes: String(entry.remoteOohMinutes),
		notes: entry.notes ?? '',
		feeAmount: entry.feePence === null ? '' : (entry.feePence / 100).toFixed(2),
		feeBasis: entry.feeBasis ?? '',
		feeExtras: entry.feeExtrasPence === null ? '' : (entry.feeExtrasPence / 100).toFixed(2)
	};
	if (entry.date) values.date = entry.date;
	for (const k of ACTIVITY_KINDS) values[activityField(k)] = String(entry.activities[k]);
	for (const m of CONTACT_MODES) values[contactField(m)] = String(entry.contacts[m]);
	for (const k of ADMIN_COUNT_KINDS) values[adminField(k)] = String(entry.adminCounts[k]);
	return values;
}

// ---------------------------------------------------------------------------------------------
// Workplaces, job plans, templates, settings
// ---------------------------------------------------------------------------------------------

export const workplaceSchema = z.object({
	name: z
		.string({ error: 'Enter a name for the workplace.' })
		.trim()
		.min(1, 'Enter a name for the workplace.')
		.max(80, 'Use at most 80 characters.'),
	kind: z.enum(WORKPLACE_KINDS, { error: 'Choose the kind of workplace.' }),
	basis: z.enum(WORKPLACE_BASES, { error: 'Choose how you work there.' }),
	areaCode: optionalString,
	nation: z
		.enum([...NATIONS, ''], { error: 'Choose the nation.' })
		.optional()
		.transform((v) => (v ? v : null))
});
export type WorkplaceInput = z.infer<typeof workplaceSchema>;

export interface PlanSessionInput {
	weekday: Weekday;
	start: string;
	end: string;
	sessionType: SessionType;
	activities: Record<ActivityKind, number>;
}

export interface JobPlanInput {
	workplaceId: string;
	effectiveFrom: string;
	fullTimeSalaryPence: number | null;
	sessions: PlanSessionInput[];
}

export const planSlotField = (weekday: number, slot: number, field: string) =>
	`s${weekday}_${slot}_${field}`;

const salary = optionalString.transform((v, ctx) => {
	if (v === '') return null;
	const cleaned = v.replace(/^£/, '').replace(/,/g, '').trim();
	if (!/^\d{1,7}(\.\d{1,2})?$/.test(cleaned)) {
		ctx.addIssue({ code: 'custom', message: 'Enter a yearly salary in pounds, like 96000.' });
		return z.NEVER;
	}
	const pence = Math.round(Number(cleaned) * 100);
	if (pence < 20_000_00 || pence > 400_000_00) {
		ctx.addIssue({
			code: 'custom',
			message: 'Enter the full-time salary for a year, between £20,000 and £400,000.'
		});
		return z.NEVER;
	}
	return pence;
});

/**
 * A planned session given no activity minutes is consulting with this share of admin: 70 of a
 * standard session's 250 minutes (180 + 70), above the 1 h per 3 h clinical of DESIGN §2.
 */
export const PLANNED_ADMIN_SHARE = 0.28;

/** The admin minutes of a planned session of `span` minutes given no activity minutes. */
export function plannedAdminMinutes(span: number): number {
	return Math.round(span * PLANNED_ADMIN_SHARE);
}

/**
 * The weekly pattern editor posts fixed slots (s{weekday}_{slot}_type/start/end/act_*). A slot with
 * a type is planned; an empty end is a standard 4 h 10 min session, an empty start the slot's usual
 * start; with no activity minutes the session is planned as consulting with `PLANNED_ADMIN_SHARE`
 * of admin.
 */
export const jobPlanSchema = z
	.object({
		workplaceId: uuid,
		effectiveFrom: isoDate,
		salary
	})
	.passthrough()
	.transform((raw, ctx): JobPlanInput => {
		const r = raw as Record<string, unknown>;
		const text = (key: string) => (typeof r[key] === 'string' ? (r[key] as string).trim() : '');
		const sessions: PlanSessionInput[] = [];
		for (let weekday = 1; weekday <= 7; weekday++) {
			for (let slot = 0; slot < PLAN_SLOTS_PER_DAY; slot++) {
				const field = (name: string) => planSlotField(weekday, slot, name);
				const type = text(field('type'));
				if (!type) continue;
				if (!(WORKING_SESSION_TYPES as readonly string[]).includes(type)) {
					ctx.addIssue({
						code: 'custom',
						path: [field('type')],
						message: 'Choose a session type.'
					});
					continue;
				}
				const start = text(field('start')) || PLAN_SLOT_STARTS[slot] || '08:30';
				if (!TIME.test(start)) {
					ctx.addIssue({
						code: 'custom',
						path: [field('start')],
						message: 'Enter a time like 08:30.'
					});
					continue;
				}
				const end = text(field('end')) || addClockMinutes(start, STANDARD_SESSION_MINUTES);
				if (!TIME.test(end)) {
					ctx.addIssue({
						code: 'custom',
						path: [field('end')],
						message: 'Enter a time like 12:40.'
					});
					continue;
				}
				if (end === start) {
					ctx.addIssue({
						code: 'custom',
						path: [field('end')],
						message: 'The end must be after the start.'
					});
					continue;
				}
				const span = spanMinutes(start, end);
				if (span > MAX_SESSION_MINUTES) {
					ctx.addIssue({
						code: 'custom',
						path: [field('end')],
						message: `A planned session can be at most ${MAX_SESSION_MINUTES / 60} hours.`
					});
					continue;
				}
				const activities = {} as Record<ActivityKind, number>;
				let bad = false;
				for (const kind of ACTIVITY_KINDS) {
					const value = text(field(`act_${kind}`));
					if (value === '') activities[kind] = 0;
					else if (!/^\d+$/.test(value) || Number(value) > MAX_ACTIVITY_MINUTES) {
						ctx.addIssue({
							code: 'custom',
							path: [field(`act_${kind}`)],
							message: 'Enter minutes as a whole number, 0 or more.'
						});
						bad = true;
					} else activities[kind] = Number(value);
				}
				if (bad) continue;
				const total = ACTIVITY_KINDS.reduce((s, k) => s + activities[k], 0);
				if (total === 0) {
					activities.admin = plannedAdminMinutes(span);
					activities.consulting = span - activities.admin;
				} else if (total > span) {
					ctx.addIssue({
						code: 'custom',
						path: [field('act_consulting')],
						message: `The activity minutes add up to ${formatSpan(total)}, more than the session’s ${formatSpan(span)}.`
					});
					continue;
				}
				sessions.push({
					weekday: weekday as Weekday,
					start,
					end,
					sessionType: type as SessionType,
					activities
				});
			}
		}
		// Two sessions of one day may not overlap (the rules count overlapping planned time once).
		for (let weekday = 1; weekday <= 7; weekday++) {
			const day = sessions
				.filter((s) => s.weekday === weekday)
				.map((s) => ({
					from: clockMinutes(s.start),
					to: clockMinutes(s.start) + spanMinutes(s.start, s.end)
				}))
				.sort((a, b) => a.from - b.from);
			for (let i = 1; i < day.length; i++) {
				if (day[i].from < day[i - 1].to) {
					ctx.addIssue({
						code: 'custom',
						path: [planSlotField(weekday, 1, 'start')],
						message: 'The two sessions of this day overlap.'
					});
				}
			}
		}
		return {
			workplaceId: raw.workplaceId.toLowerCase(),
			effectiveFrom: raw.effectiveFrom,
			fullTimeSalaryPence: raw.salary,
			sessions
		};
	});

export const settingsSchema = z.object({
	contactLimit: optionalString.transform((v, ctx) => {
		if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > MAX_CONTACT_LIMIT) {
			ctx.addIssue({
				code: 'custom',
				message: `Enter a whole number from 1 to ${MAX_CONTACT_LIMIT}.`
			});
			return z.NEVER;
		}
		return Number(v);
	})
});

export const templateNameSchema = z
	.string({ error: 'Enter a name for the template.' })
	.trim()
	.min(1, 'Enter a name for the template.')
	.max(60, 'Use at most 60 characters.');

export const SESSION_TYPE_OPTIONS = SESSION_TYPES.map((value) => ({
	value,
	label: SESSION_TYPE_LABELS[value]
}));
