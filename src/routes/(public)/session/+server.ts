import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { accountTag } from '$lib/server/auth/session';

// Who is signed in on this browser, for the offline diary (src/lib/offline/account.ts): asked when
// a page opens, when the connection returns and when the tab is shown again, so changes queued by
// one account are never sent under another, and (through the X-Session-Tag header every answer
// carries) so the service worker drops the pages of a session that has ended.
export const GET: RequestHandler = ({ locals }) =>
	json(
		{ account: locals.user ? accountTag(locals.user.id) : null },
		{ headers: { 'Cache-Control': 'no-store' } }
	);
