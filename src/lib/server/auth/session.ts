import { isHttpError, type Cookies } from '@sveltejs/kit';
import type { Db } from '../db/index';
import type { Role } from '../db/schema';
import { useSecureCookies } from '../config';
import { generateToken, hashToken } from './crypto';
import * as clock from '../clock';
import {
	NO_SESSION,
	SESSION_ENDED_HEADER,
	SESSION_TAG_HEADER
} from '../../offline/session-headers';

// The Lucia guide's database sessions: a random token in the cookie, its SHA-256 in the table.
const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
const RENEW_WHEN_LESS_THAN_MS = 15 * DAY_MS;
export const SESSION_COOKIE = 'session';

export interface SessionUser {
	id: string;
	email: string;
	name: string;
	doctorKind: string;
	role: Role;
	emailVerified: boolean;
	/**
	 * A confirmed authenticator app or a passkey: signing in takes one of them (or a recovery
	 * code) as well as the password.
	 */
	twoFactorEnabled: boolean;
}

export interface Session {
	id: string;
	userId: string;
	expiresAt: Date;
	/** The second factor was given in this session (or the account has none). */
	secondFactorVerified: boolean;
}

export interface SessionValidation {
	session: Session;
	user: SessionUser;
}

export const generateSessionToken = generateToken;

export async function createSession(
	db: Db,
	token: string,
	userId: string,
	userAgent: string | null = null,
	secondFactorVerified = false
): Promise<Session> {
	const session: Session = {
		id: hashToken(token),
		userId,
		expiresAt: new Date(clock.nowMs() + SESSION_LIFETIME_MS),
		secondFactorVerified
	};
	await db
		.insertInto('sessions')
		.values({
			id: session.id,
			user_id: userId,
			expires_at: session.expiresAt,
			user_agent: userAgent?.slice(0, 300) ?? null,
			created_at: clock.now(),
			second_factor_verified: secondFactorVerified
		})
		.execute();
	return session;
}

/**
 * Tidying and renewing sessions are writes a reading request makes in passing: on a full disk
 * (507, see db/storage.ts) they wait for a later request and this one is still served.
 */
function keepGoingWhenOutOfStorage(err: unknown): false {
	if (!isHttpError(err, 507)) throw err;
	return false;
}

export async function validateSessionToken(
	db: Db,
	token: string
): Promise<SessionValidation | null> {
	const sessionId = hashToken(token);
	const row = await db
		.selectFrom('sessions')
		.innerJoin('users', 'users.id', 'sessions.user_id')
		.leftJoin('totp_credentials', (join) =>
			join
				.onRef('totp_credentials.user_id', '=', 'sessions.user_id')
				.on('totp_credentials.confirmed_at', 'is not', null)
		)
		.select([
			'sessions.id',
			'sessions.user_id',
			'sessions.expires_at',
			'sessions.second_factor_verified',
			'totp_credentials.user_id as totp_user_id',
			(eb) =>
				eb
					.exists(
						eb
							.selectFrom('passkey_credentials')
							.select('passkey_credentials.id')
							.whereRef('passkey_credentials.user_id', '=', 'sessions.user_id')
					)
					.as('has_passkey'),
			'users.email',
			'users.name',
			'users.doctor_kind',
			'users.role',
			'users.email_verified_at'
		])
		.where('sessions.id', '=', sessionId)
		.executeTakeFirst();
	if (!row) return null;

	const now = clock.nowMs();
	let expiresAt = new Date(row.expires_at);
	if (now >= expiresAt.getTime()) {
		await db
			.deleteFrom('sessions')
			.where('id', '=', sessionId)
			.execute()
			.catch(keepGoingWhenOutOfStorage);
		return null;
	}
	// Sliding expiry: an active session is renewed once it is past half its life.
	if (expiresAt.getTime() - now < RENEW_WHEN_LESS_THAN_MS) {
		const renewed = new Date(now + SESSION_LIFETIME_MS);
		const updated = await db
			.updateTable('sessions')
			.set({ expires_at: renewed })
			.where('id', '=', sessionId)
			.execute()
			.then(() => true, keepGoingWhenOutOfStorage);
		if (updated) expiresAt = renewed;
	}
	return {
		session: {
			id: row.id,
			userId: row.user_id,
			expiresAt,
			secondFactorVerified: row.second_factor_verified
		},
		user: {
			id: row.user_id,
			email: row.email,
			name: row.name,
			doctorKind: row.doctor_kind,
			role: row.role,
			emailVerified: row.email_verified_at !== null,
			twoFactorEnabled: row.totp_user_id !== null || Boolean(row.has_passkey)
		}
	};
}

