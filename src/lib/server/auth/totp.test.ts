import { describe, expect, it } from 'vitest';
import { generateHOTP } from '@oslojs/otp';
import {
	decryptTotpKey,
	encryptTotpKey,
	formatTotpKey,
	generateTotpKey,
	matchTotpStep,
	parseTotpKey,
	TOTP_KEY_BYTES,
	totpKeyUri,
	totpStep
} from './totp';

process.env.CONTRIBUTOR_KEY_SECRET ||= 'unit-test-secret-unit-test-secret-0123456789';

const STEP_MS = 30_000;
const key = generateTotpKey();
const codeAt = (step: number) => generateHOTP(key, BigInt(step), 6);

describe('TOTP codes', () => {
	it('checks RFC 6238’s SHA-1 test vector (T = 59 s → 94287082, six digits 287082)', () => {
		const rfcKey = new TextEncoder().encode('12345678901234567890');
		expect(matchTotpStep(rfcKey, '287082', 59_000, null)).toBe(1);
		expect(matchTotpStep(rfcKey, '287083', 59_000, null)).toBeNull();
	});

	it('makes 20-byte keys and shows them as base32 that reads back', () => {
		expect(key).toHaveLength(TOTP_KEY_BYTES);
		const text = formatTotpKey(key);
		expect(text).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
		expect(parseTotpKey(text.toLowerCase())).toEqual(key);
		expect(totpKeyUri('dr@example.org', key)).toMatch(
			/^otpauth:\/\/totp\/Sessional:dr%40example\.org\?.*secret=[A-Z2-7]{32}.*period=30.*digits=6/
		);
	});

	it('accepts the code of the current step and one step either side, and no further', () => {
		const now = 1_780_000_000_000 + 10_000;
		const step = totpStep(now);
		expect(step).toBe(Math.floor(now / STEP_MS));
		for (const offset of [-1, 0, 1])
			expect(matchTotpStep(key, codeAt(step + offset), now, null)).toBe(step + offset);
		for (const offset of [-3, -2, 2, 3])
			expect(matchTotpStep(key, codeAt(step + offset), now, null)).toBeNull();
	});

	it('refuses a code whose step has been used already, and any earlier step', () => {
		const now = 1_780_000_000_000;
		const step = totpStep(now);
		expect(matchTotpStep(key, codeAt(step), now, step)).toBeNull();
		expect(matchTotpStep(key, codeAt(step - 1), now, step)).toBeNull();
		expect(matchTotpStep(key, codeAt(step + 1), now, step)).toBe(step + 1);
		// Fifteen seconds later the same code is still inside its window, and still refused.
		expect(matchTotpStep(key, codeAt(step), now + 15_000, step)).toBeNull();
	});

	it('refuses anything but six digits (spaces aside)', () => {
		const now = 1_780_000_000_000;
		const code = codeAt(totpStep(now));
		expect(matchTotpStep(key, `${code.slice(0, 3)} ${code.slice(3)}`, now, null)).not.toBeNull();
		for (const bad of ['', '12345', '1234567', 'abcdef', `${code}0`, `0x${code}`])
			expect(matchTotpStep(key, bad, now, null)).toBeNull();
	});

	it('stores keys encrypted: a fresh nonce each time, and tampering is detected', () => {
		const a = encryptTotpKey(key);
		const b = encryptTotpKey(key);
		expect(a).not.toBe(b);
		expect(a).not.toContain(Buffer.from(key).toString('base64'));
		expect(decryptTotpKey(a)).toEqual(key);
		const [iv, tag, body] = a.split('.');
		const flipped = Buffer.from(body, 'base64');
		flipped[0] ^= 1;
		expect(() => decryptTotpKey([iv, tag, flipped.toString('base64')].join('.'))).toThrow();
	});
});
