import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/connection';
import { rateAudienceFor } from '$lib/server/rates/audience';
import { latestSnapshot, readRateCells } from '$lib/server/rates/read';

/**
 * The map's figures: published snapshots only, shaped by role. The ETag names the snapshot and the
 * audience, so a browser revalidates cheaply and a member's answer is never served to anyone else.
 */
export const GET: RequestHandler = async ({ params, locals, request }) => {
	const db = getDb();
	const audience = await rateAudienceFor(db, locals.user);
	const snapshot = await latestSnapshot(db);
	const etag = `"rates-${params.category}-${snapshot?.id ?? 0}-${audience}"`;
	const headers = {
		ETag: etag,
		'Cache-Control': 'private, no-cache',
		Vary: 'Cookie'
	};
	if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
	const data =
		audience === 'member'
			? await readRateCells(db, params.category, 'member', snapshot)
			: await readRateCells(db, params.category, 'public', snapshot);
	if (!data) error(404, 'No such category of work.');
	return json({ audience, ...data }, { headers });
};
