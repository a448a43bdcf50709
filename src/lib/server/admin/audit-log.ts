import type { Db } from '../db/index';
import { toNumber } from '../db/index';

export interface AuditFilter {
	action: string;
	actor: string;
	page: number;
	pageSize: number;
}

function escapeLike(text: string): string {
	return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The audit log, newest first, filtered by action and by a fragment of the actor's label. */
export async function listAuditEntries(db: Db, filter: AuditFilter) {
	let query = db.selectFrom('audit_log');
	if (filter.action) query = query.where('action', '=', filter.action);
	if (filter.actor) query = query.where('actor_label', 'ilike', `%${escapeLike(filter.actor)}%`);
	const [count, rows, actions] = await Promise.all([
		query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
		query
			.select(['id', 'actor_label', 'action', 'target', 'details', 'created_at'])
			.orderBy('created_at', 'desc')
			.orderBy('id', 'desc')
			.limit(filter.pageSize)
			.offset((filter.page - 1) * filter.pageSize)
			.execute(),
		db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute()
	]);
	const total = toNumber(count.n);
	return {
		total,
		page: filter.page,
		pages: Math.max(1, Math.ceil(total / filter.pageSize)),
		actions: actions.map((a) => a.action),
		entries: rows.map((r) => ({
			id: String(r.id),
			actor: r.actor_label,
			action: r.action,
			target: r.target,
			details: describeDetails(r.details),
			at: new Date(r.created_at).toISOString()
		}))
	};
}

/** Details as short "key: value" text; nested values as JSON. */
function describeDetails(details: Record<string, unknown>): string {
	return Object.entries(details ?? {})
		.filter(([, v]) => v !== null && v !== undefined)
		.map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
		.join('; ')
		.slice(0, 500);
}
