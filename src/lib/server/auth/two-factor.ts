import type { Db } from '../db/index';
import { recordAudit, type Actor } from '../audit';
import type { Session, SessionUser } from './session';
import { invalidateUserSessions, markSecondFactorVerified } from './session';
import { verifyPassword } from './password';
import { findUserById } from './accounts';
import { verifyTotpCode } from './totp';
import { replaceRecoveryCodes, useRecoveryCode } from './recovery-codes';

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
	method: 'totp' | 'recovery'
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
 * given its second factor, and a first set of recovery codes is made (shown once). Other sessions
 * of the account will be asked for a code on their next request.
 */
export async function confirmTotpEnrolment(
	db: Db,
	actor: SessionUser,
	sessionId: string,
	code: string
): Promise<string[] | null> {
	if (!(await verifyTotpCode(db, actor.id, code, { confirming: true }))) return null;
	await markSecondFactorVerified(db, sessionId);
	const codes = await replaceRecoveryCodes(db, actor.id);
	await recordAudit(db, actorOf(actor), 'two_factor.enable', actor.email);
	return codes;
}

export async function regenerateRecoveryCodes(db: Db, actor: SessionUser): Promise<string[]> {
	const codes = await replaceRecoveryCodes(db, actor.id);
	await recordAudit(db, actorOf(actor), 'two_factor.recovery_codes_replaced', actor.email);
	return codes;
}

export type DisableProblem = 'admin' | 'password' | 'code';

/**
 * Turns the second factor off: only for doctors (every administrator must keep one), and only with
 * the password and a current code (or an unused recovery code), so a browser left signed in is
 * not enough.
 */
export async function disableTwoFactor(
	db: Db,
	actor: SessionUser,
	password: string,
	code: string
): Promise<DisableProblem | null> {
	if (actor.role === 'admin') return 'admin';
	const user = await findUserById(db, actor.id);
	if (!user || !(await verifyPassword(user.password_hash, password))) return 'password';
	if (!(await checkSecondFactor(db, actor.id, code))) return 'code';
	await removeSecondFactor(db, actor.id);
	await recordAudit(db, actorOf(actor), 'two_factor.disable', actor.email);
	return null;
}

async function removeSecondFactor(db: Db, userId: string): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await trx.deleteFrom('totp_credentials').where('user_id', '=', userId).execute();
		await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
	});
}

/**
 * The CLI's recovery for someone who lost both their app and their recovery codes: the second
 * factor is removed and every session ends; an administrator must set a new one up at the next
 * sign-in.
 */
export async function resetTwoFactor(db: Db, userId: string, email: string, actor: Actor) {
	await removeSecondFactor(db, userId);
	await invalidateUserSessions(db, userId);
	await recordAudit(db, actor, 'two_factor.reset', email);
}

function actorOf(user: SessionUser): Actor {
	return { id: user.id, label: user.email };
}
