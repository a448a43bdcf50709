import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/connection';

import { applySyncBatch } from '$lib/server/diary/sync';
import { syncBatchSchema } from '$lib/schemas/offline-sync';
import * as clock from '$lib/server/clock';
import { accountTag } from '$lib/server/auth/session';

// The phone's offline queue (src/lib/offline/queue.ts) posts here as JSON from the same origin,
// which SvelteKit's CSRF check lets through; a cross-site form cannot send a JSON body.
export const POST: RequestHandler = async ({ locals, request }) => {
	if (!locals.user) error(401, 'Sign in to sync your diary.');
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		error(400, 'Send the changes as JSON.');
	}
	const parsed = syncBatchSchema.safeParse(body);
	if (!parsed.success) error(400, 'Those changes are not in the expected form.');
	// Changes queued under another account are never applied to this one, whatever the browser does.
	if (parsed.data.account !== accountTag(locals.user.id)) {
		error(409, 'These changes were made under another account.');
	}
	const results = await applySyncBatch(getDb(), locals.user.id, parsed.data.changes, clock.today());
	return json({ results }, { headers: { 'Cache-Control': 'no-store' } });
};
