import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { createTOTPKeyURI, verifyHOTP } from '@oslojs/otp';
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import type { Db } from '../db/index';
import { contributorSecret } from '../rates/contributor';
import * as clock from '../clock';

// The Lucia guide's TOTP: a 20-byte key, 30-second steps, 6 digits (what every authenticator app
// expects by default). A code is accepted one step either side of now, for a phone's clock drift.
export const TOTP_KEY_BYTES = 20;
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
const TOTP_WINDOW_STEPS = 1;
export const TOTP_ISSUER = 'Sessional';

export function generateTotpKey(): Uint8Array {
	return new Uint8Array(randomBytes(TOTP_KEY_BYTES));
}

/** The key as people type it into an app: upper-case base32 in groups of four. */
export function formatTotpKey(key: Uint8Array): string {
	return encodeBase32UpperCaseNoPadding(key).replace(/(.{4})(?=.)/g, '$1 ');
}

/** Reads a key typed or printed in base32, with or without spaces. */
export function parseTotpKey(text: string): Uint8Array {
	return decodeBase32IgnorePadding(text.replace(/[\s-]/g, '').toUpperCase());
}

export function totpKeyUri(accountName: string, key: Uint8Array): string {
	return createTOTPKeyURI(TOTP_ISSUER, accountName, key, TOTP_PERIOD_SECONDS, TOTP_DIGITS);
}

export function totpStep(atMs: number): number {
	return Math.floor(atMs / (TOTP_PERIOD_SECONDS * 1000));
}

/**
 * The step whose code `code` is, within one step of `atMs`, and later than `lastUsedStep` (a code
 * already accepted is refused for the rest of its window, so one seen over a shoulder or in a
 * proxy log cannot be replayed); null when none matches.
 */
export function matchTotpStep(
	key: Uint8Array,
	code: string,
	atMs: number,
	lastUsedStep: number | null
): number | null {
	const digits = code.replace(/\s/g, '');
	if (!new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(digits)) return null;
	const now = totpStep(atMs);
	for (let step = now - TOTP_WINDOW_STEPS; step <= now + TOTP_WINDOW_STEPS; step++) {
		if (lastUsedStep !== null && step <= lastUsedStep) continue;
		if (verifyHOTP(key, BigInt(step), TOTP_DIGITS, digits)) return step;
	}
	return null;
}

// Keys are kept encrypted so a copy of the database alone gives nobody the codes. The encryption
// key is derived from the server's one kept secret (rates/contributor.ts) for this use only.
function encryptionKey(): Buffer {
	return createHmac('sha256', contributorSecret()).update('sessional:totp-key:v1').digest();
}

export function encryptTotpKey(key: Uint8Array): string {
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', encryptionKey(), iv);
	const body = Buffer.concat([cipher.update(key), cipher.final()]);
	return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64')).join('.');
}

export function decryptTotpKey(stored: string): Uint8Array {
	const [iv, tag, body] = stored.split('.').map((part) => Buffer.from(part, 'base64'));
	const decipher = createDecipheriv('aes-256-gcm', encryptionKey(), iv);
	decipher.setAuthTag(tag);
	return new Uint8Array(Buffer.concat([decipher.update(body), decipher.final()]));
}

/**
 * The key the person is setting up: the same one on every visit until it is confirmed, so a QR
 * code already scanned stays good when the page is reloaded.
 */
export async function startTotpEnrolment(db: Db, userId: string): Promise<Uint8Array | null> {
	const existing = await db
		.selectFrom('totp_credentials')
		.select(['key_ciphertext', 'confirmed_at'])
		.where('user_id', '=', userId)
		.executeTakeFirst();
	if (existing?.confirmed_at) return null;
	if (existing) return decryptTotpKey(existing.key_ciphertext);
	const key = generateTotpKey();
	await db
		.insertInto('totp_credentials')
		.values({ user_id: userId, key_ciphertext: encryptTotpKey(key) })
		.onConflict((oc) => oc.column('user_id').doNothing())
		.execute();
	return key;
}

/** Stores a known, already confirmed key (the demo administrator's; see scripts/seed/demo.ts). */
export async function setConfirmedTotpKey(db: Db, userId: string, key: Uint8Array): Promise<void> {
	await db
		.insertInto('totp_credentials')
		.values({ user_id: userId, key_ciphertext: encryptTotpKey(key), confirmed_at: clock.now() })
		.onConflict((oc) =>
			oc
				.column('user_id')
				.doUpdateSet({ key_ciphertext: encryptTotpKey(key), confirmed_at: clock.now() })
		)
		.execute();
}

/**
 * Checks a code against the account's key (confirmed, or pending when `confirming`) and records
 * its step in the same statement that checks the step is new, so two requests racing with one
 * code cannot both pass.
 */
export async function verifyTotpCode(
	db: Db,
	userId: string,
	code: string,
	{ confirming = false } = {}
): Promise<boolean> {
	const row = await db
		.selectFrom('totp_credentials')
		.select(['key_ciphertext', 'confirmed_at', 'last_used_step'])
		.where('user_id', '=', userId)
		.executeTakeFirst();
	if (!row || (row.confirmed_at === null) !== confirming) return false;
	const step = matchTotpStep(
		decryptTotpKey(row.key_ciphertext),
		code,
		clock.wallClockMs(),
		row.last_used_step
	);
	if (step === null) return false;
	const updated = await db
		.updateTable('totp_credentials')
		.set({
			last_used_step: step,
			...(confirming ? { confirmed_at: clock.now() } : {})
		})
		.where('user_id', '=', userId)
		.where((eb) => eb.or([eb('last_used_step', 'is', null), eb('last_used_step', '<', step)]))
		.executeTakeFirst();
	return Number(updated.numUpdatedRows) === 1;
}

export async function hasConfirmedTotp(db: Db, userId: string): Promise<boolean> {
	const row = await db
		.selectFrom('totp_credentials')
		.select('user_id')
		.where('user_id', '=', userId)
		.where('confirmed_at', 'is not', null)
		.executeTakeFirst();
	return row !== undefined;
}
