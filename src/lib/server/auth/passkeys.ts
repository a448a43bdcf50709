import {
	generateAuthenticationOptions,
	generateRegistrationOptions,
	verifyAuthenticationResponse,
	verifyRegistrationResponse,
	type AuthenticationResponseJSON,
	type AuthenticatorTransportFuture,
	type PublicKeyCredentialCreationOptionsJSON,
	type PublicKeyCredentialRequestOptionsJSON,
	type RegistrationResponseJSON
} from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import { toNumber, type Db } from '../db/index';
import type { WebAuthnPurpose } from '../db/tables/two-factor';
import { config } from '../config';
import * as clock from '../clock';

// Passkeys (WebAuthn, through @simplewebauthn/server) as a second factor: the password comes
// first, so a passkey need only prove the person holds the device (user presence); a device that
// also checks a PIN or fingerprint is welcome but not required.

export const PASSKEY_RP_NAME = 'Sessional';
/** How long a ceremony may take, from asking for its options to sending the answer. */
export const PASSKEY_CHALLENGE_LIFETIME_MS = 5 * 60 * 1000;

export interface RelyingParty {
	/** The site's host name: passkeys are bound to it. */
	id: string;
	/** The origin the browser must report in the signed client data. */
	origin: string;
}

/**
 * The relying party is the app's configured origin (ORIGIN, as a deployment sets it); a
 * development server without one is its request's origin.
 */
export function relyingParty(requestOrigin: string): RelyingParty {
	const origin = new URL(config().ORIGIN ?? requestOrigin).origin;
	return { id: new URL(origin).hostname, origin };
}

export interface Passkey {
	id: string;
	name: string;
	createdAt: Date;
	lastUsedAt: Date | null;
}

export async function listPasskeys(db: Db, userId: string): Promise<Passkey[]> {
	const rows = await db
		.selectFrom('passkey_credentials')
		.select(['id', 'name', 'created_at', 'last_used_at'])
		.where('user_id', '=', userId)
		.orderBy('created_at')
		.orderBy('id')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		name: r.name,
		createdAt: new Date(r.created_at),
		lastUsedAt: r.last_used_at === null ? null : new Date(r.last_used_at)
	}));
}

export async function countPasskeys(db: Db, userId: string): Promise<number> {
	const { n } = await db
		.selectFrom('passkey_credentials')
		.select((eb) => eb.fn.countAll<number | string>().as('n'))
		.where('user_id', '=', userId)
		.executeTakeFirstOrThrow();
	return toNumber(n);
}

const TRANSPORTS = new Set<AuthenticatorTransportFuture>([
	'ble',
	'cable',
	'hybrid',
	'internal',
	'nfc',
	'smart-card',
	'usb'
]);

function parseTransports(stored: string): AuthenticatorTransportFuture[] {
	return stored
		.split(',')
		.filter((t): t is AuthenticatorTransportFuture => TRANSPORTS.has(t as never));
}

async function credentialDescriptors(db: Db, userId: string) {
	const rows = await db
		.selectFrom('passkey_credentials')
		.select(['id', 'transports'])
		.where('user_id', '=', userId)
		.orderBy('created_at')
		.execute();
	return rows.map((r) => ({ id: r.id, transports: parseTransports(r.transports) }));
}

/** Keeps the ceremony's challenge for this session, replacing one started before. */
async function storeChallenge(
	db: Db,
	sessionId: string,
	purpose: WebAuthnPurpose,
	challenge: string
): Promise<void> {
	const expiresAt = new Date(clock.nowMs() + PASSKEY_CHALLENGE_LIFETIME_MS);
	await db
		.insertInto('webauthn_challenges')
		.values({ session_id: sessionId, purpose, challenge, expires_at: expiresAt })
		.onConflict((oc) =>
			oc.columns(['session_id', 'purpose']).doUpdateSet({ challenge, expires_at: expiresAt })
		)
		.execute();
}

/**
 * The session's challenge for `purpose`, removed in the statement that reads it, so each is
 * answered at most once (two racing answers cannot both find it); null when there is none or it
 * has expired.
 */
export async function takeChallenge(
	db: Db,
	sessionId: string,
	purpose: WebAuthnPurpose
): Promise<string | null> {
	const row = await db
		.deleteFrom('webauthn_challenges')
		.where('session_id', '=', sessionId)
		.where('purpose', '=', purpose)
		.returning(['challenge', 'expires_at'])
		.executeTakeFirst();
	if (!row || new Date(row.expires_at).getTime() <= clock.nowMs()) return null;
	return row.challenge;
}

/** The account's id as the authenticator keeps it: the UUID's 16 bytes, nothing personal. */
function userHandle(userId: string): Uint8Array<ArrayBuffer> {
	return new Uint8Array(Buffer.from(userId.replace(/-/g, ''), 'hex'));
}

