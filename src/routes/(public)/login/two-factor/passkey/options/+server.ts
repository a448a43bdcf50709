import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/connection';
import { relyingParty, startPasskeyAuthentication } from '$lib/server/auth/passkeys';
import { jsonMessage, readJsonBody } from '$lib/server/json-body';
import { passkeySignInOptionsSchema } from '$lib/schemas/auth';

// Only for a session that gave its password and owes its second factor: the options name the
// account's passkeys (allowCredentials), and the challenge is kept for this session alone.
export const POST: RequestHandler = async ({ locals, request, url }) => {
	const pending = locals.secondFactorPending;
	if (!pending) return jsonMessage(401, 'Sign in with your password first.');
	const body = await readJsonBody(request, passkeySignInOptionsSchema, 'Send an empty object.');
	if (!body.ok) return body.response;
	const options = await startPasskeyAuthentication(
		getDb(),
		pending.user.id,
		pending.session.id,
		relyingParty(url.origin)
	);
	if (!options)
		return jsonMessage(400, 'This account has no passkeys. Use a code or a recovery code.');
	return json(options, { headers: { 'cache-control': 'no-store' } });
};
