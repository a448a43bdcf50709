import { z } from 'zod';
import type { Db } from '../db/index';
import type { EntryInput } from '../../schemas/diary';
import { createEntry, type EntrySaveResult } from './entries';
import { isUuid } from '../../ids';
import {
	ACTIVITY_KINDS,
	CONTACT_MODES,
	isNonWorking,
	type ActivityKind,
	type ContactMode,
	ADMIN_COUNT_KINDS,
	SESSION_TYPES
} from '../../domain/vocabulary';
import { RATE_BASES } from '../../domain/rate-units';

/** A named template keeps an entry's fields except its date. */
export type TemplateFields = Omit<EntryInput, 'date'>;

export interface Template {
	id: string;
	name: string;
	fields: TemplateFields;
}

const minutes = z.number().int().min(0).max(1440);
const record = <K extends string>(keys: readonly K[]) =>
	z.object(
		Object.fromEntries(keys.map((k) => [k, minutes.default(0)])) as unknown as Record<
			K,
			typeof minutes
		>
	);

// Stored as jsonb: read back through a schema so an old or damaged row cannot break a page.
const storedFields = z.object({
	workplaceId: z.string(),
	sessionType: z.enum(SESSION_TYPES),
	start: z.string().nullable(),
	finish: z.string().nullable(),
	breakMinutes: minutes,
	activities: record(ACTIVITY_KINDS),
	contacts: record(CONTACT_MODES),
	adminCounts: record(ADMIN_COUNT_KINDS),
	remoteOohMinutes: minutes,
	notes: z.string().nullable(),
	feePence: z.number().int().nullable(),
	feeBasis: z.enum(RATE_BASES).nullable(),
	feeExtrasPence: z.number().int().nullable()
});

function toTemplate(row: { id: string; name: string; fields: unknown }): Template | null {
	const parsed = storedFields.safeParse(row.fields);
	if (!parsed.success) return null;
	const f = parsed.data;
	return {
		id: row.id,
		name: row.name,
		fields: {
			...f,
			activities: f.activities as Record<ActivityKind, number>,
			contacts: f.contacts as Record<ContactMode, number>
		}
	};
}

export async function listTemplates(db: Db, userId: string): Promise<Template[]> {
	const rows = await db
		.selectFrom('diary_templates')
		.select(['id', 'name', 'fields'])
		.where('user_id', '=', userId)
		.orderBy('name')
		.execute();
	return rows.map(toTemplate).filter((t): t is Template => t !== null);
}

export async function findTemplate(db: Db, userId: string, id: string) {
	if (!isUuid(id)) return undefined;
	const row = await db
		.selectFrom('diary_templates')
		.select(['id', 'name', 'fields'])
		.where('id', '=', id)
		.where('user_id', '=', userId)
		.executeTakeFirst();
	return (row && toTemplate(row)) ?? undefined;
}

/** Saves (or replaces, by name) a template; the notes stay with the entry, not the template. */
export async function saveTemplate(
	db: Db,
	userId: string,
	name: string,
	fields: TemplateFields
): Promise<string> {
	const stored = JSON.stringify({ ...fields, notes: null });
	const row = await db
		.insertInto('diary_templates')
		.values({ user_id: userId, name, fields: stored })
		.onConflict((oc) => oc.columns(['user_id', 'name']).doUpdateSet({ fields: stored }))
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export async function deleteTemplate(db: Db, userId: string, id: string): Promise<boolean> {
	if (!isUuid(id)) return false;
	const result = await db
		.deleteFrom('diary_templates')
		.where('id', '=', id)
		.where('user_id', '=', userId)
		.executeTakeFirst();
	return Number(result.numDeletedRows) > 0;
}

/** One tap: an entry on `date` from a template (its workplace must still be the doctor's). */
export async function logFromTemplate(
	db: Db,
	userId: string,
	date: string,
	templateId: string,
	today: string
): Promise<EntrySaveResult> {
	const template = await findTemplate(db, userId, templateId);
	if (!template) return { ok: false, errors: { form: 'That template was not found.' } };
	if (date > today && !isNonWorking(template.fields.sessionType)) {
		return { ok: false, errors: { form: 'Work can be logged on or before today.' } };
	}
	const result = await createEntry(db, userId, { ...template.fields, date });
	return result.ok
		? result
		: { ok: false, errors: { form: 'The workplace of that template is no longer in your diary.' } };
}
