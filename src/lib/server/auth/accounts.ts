import type { Db } from '../db/index';
import type { DoctorKind, TokenPurpose } from '../db/schema';
import { queueEmail } from '../email';
import { generateToken, hashToken } from './crypto';
import { hashPassword, passwordProblem, spendVerificationTime, verifyPassword } from './password';
import { invalidateUserSessions } from './session';
import { deleteAllOwnSubmissions } from '../rates/submissions';
import { applyPendingGrants } from '../membership/admin';
import * as clock from '../clock';

const HOUR_MS = 60 * 60 * 1000;
export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
	verify_email: 48 * HOUR_MS,
	reset_password: 1 * HOUR_MS
};

/** How long a link of `purpose` works, in words for its email and the pages that mention it. */
export function describeTokenLifetime(purpose: TokenPurpose): string {
	const hours = TOKEN_LIFETIME_MS[purpose] / HOUR_MS;
	return hours === 1 ? 'one hour' : `${hours} hours`;
}

type Result<T, E extends string> =
	({ ok: true } & T) | { ok: false; error: E; field?: string; message: string };

export async function findUserByEmail(db: Db, email: string) {
	return db
		.selectFrom('users')
		.selectAll()
		.where('email', '=', email.toLowerCase())
		.executeTakeFirst();
}

