import { json } from '@sveltejs/kit';
import { sql } from 'kysely';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/connection';

export const GET: RequestHandler = async () => {
	try {
		await sql`select 1`.execute(getDb());
		return json({ status: 'ok', database: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
	} catch (err) {
		console.error('[healthz] database check failed:', err instanceof Error ? err.message : err);
		return json(
			{ status: 'unavailable', database: 'unreachable' },
			{ status: 503, headers: { 'Cache-Control': 'no-store', 'Retry-After': '5' } }
		);
	}
};
