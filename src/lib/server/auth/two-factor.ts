import type { Db } from '../db/index';
import { recordAudit, type Actor } from '../audit';
import type { Session, SessionUser } from './session';
import { invalidateUserSessions, markSecondFactorVerified } from './session';
import { verifyPassword } from './password';
import { findUserById } from './accounts';
import { hasConfirmedTotp, verifyTotpCode } from './totp';
import { replaceRecoveryCodes, useRecoveryCode } from './recovery-codes';
import { countPasskeys, findPasskey } from './passkeys';

/**
 * What a signed-in session still lacks before it may go on:
 * - 'verify': the account has a second factor and this session has not given it yet; nothing but
 *   /login/two-factor treats it as signed in (hooks.server.ts);
 * - 'enrol': an administrator without a second factor; no admin page or action until one is set up;
 * - null: nothing.
 * One function, so the server hook and the admin guard ask the same question.
 */
export type SecondFactorNeed = 'verify' | 'enrol' | null;

export function requiresSecondFactor(
	user: Pick<SessionUser, 'role' | 'twoFactorEnabled'>,
	session: Pick<Session, 'secondFactorVerified'>
): SecondFactorNeed {
	if (user.twoFactorEnabled && !session.secondFactorVerified) return 'verify';
	if (user.role === 'admin' && !user.twoFactorEnabled) return 'enrol';
	return null;
}

/** A confirmed authenticator app or at least one passkey: signing in takes one of them. */
export async function hasSecondFactor(db: Db, userId: string): Promise<boolean> {
	return (await hasConfirmedTotp(db, userId)) || (await countPasskeys(db, userId)) > 0;
}

export const TWO_FACTOR_PAGE = '/login/two-factor';
export const TWO_FACTOR_SETUP_PAGE = '/account/two-factor';

/** Where a request that `need`s a second factor is sent, coming back to `returnTo` after. */
export function secondFactorRedirect(need: Exclude<SecondFactorNeed, null>, returnTo: string) {
	const page = need === 'verify' ? TWO_FACTOR_PAGE : TWO_FACTOR_SETUP_PAGE;
	return `${page}?redirectTo=${encodeURIComponent(returnTo)}`;
}

/**
 * Checks a second factor typed at sign-in or to turn it off: six digits are an authenticator
 * code, anything else a recovery code (used up if it is right).
 */
export async function checkSecondFactor(
	db: Db,
	userId: string,
	code: string
): Promise<'totp' | 'recovery' | null> {
	const trimmed = code.trim();
	if (/^\d[\d\s]*$/.test(trimmed))
		return (await verifyTotpCode(db, userId, trimmed)) ? 'totp' : null;
	return (await useRecoveryCode(db, userId, trimmed)) ? 'recovery' : null;
}

/** The second factor was given at sign-in: the session is signed in now. */
export async function completeSecondFactor(
	db: Db,
	pending: { session: Pick<Session, 'id'>; user: SessionUser },
	method: 'totp' | 'recovery' | 'passkey'
): Promise<void> {
	await markSecondFactorVerified(db, pending.session.id);
	if (method === 'recovery')
		await recordAudit(
			db,
			actorOf(pending.user),
			'two_factor.recovery_code_used',
			pending.user.email
		);
}

/**
 * Confirms the authenticator app with its first code: the key counts from now, this session has
 * given its second factor, and, when the account had no recovery codes yet (no earlier factor),
 * a first set is made (shown once). Other sessions of the account will be asked for a second
 * factor on their next request.
 */
export async function confirmTotpEnrolment(
	db: Db,
	actor: SessionUser,
	sessionId: string,
	code: string
): Promise<{ recoveryCodes: string[] | null } | null> {
	if (!(await verifyTotpCode(db, actor.id, code, { confirming: true }))) return null;
	await markSecondFactorVerified(db, sessionId);
	const recoveryCodes = await firstRecoveryCodes(db, actor.id);
	await recordAudit(db, actorOf(actor), 'two_factor.enable', actor.email);
	return { recoveryCodes };
}

/** A first set of recovery codes when the account has none (used or not); null when it has. */
async function firstRecoveryCodes(db: Db, userId: string): Promise<string[] | null> {
	const existing = await db
		.selectFrom('recovery_codes')
		.select('id')
		.where('user_id', '=', userId)
		.executeTakeFirst();
	return existing ? null : replaceRecoveryCodes(db, userId);
}

