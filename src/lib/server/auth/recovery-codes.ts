import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { toNumber, type Db } from '../db/index';
import { hashToken } from './crypto';
import * as clock from '../clock';

export const RECOVERY_CODE_COUNT = 10;

/**
 * 10 random bytes (80 bits) as lower-case base32 in four groups: `abcd-efgh-ijkl-mnop`. That is
 * too many to guess even from a stolen table of their SHA-256 digests, so a fast hash will do
 * (as for session tokens) and a sign-in can look a code up by its digest.
 */
export function generateRecoveryCode(): string {
	const bytes = new Uint8Array(10);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes).replace(/(.{4})(?=.)/g, '$1-');
}

/** Spaces, dashes and case do not matter when a code is typed back. */
export function normaliseRecoveryCode(code: string): string {
	return code.replace(/[\s-]/g, '').toLowerCase();
}

export function hashRecoveryCode(code: string): string {
	return hashToken(normaliseRecoveryCode(code));
}

/** A fresh set of codes, replacing any earlier ones; the codes are returned once, to be shown. */
export async function replaceRecoveryCodes(db: Db, userId: string): Promise<string[]> {
	const codes = Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode);
	await db.transaction().execute(async (trx) => {
		await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
		await trx
			.insertInto('recovery_codes')
			.values(codes.map((code) => ({ user_id: userId, code_hash: hashRecoveryCode(code) })))
			.execute();
	});
	return codes;
}

/** Uses a code up in the statement that finds it, so each code works exactly once. */
export async function useRecoveryCode(db: Db, userId: string, code: string): Promise<boolean> {
	const normalised = normaliseRecoveryCode(code);
	if (!/^[a-z2-7]{16}$/.test(normalised)) return false;
	const used = await db
		.updateTable('recovery_codes')
		.set({ used_at: clock.now() })
		.where('user_id', '=', userId)
		.where('code_hash', '=', hashToken(normalised))
		.where('used_at', 'is', null)
		.executeTakeFirst();
	return Number(used.numUpdatedRows) === 1;
}

export async function countUnusedRecoveryCodes(db: Db, userId: string): Promise<number> {
	const { n } = await db
		.selectFrom('recovery_codes')
		.select((eb) => eb.fn.countAll<number | string>().as('n'))
		.where('user_id', '=', userId)
		.where('used_at', 'is', null)
		.executeTakeFirstOrThrow();
	return toNumber(n);
}
