import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/connection';
import { relyingParty, startPasskeyRegistration } from '$lib/server/auth/passkeys';
import { jsonMessage, readJsonBody } from '$lib/server/json-body';
import { passkeyOptionsSchema } from '$lib/schemas/auth';

// The account page's script asks here for the options to make a passkey (the name is checked
// now, before the person is asked to touch their device), then posts the answer to ../passkeys.
export const POST: RequestHandler = async ({ locals, request, url }) => {
	const { user, session } = locals;
	if (!user || !session) return jsonMessage(401, 'Sign in to add a passkey.');
	const body = await readJsonBody(request, passkeyOptionsSchema, 'Check the passkey’s name.');
	if (!body.ok) return body.response;
	const options = await startPasskeyRegistration(
		getDb(),
		user,
		session.id,
		relyingParty(url.origin)
	);
	return json(options, { headers: { 'cache-control': 'no-store' } });
};