/**
 * A passkey was registered (auth/passkeys.ts) in this session: as with the authenticator app,
 * the session has given its second factor, recovery codes are made if the account had none,
 * and it is audited. Returns the new recovery codes, or null when the old ones stand.
 */
export async function completePasskeyEnrolment(
	db: Db,
	actor: SessionUser,
	sessionId: string,
	name: string
): Promise<string[] | null> {
	await markSecondFactorVerified(db, sessionId);
	const codes = await firstRecoveryCodes(db, actor.id);
	await recordAudit(db, actorOf(actor), 'two_factor.passkey_added', actor.email, { name });
	return codes;
}

export async function regenerateRecoveryCodes(db: Db, actor: SessionUser): Promise<string[]> {
	const codes = await replaceRecoveryCodes(db, actor.id);
	await recordAudit(db, actorOf(actor), 'two_factor.recovery_codes_replaced', actor.email);
	return codes;
}

export type DisableProblem = 'admin' | 'password' | 'code';

/**
 * Turns the authenticator app off, with the password and a current code (or an unused recovery
 * code), so a browser left signed in is not enough. An administrator may do so only while a
 * passkey remains (every administrator keeps a second factor). When it was the last factor the
 * recovery codes go too.
 */
export async function disableTwoFactor(
	db: Db,
	actor: SessionUser,
	password: string,
	code: string
): Promise<DisableProblem | null> {
	const passkeys = await countPasskeys(db, actor.id);
	if (actor.role === 'admin' && passkeys === 0) return 'admin';
	const user = await findUserById(db, actor.id);
	if (!user || !(await verifyPassword(user.password_hash, password))) return 'password';
	if (!(await checkSecondFactor(db, actor.id, code))) return 'code';
	if (passkeys === 0) await removeSecondFactor(db, actor.id);
	else await db.deleteFrom('totp_credentials').where('user_id', '=', actor.id).execute();
	await recordAudit(db, actorOf(actor), 'two_factor.disable', actor.email);
	return null;
}

export type RemovePasskeyProblem = 'admin' | 'password' | 'missing';

/**
 * Removes one of the account's passkeys, with the password. An administrator may not remove
 * their last second factor (the same rule as turning the app off); when a doctor removes their
 * last one, the recovery codes go too and signing in takes the password only.
 */
export async function removePasskey(
	db: Db,
	actor: SessionUser,
	passkeyId: string,
	password: string
): Promise<RemovePasskeyProblem | null> {
	const passkey = await findPasskey(db, actor.id, passkeyId);
	if (!passkey) return 'missing';
	const others =
		(await countPasskeys(db, actor.id)) - 1 + ((await hasConfirmedTotp(db, actor.id)) ? 1 : 0);
	if (actor.role === 'admin' && others === 0) return 'admin';
	const user = await findUserById(db, actor.id);
	if (!user || !(await verifyPassword(user.password_hash, password))) return 'password';
	await db
		.deleteFrom('passkey_credentials')
		.where('user_id', '=', actor.id)
		.where('id', '=', passkeyId)
		.execute();
	if (others === 0) await removeSecondFactor(db, actor.id);
	await recordAudit(db, actorOf(actor), 'two_factor.passkey_removed', actor.email, {
		name: passkey.name
	});
	return null;
}

/** Every second factor of the account: the app, its passkeys and its recovery codes. */
async function removeSecondFactor(db: Db, userId: string): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await trx.deleteFrom('totp_credentials').where('user_id', '=', userId).execute();
		await trx.deleteFrom('passkey_credentials').where('user_id', '=', userId).execute();
		await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
	});
}

/**
 * The CLI's recovery for someone who lost their app, their passkeys and their recovery codes:
 * every second factor is removed and every session ends; an administrator must set a new one up
 * at the next sign-in.
 */
export async function resetTwoFactor(db: Db, userId: string, email: string, actor: Actor) {
	await removeSecondFactor(db, userId);
	await invalidateUserSessions(db, userId);
	await recordAudit(db, actor, 'two_factor.reset', email);
}

function actorOf(user: SessionUser): Actor {
	return { id: user.id, label: user.email };
}
