import { sql } from 'kysely';
import type { Db } from '../db/index';
import * as clock from '../clock';

export interface RateLimitResult {
	allowed: boolean;
	retryAfterSeconds: number;
}

/**
 * Counts one attempt against `key` in a fixed window kept in the database, so the limit holds
 * across server processes. One atomic upsert: no read-then-write race between instances.
 */
export async function hitRateLimit(
	db: Db,
	key: string,
	limit: number,
	windowMinutes: number
): Promise<RateLimitResult> {
	const windowMs = windowMinutes * 60_000;
	const now = clock.now();
	const freshEnd = new Date(now.getTime() + windowMs);
	const row = await db
		.insertInto('rate_limit_buckets')
		.values({ key, hits: 1, window_ends_at: freshEnd })
		.onConflict((oc) =>
			oc.column('key').doUpdateSet({
				hits: sql`case when rate_limit_buckets.window_ends_at <= ${now} then 1 else rate_limit_buckets.hits + 1 end`,
				window_ends_at: sql`case when rate_limit_buckets.window_ends_at <= ${now} then excluded.window_ends_at else rate_limit_buckets.window_ends_at end`
			})
		)
		.returning(['hits', 'window_ends_at'])
		.executeTakeFirstOrThrow();
	const retryAfterSeconds = Math.max(
		1,
		Math.ceil((new Date(row.window_ends_at).getTime() - now.getTime()) / 1000)
	);
	return { allowed: row.hits <= limit, retryAfterSeconds };
}

export async function clearRateLimit(db: Db, key: string): Promise<void> {
	await db.deleteFrom('rate_limit_buckets').where('key', '=', key).execute();
}

export function retryMessage(action: string, retryAfterSeconds: number): string {
	const minutes = Math.ceil(retryAfterSeconds / 60);
	return `Too many ${action} attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}
