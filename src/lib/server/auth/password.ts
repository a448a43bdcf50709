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

/** Spends the time of one verification so unknown emails answer as slowly as known ones. */
let dummyHash: Promise<string> | undefined;
export async function spendVerificationTime(password: string): Promise<void> {
	dummyHash ??= hashPassword('not-a-real-password-' + Math.random());
	await verifyPassword(await dummyHash, password);
}
