import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateHOTP } from '@oslojs/otp';
import { DATABASES, openTestDatabase, type TestDatabase } from './harness';
import { createTestUser, signedInSession } from './factory';
import {
	findUserByEmail,
	requestPasswordReset,
	resetPassword
} from '../../src/lib/server/auth/accounts';
import { invalidateUserSessions, validateSessionToken } from '../../src/lib/server/auth/session';
import {
	hasConfirmedTotp,
	startTotpEnrolment,
	totpStep,
	verifyTotpCode
} from '../../src/lib/server/auth/totp';
import {
	countUnusedRecoveryCodes,
	normaliseRecoveryCode,
	useRecoveryCode
} from '../../src/lib/server/auth/recovery-codes';
import {
	checkSecondFactor,
	completeSecondFactor,
	confirmTotpEnrolment,
	disableTwoFactor,
	requiresSecondFactor,
	resetTwoFactor
} from '../../src/lib/server/auth/two-factor';
import { SYSTEM_ACTOR } from '../../src/lib/server/audit';

const ORIGIN = 'http://localhost:3000';
const PASSWORD = 'violet-harbour-kettle-92';

/** The code an authenticator app would show now (TOTP is HOTP over the 30-second step). */
const codeFor = (key: Uint8Array, offset = 0) =>
	generateHOTP(key, BigInt(totpStep(Date.now()) + offset), 6);

