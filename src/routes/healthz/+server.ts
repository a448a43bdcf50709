import { json } from '@sveltejs/kit';
import { sql } from 'kysely';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/connection';

/** A database that does not answer in this time counts as down: a load balancer should not wait. */
const CHECK_TIMEOUT_MS = 3_000;

export const GET: RequestHandler = async ({ locals }) => {
	let timer: ReturnType<typeof setTimeout> | undefined;
	try {
		await Promise.race([
			sql`select 1`.execute(getDb()),
			new Promise((_, reject) => {
				timer = setTimeout(
					() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)),
					CHECK_TIMEOUT_MS
				);
			})
		]);
		return json({ status: 'ok', database: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
	} catch (err) {
		const reason =
			err instanceof Error
				? err.message
				: ((err as { body?: { message?: string } })?.body?.message ?? String(err));
		locals.log.error({ reason }, 'health check: database check failed');
		return json(
			{ status: 'unavailable', database: 'unreachable' },
			{ status: 503, headers: { 'Cache-Control': 'no-store', 'Retry-After': '5' } }
		);
	} finally {
		clearTimeout(timer);
	}
};
