import { describe, expect, it } from 'vitest';
import { generateRecoveryCode, hashRecoveryCode, normaliseRecoveryCode } from './recovery-codes';
import { requiresSecondFactor } from './two-factor';

describe('recovery codes', () => {
	it('are 80 random bits in four groups of four, different every time', () => {
		const codes = Array.from({ length: 200 }, generateRecoveryCode);
		for (const code of codes)
			expect(code).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);
		expect(new Set(codes).size).toBe(codes.length);
	});

	it('are stored as a SHA-256 digest that ignores case, spaces and dashes as typed', () => {
		const code = generateRecoveryCode();
		const digest = hashRecoveryCode(code);
		expect(digest).toMatch(/^[0-9a-f]{64}$/);
		expect(digest).not.toContain(normaliseRecoveryCode(code));
		expect(hashRecoveryCode(` ${code.toUpperCase().replaceAll('-', ' ')} `)).toBe(digest);
		expect(hashRecoveryCode(generateRecoveryCode())).not.toBe(digest);
	});
});

describe('requiresSecondFactor', () => {
	const verified = { secondFactorVerified: true };
	const pending = { secondFactorVerified: false };
	it('asks for the code while a session with a second factor has not given it', () => {
		expect(requiresSecondFactor({ role: 'doctor', twoFactorEnabled: true }, pending)).toBe(
			'verify'
		);
		expect(requiresSecondFactor({ role: 'admin', twoFactorEnabled: true }, pending)).toBe('verify');
		expect(requiresSecondFactor({ role: 'doctor', twoFactorEnabled: true }, verified)).toBeNull();
		expect(requiresSecondFactor({ role: 'admin', twoFactorEnabled: true }, verified)).toBeNull();
	});
	it('sends an administrator without a second factor to set one up; a doctor may do without', () => {
		expect(requiresSecondFactor({ role: 'admin', twoFactorEnabled: false }, pending)).toBe('enrol');
		expect(requiresSecondFactor({ role: 'admin', twoFactorEnabled: false }, verified)).toBe(
			'enrol'
		);
		expect(requiresSecondFactor({ role: 'doctor', twoFactorEnabled: false }, pending)).toBeNull();
	});
});