describe.each(DATABASES)('two-factor sign-in on %s', (name) => {
	let t: TestDatabase;
	beforeAll(async () => {
		t = await openTestDatabase(name);
	});
	afterAll(async () => t?.close());

	const newDoctor = (role: 'doctor' | 'admin' = 'doctor') =>
		createTestUser(t.db, 'Two', { role, password: PASSWORD, verified: false });
	const signInSession = (userId: string) => signedInSession(t.db, userId);

	/** Sets up an authenticator for a new account through the same steps as the page. */
	async function enrolled(role: 'doctor' | 'admin' = 'doctor') {
		const doctor = await newDoctor(role);
		const s = await signInSession(doctor.id);
		const key = (await startTotpEnrolment(t.db, doctor.id))!;
		const confirmed = await confirmTotpEnrolment(t.db, s.user, s.session.id, codeFor(key));
		if (!confirmed?.recoveryCodes) throw new Error('enrolment refused');
		return { ...doctor, key, codes: confirmed.recoveryCodes, token: s.token, user: s.user };
	}

	it('enrols: the same key until confirmed, stored encrypted, confirmed by a first code', async () => {
		const doctor = await newDoctor();
		const s = await signInSession(doctor.id);
		expect(requiresSecondFactor(s.user, s.session)).toBeNull();
		const key = (await startTotpEnrolment(t.db, doctor.id))!;
		expect(await startTotpEnrolment(t.db, doctor.id)).toEqual(key);
		const row = await t.db
			.selectFrom('totp_credentials')
			.selectAll()
			.where('user_id', '=', doctor.id)
			.executeTakeFirstOrThrow();
		expect(row.confirmed_at).toBeNull();
		expect(row.key_ciphertext).not.toContain(Buffer.from(key).toString('base64'));
		// Not on until confirmed: the session and sign-in go on as before.
		expect(await hasConfirmedTotp(t.db, doctor.id)).toBe(false);
		expect((await validateSessionToken(t.db, s.token))!.user.twoFactorEnabled).toBe(false);

		const wrong = String((Number(codeFor(key)) + 1) % 1_000_000).padStart(6, '0');
		expect(await confirmTotpEnrolment(t.db, s.user, s.session.id, wrong)).toBeNull();
		const confirmed = await confirmTotpEnrolment(t.db, s.user, s.session.id, codeFor(key));
		expect(confirmed?.recoveryCodes).toHaveLength(10);
		expect(await hasConfirmedTotp(t.db, doctor.id)).toBe(true);
		expect(await startTotpEnrolment(t.db, doctor.id)).toBeNull();
		// The session that confirmed carries on signed in.
		const after = (await validateSessionToken(t.db, s.token))!;
		expect(after.user.twoFactorEnabled).toBe(true);
		expect(requiresSecondFactor(after.user, after.session)).toBeNull();
		const audit = await t.db
			.selectFrom('audit_log')
			.select('action')
			.where('target', '=', doctor.email)
			.execute();
		expect(audit.map((a) => a.action)).toContain('two_factor.enable');
	});

	it('a new session is pending until a code is given; a code works once', async () => {
		const doctor = await enrolled();
		const s = await signInSession(doctor.id);
		expect(requiresSecondFactor(s.user, s.session)).toBe('verify');
		// The enrolment used this step's code: it is refused again, the next step's is accepted.
		expect(await verifyTotpCode(t.db, doctor.id, codeFor(doctor.key))).toBe(false);
		const next = codeFor(doctor.key, 1);
		expect(await checkSecondFactor(t.db, doctor.id, next)).toBe('totp');
		expect(await checkSecondFactor(t.db, doctor.id, next)).toBeNull();
		await completeSecondFactor(t.db, s, 'totp');
		const after = (await validateSessionToken(t.db, s.token))!;
		expect(requiresSecondFactor(after.user, after.session)).toBeNull();
	});

	it('recovery codes are stored hashed and each works once', async () => {
		const doctor = await enrolled();
		const stored = await t.db
			.selectFrom('recovery_codes')
			.select('code_hash')
			.where('user_id', '=', doctor.id)
			.execute();
		expect(stored).toHaveLength(10);
		for (const code of doctor.codes)
			expect(stored.some((r) => r.code_hash.includes(normaliseRecoveryCode(code)))).toBe(false);

		const [first, second] = doctor.codes;
		expect(await useRecoveryCode(t.db, doctor.id, first.toUpperCase())).toBe(true);
		expect(await useRecoveryCode(t.db, doctor.id, first)).toBe(false);
		expect(await checkSecondFactor(t.db, doctor.id, second)).toBe('recovery');
		expect(await checkSecondFactor(t.db, doctor.id, second)).toBeNull();
		expect(await countUnusedRecoveryCodes(t.db, doctor.id)).toBe(8);
		// Another account's code is not this one's.
		const other = await enrolled();
		expect(await useRecoveryCode(t.db, doctor.id, other.codes[0])).toBe(false);
	});

	it('sign out everywhere and a password reset end sessions but keep the second factor', async () => {
		const doctor = await enrolled();
		await invalidateUserSessions(t.db, doctor.id);
		expect(await validateSessionToken(t.db, doctor.token)).toBeNull();
		expect(await hasConfirmedTotp(t.db, doctor.id)).toBe(true);

		await requestPasswordReset(t.db, doctor.email, ORIGIN);
		const mail = await t.db
			.selectFrom('email_outbox')
			.select('body_text')
			.where('to_address', '=', doctor.email)
			.orderBy('id', 'desc')
			.executeTakeFirstOrThrow();
		const token = /reset-password\?token=([a-z0-9]+)/.exec(mail.body_text)![1];
		const reset = await resetPassword(t.db, token, 'new-harbour-violet-kettle-7');
		expect(reset.ok).toBe(true);
		expect(await hasConfirmedTotp(t.db, doctor.id)).toBe(true);
		expect(await countUnusedRecoveryCodes(t.db, doctor.id)).toBe(10);
		// Signing in with the new password still owes the code.
		const s = await signInSession(doctor.id);
		expect(requiresSecondFactor(s.user, s.session)).toBe('verify');
	});

	it('a doctor turns it off with the password and a code; an administrator cannot', async () => {
		const doctor = await enrolled();
		expect(
			await disableTwoFactor(t.db, doctor.user, 'not-the-password', codeFor(doctor.key, 1))
		).toBe('password');
		expect(await disableTwoFactor(t.db, doctor.user, PASSWORD, '000000')).toBe('code');
		expect(await disableTwoFactor(t.db, doctor.user, PASSWORD, codeFor(doctor.key, 1))).toBeNull();
		expect(await hasConfirmedTotp(t.db, doctor.id)).toBe(false);
		expect(await countUnusedRecoveryCodes(t.db, doctor.id)).toBe(0);

		const admin = await enrolled('admin');
		const adminUser = { ...admin.user, role: 'admin' as const };
		expect(await disableTwoFactor(t.db, adminUser, PASSWORD, codeFor(admin.key, 1))).toBe('admin');
		expect(await hasConfirmedTotp(t.db, admin.id)).toBe(true);
	});

	it('the CLI reset removes both factors, ends every session and is audited', async () => {
		const admin = await enrolled('admin');
		await resetTwoFactor(t.db, admin.id, admin.email, { ...SYSTEM_ACTOR, label: 'cli' });
		expect(await hasConfirmedTotp(t.db, admin.id)).toBe(false);
		expect(await countUnusedRecoveryCodes(t.db, admin.id)).toBe(0);
		expect(await validateSessionToken(t.db, admin.token)).toBeNull();
		const audit = await t.db
			.selectFrom('audit_log')
			.select(['action', 'actor_label'])
			.where('target', '=', admin.email)
			.where('action', '=', 'two_factor.reset')
			.executeTakeFirstOrThrow();
		expect(audit.actor_label).toBe('cli');
		// Signing in again, the administrator is sent to set up a new one.
		const user = (await findUserByEmail(t.db, admin.email))!;
		const s = await signInSession(user.id);
		expect(requiresSecondFactor(s.user, s.session)).toBe('enrol');
	});
});
