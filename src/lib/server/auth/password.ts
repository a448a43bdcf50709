import { hash, verify } from '@node-rs/argon2';
import commonPasswords from 'fxa-common-password-list';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../schemas/auth';

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane. Argon2id is the library default.
const ARGON2 = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
	return hash(password, ARGON2);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

/** A reason the password is refused, or null when it may be used. */
export function passwordProblem(password: string): string | null {
	if (password.length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
	if (password.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
	if (commonPasswords.test(password) || commonPasswords.test(password.toLowerCase()))
		return 'This password is on a list of commonly used passwords. Choose another.';
	return null;
}

/**
 * What an unknown email is checked against, so that it costs one verification, as a known email's
 * wrong password does (DESIGN §6: no account enumeration). A hash of a random password nobody
 * kept, made once with ARGON2 above: a verification against it does the same work as against any
 * stored hash, from the first request of a process on (a hash made on first use would cost the
 * first unknown email a hash and a verification). tests/integration/same-work.test.ts checks that
 * it has ARGON2's parameters and that a known and an unknown email run the same argon2 calls.
 */
export const DUMMY_PASSWORD_HASH =
	'$argon2id$v=19$m=19456,t=2,p=1$j8PSuO1OjZnjE8DiDVGCFw$wfROj2SAFMq/Gjy+apmhNgFO5aZ3imYCSzHBUq4JsSQ';

/** Does the work of one verification, for an email that has no account; the result is unused. */
export async function spendVerificationTime(password: string): Promise<void> {
	await verifyPassword(DUMMY_PASSWORD_HASH, password);
}
