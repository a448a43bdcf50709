import type { Db } from './db/index';
import * as clock from './clock';

export interface Actor {
	id: string | null;
	label: string;
}

export const SYSTEM_ACTOR: Actor = { id: null, label: 'system' };

export interface AuditEntry {
	action: string;
	target: string | null;
	details: Record<string, unknown>;
}

/** The one writer of audit rows, stamped with the app's clock. */
export async function recordAudit(
	db: Db,
	actor: Actor,
	action: string,
	target: string | null = null,
	details: Record<string, unknown> = {}
): Promise<void> {
	await recordAudits(db, actor, [{ action, target, details }]);
}

/** Audit rows for many changes at once (a CSV import), in batches of one statement each. */
export async function recordAudits(db: Db, actor: Actor, entries: readonly AuditEntry[]) {
	const at = clock.now();
	for (let i = 0; i < entries.length; i += 500) {
		await db
			.insertInto('audit_log')
			.values(
				entries.slice(i, i + 500).map((e) => ({
					actor_user_id: actor.id,
					actor_label: actor.label,
					action: e.action,
					target: e.target,
					details: JSON.stringify(e.details),
					created_at: at
				}))
			)
			.execute();
	}
}