export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
	await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** The second factor has been given: the session is fully signed in from now on. */
export async function markSecondFactorVerified(db: Db, sessionId: string): Promise<void> {
	await db
		.updateTable('sessions')
		.set({ second_factor_verified: true })
		.where('id', '=', sessionId)
		.execute();
}

export async function invalidateUserSessions(db: Db, userId: string): Promise<void> {
	await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function listUserSessions(db: Db, userId: string) {
	return db
		.selectFrom('sessions')
		.select(['id', 'created_at', 'expires_at', 'user_agent'])
		.where('user_id', '=', userId)
		.where('expires_at', '>', clock.now())
		.orderBy('created_at', 'desc')
		.execute();
}

export function setSessionCookie(cookies: Cookies, token: string, expiresAt: Date): void {
	cookies.set(SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		secure: useSecureCookies(),
		// Max-Age, not Expires: the browser counts it from its own clock, so a server running on a
		// pinned date (SESSIONAL_TODAY) or with a skewed clock still gives the full lifetime.
		maxAge: Math.max(0, Math.floor((expiresAt.getTime() - clock.nowMs()) / 1000)),
		path: '/'
	});
}

export function deleteSessionCookie(cookies: Cookies): void {
	cookies.delete(SESSION_COOKIE, {
		httpOnly: true,
		sameSite: 'lax',
		secure: useSecureCookies(),
		path: '/'
	});
}

/**
 * Signs the user in on this browser: a fresh token every time, so a planted cookie is useless.
 * Unless `secondFactorVerified`, an account with a second factor is signed in only once it is
 * given (auth/two-factor.ts).
 */
export async function startSession(
	db: Db,
	cookies: Cookies,
	userId: string,
	userAgent: string | null,
	secondFactorVerified = false
): Promise<void> {
	const token = generateSessionToken();
	const session = await createSession(db, token, userId, userAgent, secondFactorVerified);
	setSessionCookie(cookies, token, session.expiresAt);
}

/**
 * What the browser may know of a session, for the offline diary (issue 14, F3): the service worker
 * keeps a doctor's pages under this tag and serves them only while the session with this tag is
 * the one signed in. A digest of the session id (itself a digest of the token), so it neither
 * signs anyone in nor leads back to the cookie.
 */
export function sessionTag(sessionId: string): string {
	return hashToken(`sessional:session-tag:${sessionId}`).slice(0, 32);
}

/** The account a queued offline change belongs to, as the browser keeps it: a digest, not the id. */
export function accountTag(userId: string): string {
	return hashToken(`sessional:account-tag:${userId}`).slice(0, 32);
}

/**
 * Marks an answer with the session it leaves this browser in. `before` is the cookie the request
 * came with, `after` the one the answer leaves (undefined once deleted). An answer that ends a
 * session says so, and asks the browser to clear what it keeps for this site: everything when the
 * person ended a live session here (sign-out, sign out everywhere, account deleted); only the HTTP
 * cache when the cookie was already dead (ended elsewhere or expired), so the app can first record,
 * without any diary content, how many unsent offline changes it removes for the doctor to be told.
 */
export function markSessionOnResponse(
	headers: Headers,
	before: string | null,
	after: string | undefined,
	wasLive: boolean
): void {
	headers.set(SESSION_TAG_HEADER, after ? sessionTag(hashToken(after)) : NO_SESSION);
	if (before && !after) {
		headers.set(SESSION_ENDED_HEADER, '1');
		headers.set('Clear-Site-Data', wasLive ? '"cache", "storage"' : '"cache"');
	}
}
