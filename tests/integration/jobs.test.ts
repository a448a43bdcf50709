import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { sql } from 'kysely';
import { freePort } from '../../tools/ports';
import { DATABASES, openTestDatabase, type TestDatabase } from './harness';
import { addDoctors } from './rate-fixtures';
import { createTestUser, signedInSession } from './factory';

// A port of its own: CI runs this file for several pinned days at once, beside the main run.
const SMTP_PORT = await freePort();
process.env.SMTP_URL = `smtp://127.0.0.1:${SMTP_PORT}`;
const { runDueJobs, jobStatuses, publishNow } = await import('../../src/lib/server/jobs/index');
const { emailsDelivered, queueEmail } = await import('../../src/lib/server/email');
const { openDb } = await import('../../src/lib/server/db/index');
const clock = await import('../../src/lib/server/clock');

/**
 * A real SMTP server (smtp-server, which smtp-tester is made of) that refuses the first message
 * with a temporary failure, as a busy mail server does, and accepts the ones after.
 */
function startRefusingOnceSmtp(port: number) {
	const received: string[] = [];
	let refusals = 0;
	const server = new SMTPServer({
		disabledCommands: ['AUTH', 'STARTTLS'],
		logger: false,
		onData(stream, session, callback) {
			stream.resume();
			stream.on('end', () => {
				if (refusals === 0) {
					refusals++;
					const err = Object.assign(new Error('Try again later'), { responseCode: 451 });
					return callback(err);
				}
				received.push(session.envelope.rcptTo.map((r) => r.address).join(','));
				callback();
			});
		}
	});
	return new Promise<{ received: string[]; close(): Promise<void> }>((resolve) =>
		server.listen(port, '127.0.0.1', () =>
			resolve({ received, close: () => new Promise<void>((r) => server.close(() => r())) })
		)
	);
}

const runsOf = async (t: TestDatabase, job: string) =>
	t.db
		.selectFrom('job_runs')
		.select(['outcome', 'detail'])
		.where('job', '=', job)
		.orderBy('id')
		.execute();

