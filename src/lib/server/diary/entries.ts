import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../db/index';
import type { WorkedSessionTable } from '../db/tables/diary';
import { planInForce } from '../../domain/diary-rules';
import type { EntryInput } from '../../schemas/diary';
import type { FieldErrors } from '../forms';
import { findWorkplace } from './workplaces';
import { isUuid } from '../../ids';
import { listJobPlans, type JobPlanRecord } from './job-plans';
import * as clock from '../clock';
import {
	ACTIVITY_KINDS,
	CONTACT_MODES,
	isNonWorking,
	type ActivityKind,
	type ContactMode,
	type SessionType,
	ADMIN_COUNT_KINDS,
	type AdminCountKind
} from '../../domain/vocabulary';
import { addDays, weekdayOf } from '../../domain/calendar';

export interface Entry extends EntryInput {
	id: string;
}

export type EntrySaveResult = { ok: true; id: string } | { ok: false; errors: FieldErrors };

type Row = Selectable<WorkedSessionTable>;

function toEntry(row: Row): Entry {
	return {
		id: row.id,
		date: row.date,
		workplaceId: row.workplace_id,
		sessionType: row.session_type as SessionType,
		start: row.start_time,
		finish: row.finish_time,
		breakMinutes: row.break_minutes,
		activities: Object.fromEntries(ACTIVITY_KINDS.map((k) => [k, row[`${k}_minutes`]])) as Record<
			ActivityKind,
			number
		>,
		contacts: Object.fromEntries(CONTACT_MODES.map((m) => [m, row[`contacts_${m}`]])) as Record<
			ContactMode,
			number
		>,
		adminCounts: Object.fromEntries(ADMIN_COUNT_KINDS.map((k) => [k, row[`admin_${k}`]])) as Record<
			AdminCountKind,
			number
		>,
		remoteOohMinutes: row.remote_ooh_minutes,
		notes: row.notes,
		feePence: row.fee_pence,
		feeBasis: row.fee_basis,
		feeExtrasPence: row.fee_extras_pence
	};
}

/** The worked_sessions row of an entry (also for the scale generator, which writes them in bulk). */
export function toRow(userId: string, input: EntryInput): Insertable<WorkedSessionTable> {
	return {
		user_id: userId,
		workplace_id: input.workplaceId,
		date: input.date,
		session_type: input.sessionType,
		start_time: input.start,
		finish_time: input.finish,
		break_minutes: input.breakMinutes,
		...Object.fromEntries(ACTIVITY_KINDS.map((k) => [`${k}_minutes`, input.activities[k]])),
		...Object.fromEntries(CONTACT_MODES.map((m) => [`contacts_${m}`, input.contacts[m]])),
		...Object.fromEntries(ADMIN_COUNT_KINDS.map((k) => [`admin_${k}`, input.adminCounts[k]])),
		remote_ooh_minutes: input.remoteOohMinutes,
		notes: input.notes,
		fee_pence: input.feePence,
		fee_basis: input.feeBasis,
		fee_extras_pence: input.feeExtrasPence
	};
}

/** The doctor's entries from `from` to `to` inclusive, by date and start. */
export async function findEntries(
	db: Db,
	userId: string,
	from: string,
	to: string
): Promise<Entry[]> {
	const rows = await db
		.selectFrom('worked_sessions')
		.selectAll()
		.where('user_id', '=', userId)
		.where('date', '>=', from)
		.where('date', '<=', to)
		.orderBy('date')
		.orderBy('start_time')
		.orderBy('created_at')
		.execute();
	return rows.map(toEntry);
}

export async function findAllEntries(db: Db, userId: string): Promise<Entry[]> {
	const rows = await db
		.selectFrom('worked_sessions')
		.selectAll()
		.where('user_id', '=', userId)
		.orderBy('date')
		.orderBy('start_time')
		.execute();
	return rows.map(toEntry);
}

/** Undefined for an unknown id and for another doctor's entry alike. */
export async function findEntry(db: Db, userId: string, id: string): Promise<Entry | undefined> {
	if (!isUuid(id)) return undefined;
	const row = await db
		.selectFrom('worked_sessions')
		.selectAll()
		.where('id', '=', id)
		.where('user_id', '=', userId)
		.executeTakeFirst();
	return row && toEntry(row);
}

async function checkWorkplace(db: Db, userId: string, workplaceId: string) {
	const workplace = await findWorkplace(db, userId, workplaceId);
	return workplace ? null : { workplaceId: 'Choose one of your workplaces.' };
}

export async function createEntry(
	db: Db,
	userId: string,
	input: EntryInput
): Promise<EntrySaveResult> {
	const errors = await checkWorkplace(db, userId, input.workplaceId);
	if (errors) return { ok: false, errors };
	const row = await db
		.insertInto('worked_sessions')
		.values(toRow(userId, input))
		.returning('id')
		.executeTakeFirstOrThrow();
	return { ok: true, id: row.id };
}

