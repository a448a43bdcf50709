import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/connection';

import { applySyncBatch } from '$lib/server/diary/sync';
import { jsonMessage, readJsonBody } from '$lib/server/json-body';
import { syncBatchSchema } from '$lib/schemas/offline-sync';
import * as clock from '$lib/server/clock';
import { accountTag } from '$lib/server/auth/session';

// The phone's offline queue (src/lib/offline/queue.ts) posts here as JSON from the same origin,
// which SvelteKit's CSRF check lets through; a cross-site form cannot send a JSON body.
export const POST: RequestHandler = async ({ locals, request }) => {
	if (!locals.user) return jsonMessage(401, 'Sign in to sync your diary.');
	const body = await readJsonBody(
		request,
		syncBatchSchema,
		'Those changes are not in the expected form.'
	);
	if (!body.ok) return body.response;
	// Changes queued under another account are never applied to this one, whatever the browser does.
	if (body.data.account !== accountTag(locals.user.id)) {
		return jsonMessage(409, 'These changes were made under another account.');
	}
	const results = await applySyncBatch(getDb(), locals.user.id, body.data.changes, clock.today());
	return json({ results }, { headers: { 'Cache-Control': 'no-store' } });
};
