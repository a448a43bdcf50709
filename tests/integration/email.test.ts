import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import smtpTester from 'smtp-tester';
import { freePort } from '../../tools/ports';
import { openTestDatabase, type TestDatabase } from './harness';

// A port of its own: CI runs this file for several pinned days at once, beside the main run.
const PORT = await freePort();
process.env.SMTP_URL = `smtp://127.0.0.1:${PORT}`;
const { emailsDelivered, sendEmail } = await import('../../src/lib/server/email');
const { registerUser } = await import('../../src/lib/server/auth/accounts');

describe('email through a real SMTP server', () => {
	let t: TestDatabase;
	let mailServer: ReturnType<typeof smtpTester.init> | undefined;
	beforeAll(async () => {
		t = await openTestDatabase('pglite');
		mailServer = smtpTester.init(PORT);
	});
	afterAll(async () => {
		await t?.close();
		await new Promise<void>((resolve) =>
			mailServer ? mailServer.stop(() => resolve()) : resolve()
		);
	});

	it('delivers the verification email with a working link and records it as sent', async () => {
		const to = 'smtp.check@example.org';
		const captured = mailServer!.captureOne(to, { wait: 10_000 });
		const result = await registerUser(
			t.db,
			{ name: 'Dr Mail', email: to, doctorKind: 'retainer', password: 'copper-willow-sunrise-5' },
			'http://localhost:3000'
		);
		expect(result.ok).toBe(true);
		const { email } = await captured;
		await emailsDelivered();
		expect(email.headers.subject).toBe('Confirm your email for Sessional');
		expect(email.body).toMatch(/http:\/\/localhost:3000\/verify-email\?token=[a-z0-9]{32}/);
		const row = await t.db
			.selectFrom('email_outbox')
			.selectAll()
			.where('to_address', '=', to)
			.executeTakeFirstOrThrow();
		expect(row.sent_at).not.toBeNull();
		expect(row.error).toBeNull();
	});

	it('keeps the email with the error when the SMTP server is gone, without throwing', async () => {
		await new Promise<void>((resolve) => mailServer!.stop(() => resolve()));
		mailServer = undefined;
		const result = await sendEmail(t.db, {
			to: 'lost@example.org',
			subject: 'Hello',
			text: 'Body'
		});
		expect(result).toEqual({ sent: false });
		const row = await t.db
			.selectFrom('email_outbox')
			.selectAll()
			.where('to_address', '=', 'lost@example.org')
			.executeTakeFirstOrThrow();
		expect(row.sent_at).toBeNull();
		expect(row.error).toBeTruthy();
	});
});