describe.each(DATABASES)('jobs that run themselves (%s)', (name) => {
	let t: TestDatabase;
	beforeAll(async () => {
		t = await openTestDatabase(name);
	});
	afterAll(async () => {
		clock.pinClock(null);
		await t?.close();
	});

	it('shows every job as not run yet on a new database', async () => {
		const statuses = await jobStatuses(t.db);
		expect(statuses.map((s) => s.name)).toEqual(['publication', 'email-outbox', 'clean-up']);
		expect(statuses.every((s) => s.lastRun === null)).toBe(true);
	});

	it('publishes a quarter once its due date passes, once, with two instances ticking', async () => {
		// Accepted reports in August 2026: the quarter ending 30 September is due on 1 November
		// (lag of one month). Half an hour before midnight, nothing is due.
		await addDoctors(t.db, 10, { prefix: 'jobs', pounds: (i) => 80 + i, month: '2026-08' });
		clock.pinClock('2026-10-31T23:30:00Z');
		await runDueJobs(t.db, { only: ['publication'] });
		expect(await runsOf(t, 'publication')).toEqual([{ outcome: 'ok', detail: 'nothing was due' }]);
		// Next due at midnight in London (GMT by then), when the quarter falls due, not an hour on.
		const before = (await jobStatuses(t.db)).find((s) => s.name === 'publication')!;
		expect(before.nextDueAt?.toISOString()).toBe('2026-11-01T00:00:00.000Z');

		// Ticking again before midnight does nothing: the job is not due yet.
		expect(await runDueJobs(t.db, { only: ['publication'] })).toEqual([]);

		clock.pinClock('2026-11-01T00:00:30Z');
		// A second instance: its own pool on a server; on PGlite (one process by design) the same one.
		const other = t.url ? await openDb({ kind: 'postgres', url: t.url }) : t.db;
		try {
			const [a, b] = await Promise.all([
				runDueJobs(t.db, { only: ['publication'] }),
				runDueJobs(other, { only: ['publication'] })
			]);
			// Exactly one instance claimed the job; the other found it not due.
			expect([...a, ...b]).toEqual([
				{ job: 'publication', outcome: 'ok', detail: 'published the quarter ending 2026-09-30' }
			]);
		} finally {
			if (other !== t.db) await other.destroy();
		}
		const snapshots = await t.db.selectFrom('rate_snapshots').select('quarter_end').execute();
		expect(snapshots).toEqual([{ quarter_end: '2026-09-30' }]);
		expect(await runsOf(t, 'publication')).toHaveLength(2);
		const status = (await jobStatuses(t.db)).find((s) => s.name === 'publication')!;
		expect(status.lastRun).toMatchObject({
			outcome: 'ok',
			detail: 'published the quarter ending 2026-09-30'
		});
		// The schedule is in the database, so a restarted instance carries on from it.
		// (An hour after the run: the pinned clock moves on with the real one, hence the range.)
		const nextDue = status.nextDueAt!.getTime();
		expect(nextDue).toBeGreaterThanOrEqual(Date.parse('2026-11-01T01:00:30Z'));
		expect(nextDue).toBeLessThan(Date.parse('2026-11-01T01:05:30Z'));
	});

	it('publishes at start even when the job was not due (forced), and only what is due', async () => {
		const [run] = await runDueJobs(t.db, { only: ['publication'], force: ['publication'] });
		expect(run).toEqual({ job: 'publication', outcome: 'ok', detail: 'nothing was due' });
		expect(await t.db.selectFrom('rate_snapshots').select('id').execute()).toHaveLength(1);
	});

	it('a publication asked for by a person is recorded with the job runs, saying who asked', async () => {
		const run = await publishNow(t.db, { id: null, label: 'cli' }, 'npm run publish');
		expect(run).toEqual({ status: 'done', published: [] });
		const status = (await jobStatuses(t.db)).find((s) => s.name === 'publication')!;
		expect(status.lastRun).toMatchObject({
			outcome: 'ok',
			detail: 'nothing was due (npm run publish)'
		});
	});

	it('retries a refused email with back-off and sends it when the server accepts', async () => {
		const smtp = await startRefusingOnceSmtp(SMTP_PORT);
		try {
			clock.pinClock('2026-11-02T09:00:00Z');
			const to = `retry.${name}@example.org`;
			await queueEmail(t.db, { to, subject: 'Reset your password', text: 'A link' });
			await emailsDelivered();
			const row = () =>
				t.db
					.selectFrom('email_outbox')
					.select(['attempts', 'next_attempt_at', 'sent_at', 'error'])
					.where('to_address', '=', to)
					.executeTakeFirstOrThrow();
			const refused = await row();
			expect(refused).toMatchObject({ attempts: 1, sent_at: null });
			expect(refused.error).toMatch(/Try again later/);
			// The first retry waits a minute from the refusal (and the wait doubles after each).
			const wait = new Date(refused.next_attempt_at!).getTime() - clock.nowMs();
			expect(wait).toBeGreaterThan(50_000);
			expect(wait).toBeLessThanOrEqual(60_000);

			// Before the back-off ends, the outbox job finds nothing due.
			const early = await runDueJobs(t.db, { only: ['email-outbox'] });
			expect(early).toEqual([{ job: 'email-outbox', outcome: 'ok', detail: 'nothing to send' }]);
			expect(smtp.received).toEqual([]);

			clock.pinClock('2026-11-02T09:02:00Z');
			const later = await runDueJobs(t.db, { only: ['email-outbox'] });
			expect(later).toEqual([{ job: 'email-outbox', outcome: 'ok', detail: 'sent 1' }]);
			expect(smtp.received).toEqual([to]);
			const sent = await row();
			expect(sent).toMatchObject({ attempts: 2, next_attempt_at: null });
			expect(sent.sent_at).not.toBeNull();

			// Sent once: a later run does not send it again.
			clock.pinClock('2026-11-02T09:10:00Z');
			await runDueJobs(t.db, { only: ['email-outbox'] });
			expect(smtp.received).toEqual([to]);
		} finally {
			await smtp.close();
		}
	});

	it('removes expired sessions, tokens, challenges and rate-limit rows, and keeps live ones', async () => {
		clock.pinClock('2026-11-03T09:00:00Z');
		const user = await createTestUser(t.db, 'Clean');
		const live = await signedInSession(t.db, user.id);
		const stale = await signedInSession(t.db, user.id);
		const past = new Date(clock.nowMs() - 60_000);
		const future = new Date(clock.nowMs() + 3_600_000);
		await t.db
			.updateTable('sessions')
			.set({ expires_at: past })
			.where('id', '=', stale.session.id)
			.execute();
		await t.db
			.insertInto('auth_tokens')
			.values([
				{ id: `old-${name}`, user_id: user.id, purpose: 'reset_password', expires_at: past },
				{ id: `new-${name}`, user_id: user.id, purpose: 'reset_password', expires_at: future }
			])
			.execute();
		await t.db
			.insertInto('webauthn_challenges')
			.values([
				{ session_id: live.session.id, purpose: 'register', challenge: 'a', expires_at: past },
				{ session_id: live.session.id, purpose: 'authenticate', challenge: 'b', expires_at: future }
			])
			.execute();
		await t.db
			.insertInto('rate_limit_buckets')
			.values([
				{ key: `old-${name}`, hits: 3, window_ends_at: past },
				{ key: `new-${name}`, hits: 3, window_ends_at: future }
			])
			.execute();

		const [run] = await runDueJobs(t.db, { only: ['clean-up'] });
		expect(run).toMatchObject({ job: 'clean-up', outcome: 'ok' });
		expect(run.detail).toMatch(
			/^removed 1 sessions, 1 tokens, 1 passkey challenges, \d+ rate-limit rows/
		);

		const ids = async (q: Promise<{ id: string }[]>) => (await q).map((r) => r.id).sort();
		expect(
			await ids(t.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute())
		).toEqual([live.session.id]);
		expect(
			await ids(
				t.db.selectFrom('auth_tokens').select('id').where('user_id', '=', user.id).execute()
			)
		).toEqual([`new-${name}`]);
		const challenges = await t.db.selectFrom('webauthn_challenges').select('purpose').execute();
		expect(challenges).toEqual([{ purpose: 'authenticate' }]);
		const buckets = await t.db
			.selectFrom('rate_limit_buckets')
			.select('key')
			.where('key', 'like', `%-${name}`)
			.execute();
		expect(buckets).toEqual([{ key: `new-${name}` }]);
		await sql`select 1`.execute(t.db);
	});
});