export async function findUserById(db: Db, id: string) {
	return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function createAuthToken(
	db: Db,
	userId: string,
	purpose: TokenPurpose
): Promise<string> {
	const token = generateToken();
	// One live link per purpose: asking again makes earlier links stop working.
	await db
		.deleteFrom('auth_tokens')
		.where('user_id', '=', userId)
		.where('purpose', '=', purpose)
		.execute();
	await db
		.insertInto('auth_tokens')
		.values({
			id: hashToken(token),
			user_id: userId,
			purpose,
			expires_at: new Date(clock.nowMs() + TOKEN_LIFETIME_MS[purpose])
		})
		.execute();
	return token;
}

export type TokenProblem = 'invalid' | 'expired' | 'used';

/** Looks a link's token up without using it (to show the reset form, or why it cannot be used). */
export async function inspectAuthToken(db: Db, token: string, purpose: TokenPurpose) {
	const row = await db
		.selectFrom('auth_tokens')
		.selectAll()
		.where('id', '=', hashToken(token))
		.where('purpose', '=', purpose)
		.executeTakeFirst();
	if (!row) return { ok: false as const, problem: 'invalid' as TokenProblem };
	if (row.used_at) return { ok: false as const, problem: 'used' as TokenProblem };
	if (new Date(row.expires_at).getTime() <= clock.nowMs())
		return { ok: false as const, problem: 'expired' as TokenProblem };
	return { ok: true as const, userId: row.user_id };
}

/** Marks the token used in the same statement that checks it, so a link works exactly once. */
async function consumeAuthToken(db: Db, token: string, purpose: TokenPurpose) {
	const used = await db
		.updateTable('auth_tokens')
		.set({ used_at: clock.now() })
		.where('id', '=', hashToken(token))
		.where('purpose', '=', purpose)
		.where('used_at', 'is', null)
		.where('expires_at', '>', clock.now())
		.returning('user_id')
		.executeTakeFirst();
	if (used) return { ok: true as const, userId: used.user_id };
	const why = await inspectAuthToken(db, token, purpose);
	return { ok: false as const, problem: why.ok ? ('invalid' as TokenProblem) : why.problem };
}

export const TOKEN_PROBLEM_MESSAGES: Record<TokenPurpose, Record<TokenProblem, string>> = {
	verify_email: {
		invalid: 'This verification link is not valid. Sign in and ask for a new one.',
		expired: 'This verification link has expired. Sign in and ask for a new one.',
		used: 'This verification link has already been used. Your email is verified; sign in.'
	},
	reset_password: {
		invalid: 'This reset link is not valid. Ask for a new one below.',
		expired: `This reset link has expired (links last ${describeTokenLifetime('reset_password')}). Ask for a new one below.`,
		used: 'This reset link has already been used. Ask for a new one below if you still need it.'
	}
};

export async function sendVerificationEmail(
	db: Db,
	user: { id: string; email: string; name: string },
	origin: string
) {
	const token = await createAuthToken(db, user.id, 'verify_email');
	await queueEmail(db, {
		to: user.email,
		subject: 'Confirm your email for Sessional',
		text: `Hello ${user.name},\n\nConfirm your email address by opening this link (it works for ${describeTokenLifetime('verify_email')}):\n\n${origin}/verify-email?token=${token}\n\nIf you did not register for Sessional, ignore this email.\n`
	});
}

export interface RegisterInput {
	name: string;
	email: string;
	doctorKind: DoctorKind;
	password: string;
}

/**
 * Registers a new account, or, when the address already has one, tells its owner by email and
 * creates nothing. The caller answers both the same way (DESIGN §6; no account enumeration): the
 * password is hashed and one email is queued either way, so neither the page nor its timing says
 * which happened. Nobody is signed in by registering.
 */
export async function registerUser(
	db: Db,
	input: RegisterInput,
	origin: string
): Promise<Result<{ userId: string | null }, 'weak_password'>> {
	const problem = passwordProblem(input.password);
	if (problem) return { ok: false, error: 'weak_password', field: 'password', message: problem };
	const email = input.email.toLowerCase();
	const passwordHash = await hashPassword(input.password);
	const user = await db
		.insertInto('users')
		.values({ email, name: input.name, doctor_kind: input.doctorKind, password_hash: passwordHash })
		.onConflict((oc) => oc.column('email').doNothing())
		.returning(['id', 'email', 'name'])
		.executeTakeFirst();
	if (!user) {
		const owner = await findUserByEmail(db, email);
		if (owner) await sendAlreadyRegisteredEmail(db, owner, origin);
		return { ok: true, userId: null };
	}
	await sendVerificationEmail(db, user, origin);
	return { ok: true, userId: user.id };
}

async function sendAlreadyRegisteredEmail(
	db: Db,
	user: { email: string; name: string },
	origin: string
) {
	await queueEmail(db, {
		to: user.email,
		subject: 'Someone tried to register with your email',
		text: `Hello ${user.name},\n\nSomeone (perhaps you) tried to register for Sessional with this email address. You already have an account, so nothing has changed.\n\nSign in: ${origin}/login\nForgotten your password? ${origin}/reset-password\n\nIf it was not you, you can ignore this email.\n`
	});
}

export async function verifyEmail(db: Db, token: string) {
	const result = await consumeAuthToken(db, token, 'verify_email');
	if (!result.ok) return result;
	await markEmailVerified(db, result.userId);
	return result;
}

/** The address is proved: memberships waiting for it (a CSV import, DESIGN §5) apply now. */
async function markEmailVerified(db: Db, userId: string): Promise<void> {
	const updated = await db
		.updateTable('users')
		.set({ email_verified_at: clock.now() })
		.where('id', '=', userId)
		.where('email_verified_at', 'is', null)
		.executeTakeFirst();
	if (Number(updated.numUpdatedRows) > 0) await applyPendingGrants(db, userId);
}

/** The same answer whether or not the email has an account, and about the same time. */
export async function authenticate(db: Db, email: string, password: string) {
	const user = await findUserByEmail(db, email);
	if (!user) {
		await spendVerificationTime(password);
		return null;
	}
	return (await verifyPassword(user.password_hash, password)) ? user : null;
}

/** Sends a reset link when the account exists; says nothing either way. */
export async function requestPasswordReset(db: Db, email: string, origin: string): Promise<void> {
	const user = await findUserByEmail(db, email);
	if (!user) return;
	const token = await createAuthToken(db, user.id, 'reset_password');
	await queueEmail(db, {
		to: user.email,
		subject: 'Reset your Sessional password',
		text: `Hello ${user.name},\n\nSomeone (we hope you) asked to reset your Sessional password. Open this link within ${describeTokenLifetime('reset_password')} to choose a new one:\n\n${origin}/reset-password?token=${token}\n\nIf it was not you, ignore this email: your password stays as it is.\n`
	});
}

export async function resetPassword(
	db: Db,
	token: string,
	newPassword: string
): Promise<Result<{ userId: string }, 'weak_password' | TokenProblem>> {
	const problem = passwordProblem(newPassword);
	if (problem) return { ok: false, error: 'weak_password', field: 'password', message: problem };
	const used = await consumeAuthToken(db, token, 'reset_password');
	if (!used.ok) {
		return {
			ok: false,
			error: used.problem,
			field: 'token',
			message: TOKEN_PROBLEM_MESSAGES.reset_password[used.problem]
		};
	}
	await setPassword(db, used.userId, newPassword);
	// Following the emailed link proves the address, so it counts as verified too.
	await markEmailVerified(db, used.userId);
	return { ok: true, userId: used.userId };
}

/** Every session ends when the password changes; the caller signs this browser in again. */
export async function setPassword(db: Db, userId: string, password: string): Promise<void> {
	const passwordHash = await hashPassword(password);
	await db.transaction().execute(async (trx) => {
		await trx
			.updateTable('users')
			.set({ password_hash: passwordHash })
			.where('id', '=', userId)
			.execute();
		await invalidateUserSessions(trx, userId);
		// Outstanding reset links stop working; they are marked used so a click says why.
		await trx
			.updateTable('auth_tokens')
			.set({ used_at: clock.now() })
			.where('user_id', '=', userId)
			.where('purpose', '=', 'reset_password')
			.where('used_at', 'is', null)
			.execute();
	});
}

export async function changePassword(
	db: Db,
	userId: string,
	current: string,
	next: string
): Promise<Result<object, 'wrong_password' | 'weak_password'>> {
	const user = await findUserById(db, userId);
	if (!user || !(await verifyPassword(user.password_hash, current))) {
		return {
			ok: false,
			error: 'wrong_password',
			field: 'current',
			message: 'Your current password is not right.'
		};
	}
	const problem = passwordProblem(next);
	if (problem) return { ok: false, error: 'weak_password', field: 'password', message: problem };
	await setPassword(db, userId, next);
	return { ok: true };
}

export async function updateProfile(
	db: Db,
	userId: string,
	profile: { name: string; doctorKind: DoctorKind }
) {
	await db
		.updateTable('users')
		.set({ name: profile.name, doctor_kind: profile.doctorKind })
		.where('id', '=', userId)
		.execute();
}

/**
 * Deletes the account and, through ON DELETE CASCADE, everything that belongs to it: sessions,
 * tokens, memberships (and later diary entries); rate submissions by their contributor key.
 */
export async function deleteAccount(db: Db, userId: string): Promise<void> {
	await db.transaction().execute(async (trx) => {
		// Rate submissions hold no user id, only the contributor key, so no cascade reaches them.
		await deleteAllOwnSubmissions(trx, userId);
		await trx.deleteFrom('users').where('id', '=', userId).execute();
	});
}