/** Null when the entry is not the doctor's. */
export async function updateEntry(
	db: Db,
	userId: string,
	id: string,
	input: EntryInput
): Promise<EntrySaveResult | null> {
	if (!(await findEntry(db, userId, id))) return null;
	const errors = await checkWorkplace(db, userId, input.workplaceId);
	if (errors) return { ok: false, errors };
	const { user_id: _owner, ...values } = toRow(userId, input);
	await db
		.updateTable('worked_sessions')
		.set({ ...values, updated_at: clock.now() } as Updateable<WorkedSessionTable>)
		.where('id', '=', id)
		.where('user_id', '=', userId)
		.execute();
	return { ok: true, id };
}

export async function deleteEntry(db: Db, userId: string, id: string): Promise<boolean> {
	if (!isUuid(id)) return false;
	const result = await db
		.deleteFrom('worked_sessions')
		.where('id', '=', id)
		.where('user_id', '=', userId)
		.executeTakeFirst();
	return Number(result.numDeletedRows) > 0;
}

/**
 * "Log as planned": one entry from a planned session of the plan in force on `date`, with the
 * plan's times, type and activity minutes and nothing else, for the doctor to adjust.
 */
export async function logAsPlanned(
	db: Db,
	userId: string,
	date: string,
	plannedSessionId: string,
	today: string
): Promise<EntrySaveResult> {
	const refused = (message: string): EntrySaveResult => ({ ok: false, errors: { form: message } });
	if (!isUuid(plannedSessionId)) return refused('That planned session was not found.');
	if (date > today) return refused('A session can be logged on or before today.');
	const owner = await db
		.selectFrom('job_plan_sessions')
		.innerJoin('job_plans', 'job_plans.id', 'job_plan_sessions.job_plan_id')
		.innerJoin('workplaces', 'workplaces.id', 'job_plans.workplace_id')
		.select('workplaces.id as workplaceId')
		.where('job_plan_sessions.id', '=', plannedSessionId)
		.where('workplaces.user_id', '=', userId)
		.executeTakeFirst();
	if (!owner) return refused('That planned session was not found.');
	const plans = await listJobPlans(db, userId, owner.workplaceId);
	const plan = planInForce(plans, date) as JobPlanRecord | null;
	const planned = plan?.sessions.find((s) => s.id === plannedSessionId);
	if (!planned || planned.weekday !== weekdayOf(date)) {
		return refused('That session is not in the job plan for this day.');
	}
	return createEntry(db, userId, {
		date,
		workplaceId: owner.workplaceId,
		sessionType: planned.sessionType,
		start: planned.start,
		finish: planned.end,
		breakMinutes: 0,
		activities: { ...planned.activities },
		contacts: Object.fromEntries(CONTACT_MODES.map((m) => [m, 0])) as Record<ContactMode, number>,
		adminCounts: Object.fromEntries(ADMIN_COUNT_KINDS.map((k) => [k, 0])) as Record<
			AdminCountKind,
			number
		>,
		remoteOohMinutes: 0,
		notes: null,
		feePence: null,
		feeBasis: null,
		feeExtrasPence: null
	});
}

export interface CopyResult {
	copied: number;
	/** Target dates left alone because they already had entries or are still to come. */
	skipped: string[];
}

/**
 * Copies each day's entries `days` days later: `copyDays(db, u, yesterday, yesterday, 1)` copies
 * yesterday to today, a week with 7. A target day that already has entries is left alone, so a
 * copy never doubles a day; work is not copied into days that have not come yet.
 */
export async function copyDays(
	db: Db,
	userId: string,
	from: string,
	to: string,
	days: number,
	today: string
): Promise<CopyResult> {
	return db.transaction().execute(async (trx) => {
		const source = await findEntries(trx, userId, from, to);
		const targets = await findEntries(trx, userId, addDays(from, days), addDays(to, days));
		const busy = new Set(targets.map((e) => e.date));
		const result: CopyResult = { copied: 0, skipped: [] };
		const byDate = new Map<string, Entry[]>();
		for (const entry of source) byDate.set(entry.date, [...(byDate.get(entry.date) ?? []), entry]);
		for (const [date, entries] of byDate) {
			const target = addDays(date, days);
			const future = target > today && entries.some((e) => !isNonWorking(e.sessionType));
			if (busy.has(target) || future) {
				result.skipped.push(target);
				continue;
			}
			await trx
				.insertInto('worked_sessions')
				.values(entries.map(({ id: _id, ...entry }) => toRow(userId, { ...entry, date: target })))
				.execute();
			result.copied += entries.length;
		}
		return result;
	});
}
