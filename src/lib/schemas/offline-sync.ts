// Offline logging (issue 9): the shape of a queued diary change as the phone sends it to
// POST /diary/sync, and of the answer for each change. Shared by the endpoint and the browser queue.
import { z } from 'zod';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Most changes a single sync may carry; a phone offline for a week holds far fewer. */
const MAX_SYNC_BATCH = 100;

const syncChangeSchema = z.object({
	clientId: z.string().regex(UUID, 'A change needs a client id (a UUID).'),
	op: z.enum(['create', 'update', 'delete']),
	entryId: z.string().regex(UUID).optional(),
	/** The entry's updated_at (ISO) when the doctor started editing it: an update of a newer one conflicts. */
	baseUpdatedAt: z.string().max(40).optional(),
	/** The entry form's fields, exactly as the form would post them. */
	fields: z.record(z.string(), z.string().max(4000)).default({})
});
export type SyncChange = z.infer<typeof syncChangeSchema>;

export const syncBatchSchema = z.object({
	/** The account the changes were queued under (its tag): the server refuses them for any other. */
	account: z.string().regex(/^[0-9a-f]{32}$/, 'Say which account queued these changes.'),
	changes: z.array(syncChangeSchema).min(1).max(MAX_SYNC_BATCH)
});

/** The stored version of an entry, as the conflict screen shows it and the form posts it. */
export interface SyncEntryVersion {
	id: string;
	updatedAt: string;
	fields: Record<string, string>;
}

export type SyncResult =
	| { clientId: string; status: 'applied'; entryId: string; updatedAt: string | null }
	| {
			clientId: string;
			status: 'conflict';
			entryId: string;
			/** What the doctor sent, and what the server holds now. */
			mine: Record<string, string>;
			theirs: SyncEntryVersion;
	  }
	| { clientId: string; status: 'invalid'; errors: Record<string, string> }
	| { clientId: string; status: 'not_found' };
