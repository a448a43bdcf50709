import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestDatabase, type TestDatabase } from './harness';
import {
	authenticate,
	changePassword,
	deleteAccount,
	registerUser,
	requestPasswordReset,
	resetPassword,
	verifyEmail
} from '../../src/lib/server/auth/accounts';
import { hashToken } from '../../src/lib/server/auth/crypto';
import {
	createSession,
	generateSessionToken,
	SESSION_LIFETIME_MS,
	validateSessionToken
} from '../../src/lib/server/auth/session';
import { grantMembership } from '../../src/lib/server/membership';
import * as clock from '../../src/lib/server/clock';

const ORIGIN = 'http://localhost:3000';
let counter = 0;
const newEmail = () => `dr.${Date.now()}.${++counter}@example.org`;
const goodPassword = 'violet-harbour-kettle-92';

describe.each(DATABASES)('accounts on %s', (name) => {
	let t: TestDatabase;
	beforeAll(async () => {
		t = await openTestDatabase(name);
	});
	afterAll(async () => t?.close());

	async function lastLink(to: string, path: string): Promise<string> {
		const mail = await t.db
			.selectFrom('email_outbox')
			.select('body_text')
			.where('to_address', '=', to)
			.orderBy('id', 'desc')
			.executeTakeFirstOrThrow();
		const match = new RegExp(`${ORIGIN}${path}\\?token=([a-z0-9]+)`).exec(mail.body_text);
		if (!match) throw new Error(`No ${path} link in: ${mail.body_text}`);
		return match[1];
	}

	async function register(email = newEmail()) {
		const result = await registerUser(
			t.db,
			{ name: 'Dr Test', email, doctorKind: 'salaried', password: goodPassword },
			ORIGIN
		);
		if (!result.ok) throw new Error(result.message);
		if (!result.userId) throw new Error(`${email} was already registered`);
		return { email, userId: result.userId };
	}

	it('registers, emails a verification link that works once, and stores only its hash', async () => {
		const { email, userId } = await register();
		const token = await lastLink(email, '/verify-email');
		const stored = await t.db
			.selectFrom('auth_tokens')
			.select('id')
			.where('user_id', '=', userId)
			.execute();
		expect(stored.map((r) => r.id)).toEqual([hashToken(token)]);

		expect(await verifyEmail(t.db, token)).toMatchObject({ ok: true, userId });
		const user = await t.db
			.selectFrom('users')
			.select('email_verified_at')
			.where('id', '=', userId)
			.executeTakeFirstOrThrow();
		expect(user.email_verified_at).not.toBeNull();
		expect(await verifyEmail(t.db, token)).toEqual({ ok: false, problem: 'used' });
		expect(await verifyEmail(t.db, 'not-a-token')).toEqual({ ok: false, problem: 'invalid' });
	});

	it('refuses an expired verification link', async () => {
		const { email, userId } = await register();
		const token = await lastLink(email, '/verify-email');
		await t.db
			.updateTable('auth_tokens')
			.set({ expires_at: new Date(clock.nowMs() - 1000) })
			.where('user_id', '=', userId)
			.execute();
		expect(await verifyEmail(t.db, token)).toEqual({ ok: false, problem: 'expired' });
	});

	it('answers a taken email, in any letter case, like a new one: creates nothing, tells the owner', async () => {
		const { email, userId } = await register();
		const taken = await registerUser(
			t.db,
			{ name: 'Other', email: email.toUpperCase(), doctorKind: 'locum', password: goodPassword },
			ORIGIN
		);
		expect(taken).toEqual({ ok: true, userId: null });
		const accounts = await t.db
			.selectFrom('users')
			.select('id')
			.where('email', '=', email)
			.execute();
		expect(accounts.map((a) => a.id)).toEqual([userId]);
		const mail = await t.db
			.selectFrom('email_outbox')
			.select(['subject', 'body_text'])
			.where('to_address', '=', email)
			.orderBy('id', 'desc')
			.executeTakeFirstOrThrow();
		expect(mail.subject).toBe('Someone tried to register with your email');
		expect(mail.body_text).toContain(`${ORIGIN}/reset-password`);
		expect(mail.body_text).not.toContain('token=');
	});

	it('refuses a common password, storing nothing', async () => {
		const fresh = newEmail();
		const common = await registerUser(
			t.db,
			{ name: 'Other', email: fresh, doctorKind: 'locum', password: 'qwertyuiop' },
			ORIGIN
		);
		expect(common).toMatchObject({ ok: false, error: 'weak_password', field: 'password' });
		const rows = await t.db.selectFrom('users').select('id').where('email', '=', fresh).execute();
		expect(rows).toHaveLength(0);
	});

	it('authenticates only with the right password, and stores an argon2id hash', async () => {
		const { email } = await register();
		expect(await authenticate(t.db, email, goodPassword)).toMatchObject({ email });
		expect(await authenticate(t.db, email, 'wrong-password-123')).toBeNull();
		expect(await authenticate(t.db, 'nobody@example.org', goodPassword)).toBeNull();
		const row = await t.db
			.selectFrom('users')
			.select('password_hash')
			.where('email', '=', email)
			.executeTakeFirstOrThrow();
		expect(row.password_hash.startsWith('$argon2id$')).toBe(true);
	});

	it('keeps sessions by the SHA-256 of the token only, and ends them on expiry', async () => {
		const { userId } = await register();
		const token = generateSessionToken();
		const session = await createSession(t.db, token, userId);
		const rows = await t.db
			.selectFrom('sessions')
			.select('id')
			.where('user_id', '=', userId)
			.execute();
		expect(rows.map((r) => r.id)).toEqual([hashToken(token)]);
		expect(rows[0].id).not.toContain(token);
		expect(session.expiresAt.getTime()).toBeGreaterThan(
			clock.nowMs() + SESSION_LIFETIME_MS - 60_000
		);

		expect(await validateSessionToken(t.db, token)).toMatchObject({ user: { id: userId } });
		expect(await validateSessionToken(t.db, 'forged-token')).toBeNull();

		await t.db
			.updateTable('sessions')
			.set({ expires_at: new Date(clock.nowMs() - 1) })
			.where('id', '=', session.id)
			.execute();
		expect(await validateSessionToken(t.db, token)).toBeNull();
		const left = await t.db
			.selectFrom('sessions')
			.select('id')
			.where('id', '=', session.id)
			.execute();
		expect(left).toHaveLength(0);
	});

	it('slides a session that is past half its life forward to 30 days', async () => {
		const { userId } = await register();
		const token = generateSessionToken();
		const session = await createSession(t.db, token, userId);
		const inTenDays = new Date(clock.nowMs() + 10 * 86_400_000);
		await t.db
			.updateTable('sessions')
			.set({ expires_at: inTenDays })
			.where('id', '=', session.id)
			.execute();
		const validated = await validateSessionToken(t.db, token);
		expect(validated!.session.expiresAt.getTime()).toBeGreaterThan(clock.nowMs() + 29 * 86_400_000);
	});

	it('resets a forgotten password with a one-hour link and ends every session', async () => {
		const { email, userId } = await register();
		const oldToken = generateSessionToken();
		await createSession(t.db, oldToken, userId);

		await requestPasswordReset(t.db, email, ORIGIN);
		const token = await lastLink(email, '/reset-password');
		const next = 'amber-lantern-orchard-41';
		expect(await resetPassword(t.db, token, next)).toMatchObject({ ok: true, userId });
		expect(await validateSessionToken(t.db, oldToken)).toBeNull();
		expect(await authenticate(t.db, email, goodPassword)).toBeNull();
		expect(await authenticate(t.db, email, next)).toMatchObject({ id: userId });
		expect(await resetPassword(t.db, token, 'another-good-pass-77')).toMatchObject({
			ok: false,
			error: 'used'
		});
	});

	it('sends nothing when a reset is asked for an unknown email', async () => {
		const before = await t.db
			.selectFrom('email_outbox')
			.select((eb) => eb.fn.countAll().as('n'))
			.executeTakeFirstOrThrow();
		await requestPasswordReset(t.db, 'no-such-doctor@example.org', ORIGIN);
		const after = await t.db
			.selectFrom('email_outbox')
			.select((eb) => eb.fn.countAll().as('n'))
			.executeTakeFirstOrThrow();
		expect(Number(after.n)).toBe(Number(before.n));
	});

	it('changes a password only with the current one, ending all sessions', async () => {
		const { email, userId } = await register();
		const token = generateSessionToken();
		await createSession(t.db, token, userId);
		expect(
			await changePassword(t.db, userId, 'not-my-password', 'fresh-meadow-pass-3')
		).toMatchObject({ ok: false, field: 'current' });
		expect(await validateSessionToken(t.db, token)).not.toBeNull();
		expect(await changePassword(t.db, userId, goodPassword, 'password1234')).toMatchObject({
			ok: false,
			field: 'password'
		});
		expect(await changePassword(t.db, userId, goodPassword, 'fresh-meadow-pass-3')).toEqual({
			ok: true
		});
		expect(await validateSessionToken(t.db, token)).toBeNull();
		expect(await authenticate(t.db, email, 'fresh-meadow-pass-3')).not.toBeNull();
	});

	it('deletes an account with its sessions, tokens and memberships', async () => {
		const { userId } = await register();
		await createSession(t.db, generateSessionToken(), userId);
		await grantMembership(t.db, {
			userId,
			validFrom: '2026-01-01',
			validUntil: '2026-12-31',
			source: 'admin_grant'
		});
		await deleteAccount(t.db, userId);
		for (const table of ['sessions', 'auth_tokens', 'memberships'] as const) {
			const rows = await t.db
				.selectFrom(table)
				.select('user_id')
				.where('user_id', '=', userId)
				.execute();
			expect(rows, table).toHaveLength(0);
		}
	});
});
