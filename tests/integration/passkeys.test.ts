import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateHOTP } from '@oslojs/otp';
import { DATABASES, openTestDatabase, type TestDatabase } from './harness';
import { createTestUser, signedInSession } from './factory';
import { SoftAuthenticator } from './soft-authenticator';
import { requestPasswordReset, resetPassword } from '../../src/lib/server/auth/accounts';
import { invalidateUserSessions, validateSessionToken } from '../../src/lib/server/auth/session';
import {
	countPasskeys,
	finishPasskeyAuthentication,
	finishPasskeyRegistration,
	listPasskeys,
	relyingParty,
	startPasskeyAuthentication,
	startPasskeyRegistration,
	PASSKEY_CHALLENGE_LIFETIME_MS
} from '../../src/lib/server/auth/passkeys';
import { hasConfirmedTotp, startTotpEnrolment, totpStep } from '../../src/lib/server/auth/totp';
import { countUnusedRecoveryCodes } from '../../src/lib/server/auth/recovery-codes';
import {
	completePasskeyEnrolment,
	completeSecondFactor,
	confirmTotpEnrolment,
	disableTwoFactor,
	hasSecondFactor,
	removePasskey,
	requiresSecondFactor,
	resetTwoFactor
} from '../../src/lib/server/auth/two-factor';
import { SYSTEM_ACTOR } from '../../src/lib/server/audit';
import * as clock from '../../src/lib/server/clock';

const ORIGIN = 'http://localhost:3000';
const RP = relyingParty(ORIGIN);
const PASSWORD = 'violet-harbour-kettle-92';
// Every "now" in this file is the app's clock pinned here, so expiry is tested without waiting
// and without reading the machine's date.
const PINNED = new Date('2026-12-10T10:00:00Z');

