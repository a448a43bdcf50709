import { json } from '@sveltejs/kit';
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/connection';
import { safeRedirectTarget } from '$lib/server/auth/guards';
import { hitActionLimit, subjectKey } from '$lib/server/auth/limits';
import { clearRateLimit, retryMessage } from '$lib/server/auth/rate-limit';
import { finishPasskeyAuthentication, relyingParty } from '$lib/server/auth/passkeys';
import { completeSecondFactor } from '$lib/server/auth/two-factor';
import { jsonMessage, readJsonBody } from '$lib/server/json-body';
import { passkeyAuthenticationSchema } from '$lib/schemas/auth';

const PROBLEMS = {
	expired: 'The passkey request has expired or was already used. Try the passkey again.',
	unknown: 'That passkey is not one of this account’s. Try another, or use a code.',
	invalid: 'That passkey could not be checked. Try again, or use a code.',
	duplicate: 'That passkey could not be checked. Try again, or use a code.'
} as const;

/**
 * The browser's answer to ./options. Counted against the same limit as codes and recovery codes
 * (per account and per address), so guessing cannot switch between them for more tries; on
 * success the session is signed in and sent where the code form would have sent it.
 */
export const POST: RequestHandler = async ({ locals, request, url, getClientAddress }) => {
	const pending = locals.secondFactorPending;
	if (!pending) return jsonMessage(401, 'Sign in with your password first.');
	const body = await readJsonBody(
		request,
		passkeyAuthenticationSchema,
		'That passkey’s answer could not be read. Try again, or use a code.'
	);
	if (!body.ok) return body.response;
	const db = getDb();
	const userId = pending.user.id;
	const limit = await hitActionLimit(db, 'two-factor', userId, getClientAddress());
	if (!limit.allowed) return jsonMessage(429, retryMessage('code', limit.retryAfterSeconds));
	const result = await finishPasskeyAuthentication(
		db,
		userId,
		pending.session.id,
		// The shape is checked by the schema; the signature and all inside, by @simplewebauthn/server.
		body.data.response as AuthenticationResponseJSON,
		relyingParty(url.origin)
	);
	if (!result.ok) return jsonMessage(400, PROBLEMS[result.problem]);
	await clearRateLimit(db, subjectKey('two-factor', userId));
	await completeSecondFactor(db, pending, 'passkey');
	return json(
		{ location: safeRedirectTarget(body.data.redirectTo, url.origin) },
		{ headers: { 'cache-control': 'no-store' } }
	);
};
