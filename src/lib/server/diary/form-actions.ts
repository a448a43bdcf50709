// The diary's form actions, shared by /diary and /diary/[date]: parse with zod, store through the
// query modules, and on failure return the messages with what the doctor typed.
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { requireUser } from '../auth/guards';
import { getDb } from '../db/connection';
import { invalid, parseForm } from '../forms';

import { DATE_RANGE_MESSAGE, readDate, addDays, spanMinutes } from '../../domain/calendar';
import { dateField } from '../../schemas/dates';
import { entrySchema, templateNameSchema, type EntryInput } from '../../schemas/diary';
import type { RateCategory } from '../../domain/rate-units';
import { copyDays, createEntry, deleteEntry, logAsPlanned, updateEntry } from './entries';
import { logFromTemplate, saveTemplate } from './templates';
import { findWorkplace, type Workplace } from './workplaces';
import { mondayOf } from './week';
import * as clock from '../clock';

const RATE_CATEGORY_OF: Partial<Record<EntryInput['sessionType'], RateCategory>> = {
	surgery: 'in_hours_session',
	duty_doctor: 'duty_doctor',
	extended_access: 'extended_access',
	out_of_hours: 'out_of_hours',
	remote: 'remote'
};

/** The rate submission form, pre-filled from a locum entry (DESIGN §2, "also share this rate"). */
function rateShareUrl(entry: EntryInput, workplace: Workplace): string {
	const params = new URLSearchParams();
	const category = RATE_CATEGORY_OF[entry.sessionType];
	if (category) params.set('category', category);
	params.set('workMonth', entry.date.slice(0, 7));
	if (workplace.areaCode) params.set('areaCode', workplace.areaCode);
	if (entry.feePence !== null) params.set('amount', (entry.feePence / 100).toFixed(2));
	if (entry.feeBasis) params.set('basis', entry.feeBasis);
	if (entry.start && entry.finish) {
		const minutes = spanMinutes(entry.start, entry.finish) - entry.breakMinutes;
		params.set('hoursWorked', String(Math.round((minutes / 60) * 100) / 100));
		params.set('start', entry.start);
		params.set('finish', entry.finish);
	}
	const contacts = Object.values(entry.contacts).reduce((s, n) => s + n, 0);
	if (contacts > 0) params.set('bookedContacts', String(contacts));
	return `/rates/submit?${params}`;
}

/** The day a button posts (a hidden field); a message for the form when it cannot be read. */
function postedDate(form: FormData): { date: string } | { problem: string } {
	const reading = readDate(String(form.get('date') ?? '').trim());
	if (reading.ok) return { date: reading.date };
	return { problem: reading.problem === 'range' ? DATE_RANGE_MESSAGE : 'That date is not valid.' };
}

export async function saveEntryAction(event: RequestEvent) {
	const user = requireUser(event);
	const form = await event.request.formData();
	const parsed = parseForm(entrySchema(clock.today()), form);
	const templateName = String(form.get('templateName') ?? '').trim();
	const nameCheck = templateName ? templateNameSchema.safeParse(templateName) : null;
	if (!parsed.ok || (nameCheck && !nameCheck.success)) {
		const errors = parsed.ok ? {} : parsed.errors;
		if (nameCheck && !nameCheck.success) errors.templateName = nameCheck.error.issues[0].message;
		return invalid(form, errors);
	}
	const db = getDb();
	const id = String(form.get('id') ?? '');
	const result = id
		? await updateEntry(db, user.id, id, parsed.data)
		: await createEntry(db, user.id, parsed.data);
	if (result === null) error(404, 'That entry was not found.');
	if (!result.ok) return invalid(form, result.errors);
	if (templateName) {
		const { date: _date, ...fields } = parsed.data;
		await saveTemplate(db, user.id, templateName, fields);
	}
	if (form.get('shareRate') === 'on' && parsed.data.feePence !== null) {
		const workplace = await findWorkplace(db, user.id, parsed.data.workplaceId);
		if (workplace) redirect(303, rateShareUrl(parsed.data, workplace));
	}
	// Today's session lands back on the top of the diary, where today's totals and flags are.
	const date = parsed.data.date;
	redirect(
		303,
		date === clock.today() ? '/diary?saved=1' : `/diary?week=${date}&saved=1#day-${date}`
	);
}

export async function deleteEntryAction(event: RequestEvent) {
	const user = requireUser(event);
	const form = await event.request.formData();
	const posted = postedDate(form);
	if ('problem' in posted) return invalid(form, { form: posted.problem });
	const { date } = posted;
	const deleted = await deleteEntry(getDb(), user.id, String(form.get('id') ?? ''));
	if (!deleted) error(404, 'That entry was not found.');
	redirect(303, `/diary/${date}?deleted=1`);
}

export async function logPlannedAction(event: RequestEvent) {
	const user = requireUser(event);
	const form = await event.request.formData();
	const posted = postedDate(form);
	if ('problem' in posted) return invalid(form, { form: posted.problem });
	const { date } = posted;
	const result = await logAsPlanned(
		getDb(),
		user.id,
		date,
		String(form.get('slot') ?? ''),
		clock.today()
	);
	if (!result.ok) return invalid(form, result.errors);
	redirect(303, `/diary/${date}?entry=${result.id}&logged=1#entry-form`);
}

export async function logTemplateAction(event: RequestEvent) {
	const user = requireUser(event);
	const form = await event.request.formData();
	const posted = postedDate(form);
	if ('problem' in posted) return invalid(form, { form: posted.problem });
	const { date } = posted;
	const result = await logFromTemplate(
		getDb(),
		user.id,
		date,
		String(form.get('template') ?? ''),
		clock.today()
	);
	if (!result.ok) return invalid(form, result.errors);
	redirect(303, `/diary/${date}?entry=${result.id}&logged=1#entry-form`);
}

const copySchema = z.object({
	kind: z.enum(['day', 'week'], { error: 'Choose what to copy.' }),
	date: dateField({ shape: 'Choose what to copy.' })
});

/** Copy yesterday to the given day, or the week before to the week holding the given day. */
export async function copyAction(event: RequestEvent) {
	const user = requireUser(event);
	const form = await event.request.formData();
	const parsed = parseForm(copySchema, form);
	// The day is a hidden field, so its message (a far date's range) is the form's.
	if (!parsed.ok) return invalid(form, { form: parsed.errors.kind ?? parsed.errors.date });
	const { kind, date } = parsed.data;
	const today = clock.today();
	const result =
		kind === 'day'
			? await copyDays(getDb(), user.id, addDays(date, -1), addDays(date, -1), 1, today)
			: await copyDays(
					getDb(),
					user.id,
					addDays(mondayOf(date), -7),
					addDays(mondayOf(date), -1),
					7,
					today
				);
	return { copied: { kind, ...result } };
}