describe.each(DATABASES)('passkeys on %s', (name) => {
	let t: TestDatabase;
	beforeAll(async () => {
		t = await openTestDatabase(name);
		clock.pinClock(PINNED);
	});
	afterAll(async () => {
		clock.pinClock(null);
		await t?.close();
	});

	const newAccount = (role: 'doctor' | 'admin' = 'doctor') =>
		createTestUser(t.db, 'Key', { role, password: PASSWORD, verified: false });
	const signInSession = (userId: string) => signedInSession(t.db, userId);

	/** The account page's steps: options, the authenticator's answer, kept and completed. */
	async function addPasskey(
		account: { id: string },
		authenticator = new SoftAuthenticator(),
		name = 'Work laptop'
	) {
		const s = await signInSession(account.id);
		const options = await startPasskeyRegistration(
			t.db,
			{ ...s.user, name: 'Dr Key' },
			s.session.id,
			RP
		);
		const result = await finishPasskeyRegistration(
			t.db,
			account.id,
			s.session.id,
			name,
			authenticator.register(options, ORIGIN),
			RP
		);
		if (!result.ok) throw new Error(`registration refused: ${result.problem}`);
		const codes = await completePasskeyEnrolment(t.db, s.user, s.session.id, name);
		return { authenticator, codes, session: s };
	}

	/** The second step of sign-in with a passkey, from a new session. */
	async function signInWithPasskey(userId: string, authenticator: SoftAuthenticator) {
		const s = await signInSession(userId);
		const options = await startPasskeyAuthentication(t.db, userId, s.session.id, RP);
		if (!options) throw new Error('no options');
		const result = await finishPasskeyAuthentication(
			t.db,
			userId,
			s.session.id,
			authenticator.authenticate(options, ORIGIN),
			RP
		);
		return { s, options, result };
	}

	it('takes the relying party from the origin', () => {
		expect(RP).toEqual({ id: 'localhost', origin: ORIGIN });
	});

	it('registers a passkey: a second factor, recovery codes made once, the session signed in, audited', async () => {
		const doctor = await newAccount();
		const { codes, session, authenticator } = await addPasskey(doctor);
		expect(codes).toHaveLength(10);
		expect(await countUnusedRecoveryCodes(t.db, doctor.id)).toBe(10);
		expect(await hasSecondFactor(t.db, doctor.id)).toBe(true);
		const [passkey] = await listPasskeys(t.db, doctor.id);
		expect(passkey).toMatchObject({ id: authenticator.id, name: 'Work laptop', lastUsedAt: null });
		// From the app's clock (pinned), not the machine's date.
		expect(passkey.createdAt.getTime() - PINNED.getTime()).toBeGreaterThanOrEqual(0);
		expect(passkey.createdAt.getTime() - PINNED.getTime()).toBeLessThan(60 * 60 * 1000);
		// The session that added it carries on; a new one owes its second factor.
		const after = (await validateSessionToken(t.db, session.token))!;
		expect(after.user.twoFactorEnabled).toBe(true);
		expect(requiresSecondFactor(after.user, after.session)).toBeNull();
		const fresh = await signInSession(doctor.id);
		expect(requiresSecondFactor(fresh.user, fresh.session)).toBe('verify');

		// A second passkey keeps the codes already given; its options exclude the first.
		const s = await signInSession(doctor.id);
		const options = await startPasskeyRegistration(
			t.db,
			{ ...s.user, name: 'Dr Key' },
			s.session.id,
			RP
		);
		expect(options.excludeCredentials?.map((c) => c.id)).toEqual([authenticator.id]);
		expect(options.rp.id).toBe('localhost');
		const second = new SoftAuthenticator();
		const result = await finishPasskeyRegistration(
			t.db,
			doctor.id,
			s.session.id,
			'Phone',
			second.register(options, ORIGIN),
			RP
		);
		expect(result.ok).toBe(true);
		expect(await completePasskeyEnrolment(t.db, s.user, s.session.id, 'Phone')).toBeNull();
		expect(await countPasskeys(t.db, doctor.id)).toBe(2);

		const audit = await t.db
			.selectFrom('audit_log')
			.select(['action', 'details'])
			.where('target', '=', doctor.email)
			.where('action', '=', 'two_factor.passkey_added')
			.execute();
		expect(audit).toHaveLength(2);
	});

	it('refuses a registration answer to another challenge, from another origin, twice, or already kept', async () => {
		const doctor = await newAccount();
		const s = await signInSession(doctor.id);
		const user = { ...s.user, name: 'Dr Key' };
		const authenticator = new SoftAuthenticator();
		const finish = (answer: ReturnType<SoftAuthenticator['register']>) =>
			finishPasskeyRegistration(t.db, doctor.id, s.session.id, 'Key', answer, RP);

		// No ceremony started: nothing to answer.
		let options = await startPasskeyRegistration(t.db, user, s.session.id, RP);
		const answer = authenticator.register(options, ORIGIN);
		await t.db.deleteFrom('webauthn_challenges').execute();
		expect(await finish(answer)).toEqual({ ok: false, problem: 'expired' });

		options = await startPasskeyRegistration(t.db, user, s.session.id, RP);
		expect(
			await finish(authenticator.register({ ...options, challenge: 'AAAAAAAAAAAAAAAA' }, ORIGIN))
		).toEqual({ ok: false, problem: 'invalid' });
		// The challenge was used up by the wrong answer: the right one is too late now.
		expect(await finish(authenticator.register(options, ORIGIN))).toEqual({
			ok: false,
			problem: 'expired'
		});

		options = await startPasskeyRegistration(t.db, user, s.session.id, RP);
		expect(await finish(authenticator.register(options, 'https://evil.example'))).toEqual({
			ok: false,
			problem: 'invalid'
		});

		options = await startPasskeyRegistration(t.db, user, s.session.id, RP);
		const good = authenticator.register(options, ORIGIN);
		expect((await finish(good)).ok).toBe(true);
		expect(await finish(good)).toEqual({ ok: false, problem: 'expired' });
		options = await startPasskeyRegistration(t.db, user, s.session.id, RP);
		expect(await finish(authenticator.register(options, ORIGIN))).toEqual({
			ok: false,
			problem: 'duplicate'
		});
		expect(await countPasskeys(t.db, doctor.id)).toBe(1);
	});

	it('a challenge expires, and belongs to the session that asked for it', async () => {
		const doctor = await newAccount();
		const { authenticator } = await addPasskey(doctor);
		const s = await signInSession(doctor.id);
		const options = (await startPasskeyAuthentication(t.db, doctor.id, s.session.id, RP))!;
		// Another session (another browser) cannot answer this one's challenge.
		const other = await signInSession(doctor.id);
		authenticator.counter += 1;
		expect(
			await finishPasskeyAuthentication(
				t.db,
				doctor.id,
				other.session.id,
				authenticator.authenticate(options, ORIGIN),
				RP
			)
		).toEqual({ ok: false, problem: 'expired' });

		const late = (await startPasskeyAuthentication(t.db, doctor.id, s.session.id, RP))!;
		// From the clock as it reads now, not from PINNED: the pinned clock moves on with the real one,
		// so a jump measured from the pin would depend on how long the tests took to get here.
		clock.pinClock(new Date(clock.nowMs() + PASSKEY_CHALLENGE_LIFETIME_MS + 1_000));
		try {
			expect(
				await finishPasskeyAuthentication(
					t.db,
					doctor.id,
					s.session.id,
					authenticator.authenticate(late, ORIGIN),
					RP
				)
			).toEqual({ ok: false, problem: 'expired' });
		} finally {
			clock.pinClock(PINNED);
		}
	});

	it('signs in with a passkey: allowCredentials are the account’s, the counter must move on', async () => {
		const doctor = await newAccount();
		const { authenticator } = await addPasskey(doctor, new SoftAuthenticator({ counter: 5 }));
		authenticator.counter = 6;
		const first = await signInWithPasskey(doctor.id, authenticator);
		expect(first.options.allowCredentials?.map((c) => c.id)).toEqual([authenticator.id]);
		expect(first.options.rpId).toBe('localhost');
		expect(first.result).toEqual({ ok: true });
		await completeSecondFactor(t.db, first.s, 'passkey');
		const after = (await validateSessionToken(t.db, first.s.token))!;
		expect(requiresSecondFactor(after.user, after.session)).toBeNull();
		const [passkey] = await listPasskeys(t.db, doctor.id);
		expect(passkey.lastUsedAt?.getTime()).toBeGreaterThanOrEqual(PINNED.getTime());

		// A clone replaying the count it had (or an older one) is refused.
		const replay = await signInWithPasskey(doctor.id, authenticator);
		expect(replay.result).toEqual({ ok: false, problem: 'invalid' });
		authenticator.counter = 3;
		expect((await signInWithPasskey(doctor.id, authenticator)).result).toEqual({
			ok: false,
			problem: 'invalid'
		});
		authenticator.counter = 7;
		expect((await signInWithPasskey(doctor.id, authenticator)).result).toEqual({ ok: true });
	});

	it('an authenticator without a counter (always 0) is accepted each time', async () => {
		const doctor = await newAccount();
		const { authenticator } = await addPasskey(doctor, new SoftAuthenticator({ counter: 0 }));
		expect((await signInWithPasskey(doctor.id, authenticator)).result).toEqual({ ok: true });
		expect((await signInWithPasskey(doctor.id, authenticator)).result).toEqual({ ok: true });
	});

	it('refuses an unknown passkey, another account’s, and a bad signature', async () => {
		const doctor = await newAccount();
		const { authenticator } = await addPasskey(doctor);
		const stranger = new SoftAuthenticator();
		expect((await signInWithPasskey(doctor.id, stranger)).result).toEqual({
			ok: false,
			problem: 'unknown'
		});
		const other = await newAccount();
		const { authenticator: othersKey } = await addPasskey(other);
		othersKey.counter += 1;
		expect((await signInWithPasskey(doctor.id, othersKey)).result).toEqual({
			ok: false,
			problem: 'unknown'
		});

		// A signature made for another challenge does not verify against this one.
		const s = await signInSession(doctor.id);
		const options = (await startPasskeyAuthentication(t.db, doctor.id, s.session.id, RP))!;
		authenticator.counter += 1;
		const answer = authenticator.authenticate({ ...options, challenge: 'AAAAAAAA' }, ORIGIN);
		expect(await finishPasskeyAuthentication(t.db, doctor.id, s.session.id, answer, RP)).toEqual({
			ok: false,
			problem: 'invalid'
		});
		// An account without passkeys gets no options at all.
		const plain = await newAccount();
		const p = await signInSession(plain.id);
		expect(await startPasskeyAuthentication(t.db, plain.id, p.session.id, RP)).toBeNull();
	});

	it('removing a passkey takes the password; an administrator keeps a last factor; a doctor’s last one takes the codes too', async () => {
		const doctor = await newAccount();
		const { authenticator, session } = await addPasskey(doctor);
		expect(await removePasskey(t.db, session.user, authenticator.id, 'not-the-password')).toBe(
			'password'
		);
		expect(await removePasskey(t.db, session.user, 'bm8tc3VjaC1rZXk', PASSWORD)).toBe('missing');
		expect(await removePasskey(t.db, session.user, authenticator.id, PASSWORD)).toBeNull();
		expect(await hasSecondFactor(t.db, doctor.id)).toBe(false);
		expect(await countUnusedRecoveryCodes(t.db, doctor.id)).toBe(0);
		const audit = await t.db
			.selectFrom('audit_log')
			.select('action')
			.where('target', '=', doctor.email)
			.execute();
		expect(audit.map((a) => a.action)).toContain('two_factor.passkey_removed');

		const admin = await newAccount('admin');
		const first = await addPasskey(admin);
		const adminUser = { ...first.session.user, role: 'admin' as const };
		expect(await removePasskey(t.db, adminUser, first.authenticator.id, PASSWORD)).toBe('admin');
		// Someone else's passkey is not found, whatever the role.
		expect(await removePasskey(t.db, session.user, first.authenticator.id, PASSWORD)).toBe(
			'missing'
		);
		const second = await addPasskey(admin, new SoftAuthenticator(), 'Spare key');
		expect(await removePasskey(t.db, adminUser, first.authenticator.id, PASSWORD)).toBeNull();
		expect(await removePasskey(t.db, adminUser, second.authenticator.id, PASSWORD)).toBe('admin');
		expect(await countPasskeys(t.db, admin.id)).toBe(1);
		expect(await countUnusedRecoveryCodes(t.db, admin.id)).toBe(10);
	});

	it('with a passkey and the app: the app’s enrolment keeps the codes, and either can go while the other stays', async () => {
		const doctor = await newAccount('admin');
		const { authenticator, session } = await addPasskey(doctor);
		const user = { ...session.user, role: 'admin' as const };
		const key = (await startTotpEnrolment(t.db, doctor.id))!;
		const step = totpStep(clock.wallClockMs());
		const confirmed = await confirmTotpEnrolment(
			t.db,
			user,
			session.session.id,
			generateHOTP(key, BigInt(step), 6)
		);
		expect(confirmed).toEqual({ recoveryCodes: null });
		expect(await countUnusedRecoveryCodes(t.db, doctor.id)).toBe(10);
		// An administrator may turn the app off while a passkey remains; the codes stay.
		expect(
			await disableTwoFactor(t.db, user, PASSWORD, generateHOTP(key, BigInt(step + 1), 6))
		).toBeNull();
		expect(await hasConfirmedTotp(t.db, doctor.id)).toBe(false);
		expect(await countPasskeys(t.db, doctor.id)).toBe(1);
		expect(await countUnusedRecoveryCodes(t.db, doctor.id)).toBe(10);
		expect(await removePasskey(t.db, user, authenticator.id, PASSWORD)).toBe('admin');
	});

	it('sign out everywhere and a password reset keep passkeys; the CLI reset removes them', async () => {
		const admin = await newAccount('admin');
		const { authenticator } = await addPasskey(admin);
		await invalidateUserSessions(t.db, admin.id);
		await requestPasswordReset(t.db, admin.email, ORIGIN);
		const mail = await t.db
			.selectFrom('email_outbox')
			.select('body_text')
			.where('to_address', '=', admin.email)
			.orderBy('id', 'desc')
			.executeTakeFirstOrThrow();
		const token = /reset-password\?token=([a-z0-9]+)/.exec(mail.body_text)![1];
		expect((await resetPassword(t.db, token, 'new-harbour-violet-kettle-7')).ok).toBe(true);
		expect(await countPasskeys(t.db, admin.id)).toBe(1);
		const s = await signInSession(admin.id);
		expect(requiresSecondFactor(s.user, s.session)).toBe('verify');
		authenticator.counter += 1;
		expect((await signInWithPasskey(admin.id, authenticator)).result).toEqual({ ok: true });

		await resetTwoFactor(t.db, admin.id, admin.email, { ...SYSTEM_ACTOR, label: 'cli' });
		expect(await countPasskeys(t.db, admin.id)).toBe(0);
		expect(await countUnusedRecoveryCodes(t.db, admin.id)).toBe(0);
		expect(await validateSessionToken(t.db, s.token)).toBeNull();
		const again = await signInSession(admin.id);
		expect(requiresSecondFactor(again.user, again.session)).toBe('enrol');
	});
});
