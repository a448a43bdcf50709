import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/connection';
import { rateAudienceFor } from '$lib/server/rates/audience';
import { rateCellsResponse } from '$lib/server/rates/cache';
import { currentPublishedSnapshot, readPublished } from '$lib/server/rates/published';

/**
 * The map's figures: published snapshots only, shaped by role. The ETag names the snapshot and the
 * audience, so a browser revalidates cheaply and a member's answer is never served to anyone else.
 * The body is serialized (and gzipped) once per snapshot × category × audience (rates/cache.ts),
 * read on the replica when there is one that has the snapshot (rates/published.ts).
 */
export const GET: RequestHandler = async ({ params, locals, request }) => {
	// Category codes are lower-case words; anything else is unknown before it reaches a query or
	// a header (where control characters would be an error, not a 404).
	if (!/^[a-z_]{1,40}$/.test(params.category)) error(404, 'No such category of work.');
	const audience = await rateAudienceFor(getDb(), locals.user);
	const snapshot = await currentPublishedSnapshot();
	const etag = `"rates-${params.category}-${snapshot?.id ?? 0}-${audience}"`;
	const headers: Record<string, string> = {
		ETag: etag,
		'Cache-Control': 'private, no-cache',
		Vary: 'Cookie, Accept-Encoding'
	};
	if (request.headers.get('if-none-match') === etag)
		return new Response(null, { status: 304, headers });
	const answer = await readPublished(snapshot, (db) =>
		rateCellsResponse(db, params.category, audience, snapshot)
	);
	if (!answer) error(404, 'No such category of work.');
	headers['Content-Type'] = 'application/json';
	// adapter-node does not compress dynamic responses; the kept gzip costs nothing per request.
	if (/\bgzip\b/.test(request.headers.get('accept-encoding') ?? '')) {
		headers['Content-Encoding'] = 'gzip';
		return new Response(new Uint8Array(answer.gzip), { headers });
	}
	return new Response(answer.json, { headers });
};
