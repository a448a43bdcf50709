import { json } from '@sveltejs/kit';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/connection';
import { finishPasskeyRegistration, relyingParty } from '$lib/server/auth/passkeys';
import { completePasskeyEnrolment } from '$lib/server/auth/two-factor';
import { jsonMessage, readJsonBody } from '$lib/server/json-body';
import { passkeyRegistrationSchema } from '$lib/schemas/auth';

const PROBLEMS = {
	expired: 'The request to make a passkey has expired or was already used. Try again.',
	invalid: 'That passkey could not be checked, so it was not added. Try again.',
	unknown: 'That passkey could not be checked, so it was not added. Try again.',
	duplicate: 'That passkey is already registered.'
} as const;

/** The browser's answer to the options from ./options: checked, then kept under its name. */
export const POST: RequestHandler = async ({ locals, request, url }) => {
	const { user, session } = locals;
	if (!user || !session) return jsonMessage(401, 'Sign in to add a passkey.');
	const body = await readJsonBody(
		request,
		passkeyRegistrationSchema,
		'That passkey could not be read, so it was not added.'
	);
	if (!body.ok) return body.response;
	const db = getDb();
	const result = await finishPasskeyRegistration(
		db,
		user.id,
		session.id,
		body.data.name,
		// The shape is checked by the schema; what is inside, by @simplewebauthn/server.
		body.data.response as RegistrationResponseJSON,
		relyingParty(url.origin)
	);
	if (!result.ok) return jsonMessage(400, PROBLEMS[result.problem]);
	const recoveryCodes = await completePasskeyEnrolment(db, user, session.id, body.data.name);
	return json(
		{ name: body.data.name, recoveryCodes },
		{ headers: { 'cache-control': 'no-store' } }
	);
};