/** Options for the browser to make a new passkey for this account (not one it already has). */
export async function startPasskeyRegistration(
	db: Db,
	user: { id: string; email: string; name: string },
	sessionId: string,
	rp: RelyingParty
): Promise<PublicKeyCredentialCreationOptionsJSON> {
	const options = await generateRegistrationOptions({
		rpName: PASSKEY_RP_NAME,
		rpID: rp.id,
		userName: user.email,
		userDisplayName: user.name,
		userID: userHandle(user.id),
		attestationType: 'none',
		excludeCredentials: await credentialDescriptors(db, user.id),
		authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
		timeout: PASSKEY_CHALLENGE_LIFETIME_MS
	});
	await storeChallenge(db, sessionId, 'register', options.challenge);
	return options;
}

export type PasskeyProblem = 'expired' | 'invalid' | 'unknown' | 'duplicate';

/**
 * Checks the browser's answer to the registration options against this session's challenge
 * and stores the new passkey under `name`. Never throws for a bad answer: whatever the library
 * refuses is 'invalid'.
 */
export async function finishPasskeyRegistration(
	db: Db,
	userId: string,
	sessionId: string,
	name: string,
	response: RegistrationResponseJSON,
	rp: RelyingParty
): Promise<{ ok: true; id: string } | { ok: false; problem: PasskeyProblem }> {
	const challenge = await takeChallenge(db, sessionId, 'register');
	if (!challenge) return { ok: false, problem: 'expired' };
	let credential;
	try {
		const verification = await verifyRegistrationResponse({
			response,
			expectedChallenge: challenge,
			expectedOrigin: rp.origin,
			expectedRPID: rp.id,
			requireUserVerification: false
		});
		if (!verification.verified) return { ok: false, problem: 'invalid' };
		credential = verification.registrationInfo.credential;
	} catch {
		return { ok: false, problem: 'invalid' };
	}
	const inserted = await db
		.insertInto('passkey_credentials')
		.values({
			id: credential.id,
			user_id: userId,
			public_key: isoBase64URL.fromBuffer(credential.publicKey),
			counter: credential.counter,
			transports: (credential.transports ?? []).filter((t) => TRANSPORTS.has(t)).join(','),
			name,
			created_at: clock.now()
		})
		.onConflict((oc) => oc.column('id').doNothing())
		.executeTakeFirst();
	if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1)
		return { ok: false, problem: 'duplicate' };
	return { ok: true, id: credential.id };
}

/** Options for the browser to sign in with one of this account's passkeys; null when it has none. */
export async function startPasskeyAuthentication(
	db: Db,
	userId: string,
	sessionId: string,
	rp: RelyingParty
): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
	const allowCredentials = await credentialDescriptors(db, userId);
	if (allowCredentials.length === 0) return null;
	const options = await generateAuthenticationOptions({
		rpID: rp.id,
		allowCredentials,
		userVerification: 'preferred',
		timeout: PASSKEY_CHALLENGE_LIFETIME_MS
	});
	await storeChallenge(db, sessionId, 'authenticate', options.challenge);
	return options;
}

/**
 * Checks a sign-in answer: this session's challenge, one of this account's passkeys (another
 * account's is 'unknown'), its signature, and a signature counter that has moved on since the
 * last use (a cloned authenticator replays an old count). The counter is moved in the statement
 * that checks it, so two answers racing with one count cannot both pass.
 */
export async function finishPasskeyAuthentication(
	db: Db,
	userId: string,
	sessionId: string,
	response: AuthenticationResponseJSON,
	rp: RelyingParty
): Promise<{ ok: true } | { ok: false; problem: PasskeyProblem }> {
	const challenge = await takeChallenge(db, sessionId, 'authenticate');
	if (!challenge) return { ok: false, problem: 'expired' };
	const row = await db
		.selectFrom('passkey_credentials')
		.select(['id', 'public_key', 'counter', 'transports'])
		.where('id', '=', response.id)
		.where('user_id', '=', userId)
		.executeTakeFirst();
	if (!row) return { ok: false, problem: 'unknown' };
	const storedCounter = Number(row.counter);
	let newCounter: number;
	try {
		const verification = await verifyAuthenticationResponse({
			response,
			expectedChallenge: challenge,
			expectedOrigin: rp.origin,
			expectedRPID: rp.id,
			credential: {
				id: row.id,
				publicKey: isoBase64URL.toBuffer(row.public_key),
				counter: storedCounter,
				transports: parseTransports(row.transports)
			},
			requireUserVerification: false
		});
		if (!verification.verified) return { ok: false, problem: 'invalid' };
		newCounter = verification.authenticationInfo.newCounter;
	} catch {
		return { ok: false, problem: 'invalid' };
	}
	const updated = await db
		.updateTable('passkey_credentials')
		.set({ counter: newCounter, last_used_at: clock.now() })
		.where('id', '=', row.id)
		.where('user_id', '=', userId)
		// An authenticator that keeps no counter always says 0; one that does must go up.
		.where((eb) => (newCounter === 0 ? eb('counter', '=', 0) : eb('counter', '<', newCounter)))
		.executeTakeFirst();
	if (Number(updated.numUpdatedRows) !== 1) return { ok: false, problem: 'invalid' };
	return { ok: true };
}

export async function findPasskey(db: Db, userId: string, passkeyId: string) {
	return db
		.selectFrom('passkey_credentials')
		.select(['id', 'name'])
		.where('user_id', '=', userId)
		.where('id', '=', passkeyId)
		.executeTakeFirst();
}
