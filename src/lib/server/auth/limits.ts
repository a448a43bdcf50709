import type { Db } from '../db/index';
import { config } from '../config';
import { clearRateLimit, hitRateLimit, type RateLimitResult } from './rate-limit';

export type LimitedAction =
	'sign-in' | 'two-factor' | 'register' | 'reset' | 'verify-resend' | 'rate-submit';

function limitFor(action: LimitedAction): number {
	const c = config();
	switch (action) {
		case 'sign-in':
		case 'two-factor':
			return c.RATE_LIMIT_SIGN_IN;
		case 'register':
			return c.RATE_LIMIT_REGISTER;
		case 'reset':
		case 'verify-resend':
			return c.RATE_LIMIT_RESET;
		case 'rate-submit':
			return c.RATE_LIMIT_SUBMISSIONS;
	}
}

/**
 * One attempt of `action` by `subject` (an email, so one account cannot be guessed at from many
 * places) and by the client address (with ten times the room, so a shared surgery network is not
 * locked out by one person). Refused when either is over its limit.
 */
export async function hitActionLimit(
	db: Db,
	action: LimitedAction,
	subject: string | null,
	clientAddress: string
): Promise<RateLimitResult> {
	const limit = limitFor(action);
	const window = config().RATE_LIMIT_WINDOW_MINUTES;
	const results = [await hitRateLimit(db, `${action}:ip:${clientAddress}`, limit * 10, window)];
	if (subject) results.push(await hitRateLimit(db, subjectKey(action, subject), limit, window));
	const refused = results.filter((r) => !r.allowed);
	return refused.length
		? { allowed: false, retryAfterSeconds: Math.max(...refused.map((r) => r.retryAfterSeconds)) }
		: { allowed: true, retryAfterSeconds: 0 };
}

export function subjectKey(action: LimitedAction, subject: string): string {
	return `${action}:subject:${subject}`;
}

/**
 * A successful sign-in gives back its attempt from the address's count, so a surgery's shared
 * connection is limited by failures, not by colleagues signing in; the email's count is cleared.
 */
export async function refundSignIn(db: Db, subject: string, clientAddress: string): Promise<void> {
	await db
		.updateTable('rate_limit_buckets')
		.set((eb) => ({ hits: eb('hits', '-', 1) }))
		.where('key', '=', `sign-in:ip:${clientAddress}`)
		.where('hits', '>', 0)
		.execute();
	await clearRateLimit(db, subjectKey('sign-in', subject));
}
