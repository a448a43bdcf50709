// Offline logging (issue 9): applies a phone's queued diary changes in order. Each change carries
// a client-made id; the result of an applied change is logged under it, so a retried sync (the
// answer was lost when the signal dropped) returns the same result instead of applying it twice.
// An edit made against an older version of the entry is a conflict for the doctor to resolve,
// never a silent overwrite. Input is judged by the entry form's own zod schema.
import type { Db } from '../db/index';
import { fieldErrors } from '../forms';
import { entrySchema, entryToFormValues } from '../../schemas/diary';
import type { SyncChange, SyncResult } from '../../schemas/offline-sync';
import { createEntry, deleteEntry, findEntry, updateEntry } from './entries';

/** Thrown inside the change's transaction so nothing of a refused change is kept. */
class Refused extends Error {
	constructor(readonly result: SyncResult) {
		super(result.status);
	}
}

/** The entry's last change, as the edit form carries it in `baseUpdatedAt`. */
export async function findEntryUpdatedAt(
	db: Db,
	userId: string,
	id: string
): Promise<string | undefined> {
	const row = await db
		.selectFrom('worked_sessions')
		.select('updated_at')
		.where('id', '=', id)
		.where('user_id', '=', userId)
		.executeTakeFirst();
	return row && new Date(row.updated_at).toISOString();
}

async function applyChange(
	db: Db,
	userId: string,
	change: SyncChange,
	today: string
): Promise<SyncResult> {
	const { clientId } = change;
	if (change.op === 'delete') {
		if (!change.entryId || !(await deleteEntry(db, userId, change.entryId))) {
			return { clientId, status: 'not_found' };
		}
		return { clientId, status: 'applied', entryId: change.entryId, updatedAt: null };
	}
	const parsed = entrySchema(today).safeParse(change.fields);
	if (!parsed.success) {
		return { clientId, status: 'invalid', errors: fieldErrors(parsed.error) };
	}
	if (change.op === 'create') {
		const saved = await createEntry(db, userId, parsed.data);
		if (!saved.ok) return { clientId, status: 'invalid', errors: saved.errors };
		const updatedAt = await findEntryUpdatedAt(db, userId, saved.id);
		return { clientId, status: 'applied', entryId: saved.id, updatedAt: updatedAt ?? null };
	}
	const entryId = change.entryId;
	if (!entryId) return { clientId, status: 'invalid', errors: { form: 'Which entry?' } };
	// Lock the row so two devices syncing at once cannot both pass the version check.
	const current = await db
		.selectFrom('worked_sessions')
		.select('updated_at')
		.where('id', '=', entryId)
		.where('user_id', '=', userId)
		.forUpdate()
		.executeTakeFirst();
	if (!current) return { clientId, status: 'not_found' };
	const stored = new Date(current.updated_at).getTime();
	const base = change.baseUpdatedAt ? Date.parse(change.baseUpdatedAt) : NaN;
	if (base !== stored) {
		const entry = (await findEntry(db, userId, entryId))!;
		return {
			clientId,
			status: 'conflict',
			entryId,
			mine: change.fields,
			theirs: {
				id: entryId,
				updatedAt: new Date(stored).toISOString(),
				fields: entryToFormValues(entry)
			}
		};
	}
	const saved = await updateEntry(db, userId, entryId, parsed.data);
	if (!saved) return { clientId, status: 'not_found' };
	if (!saved.ok) return { clientId, status: 'invalid', errors: saved.errors };
	const updatedAt = await findEntryUpdatedAt(db, userId, entryId);
	return { clientId, status: 'applied', entryId, updatedAt: updatedAt ?? null };
}

/**
 * Applies the changes in order, each in its own transaction, and answers one result per change.
 * Only applied changes are logged: a refused or conflicting change stores nothing and is answered
 * the same way if sent again; its resolution goes as a new change with a new client id.
 */
export async function applySyncBatch(
	db: Db,
	userId: string,
	changes: SyncChange[],
	today: string
): Promise<SyncResult[]> {
	const results: SyncResult[] = [];
	for (const change of changes) {
		try {
			const result = await db.transaction().execute(async (trx) => {
				// Claim the client id first: a concurrent retry waits here, then finds it taken.
				const claimed = await trx
					.insertInto('diary_sync_log')
					.values({ user_id: userId, client_id: change.clientId, result: '{}' })
					.onConflict((oc) => oc.columns(['user_id', 'client_id']).doNothing())
					.returning('client_id')
					.executeTakeFirst();
				if (!claimed) {
					const logged = await trx
						.selectFrom('diary_sync_log')
						.select('result')
						.where('user_id', '=', userId)
						.where('client_id', '=', change.clientId)
						.executeTakeFirstOrThrow();
					return logged.result as unknown as SyncResult;
				}
				const applied = await applyChange(trx, userId, change, today);
				if (applied.status !== 'applied') throw new Refused(applied);
				await trx
					.updateTable('diary_sync_log')
					.set({ result: JSON.stringify(applied) })
					.where('user_id', '=', userId)
					.where('client_id', '=', change.clientId)
					.execute();
				return applied;
			});
			results.push(result);
		} catch (err) {
			if (err instanceof Refused) results.push(err.result);
			else throw err;
		}
	}
	return results;
}
