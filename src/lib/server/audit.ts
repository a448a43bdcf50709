import type { Db } from './db/index';
import * as clock from './clock';

export interface Actor {
	id: string | null;
	label: string;
}

export const SYSTEM_ACTOR: Actor = { id: null, label: 'system' };

export async function recordAudit(
	db: Db,
	actor: Actor,
	action: string,
	target: string | null = null,
	details: Record<string, unknown> = {}
): Promise<void> {
	await db
		.insertInto('audit_log')
		.values({
			actor_user_id: actor.id,
			actor_label: actor.label,
			action,
			target,
			details: JSON.stringify(details),
			created_at: clock.now()
		})
		.execute();
}
