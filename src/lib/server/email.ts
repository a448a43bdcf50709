import nodemailer, { type Transporter } from 'nodemailer';
import { sql } from 'kysely';
import type { Db } from './db/index';
import { config } from './config';
import * as clock from './clock';
import { logger } from './log';

export interface OutgoingEmail {
	to: string;
	subject: string;
	text: string;
}

/** Sends tried before an email is given up (the last about four hours after the first). */
export const MAX_SEND_ATTEMPTS = 8;
/** The wait after the first failed send; it doubles after each later one. */
const FIRST_RETRY_MS = 60_000;
/**
 * How long a send in progress holds its row: the outbox job leaves it alone meanwhile, and takes
 * it over afterwards if the process that held it died before recording how it went.
 */
const SEND_LEASE_MS = 5 * 60_000;
/** Emails the outbox job sends in one run at most. */
const OUTBOX_BATCH = 50;

/** When to try again after `attempts` failed sends, or null to give up. */
export function nextAttemptAfter(attempts: number, failedAtMs: number): Date | null {
	if (attempts >= MAX_SEND_ATTEMPTS) return null;
	return new Date(failedAtMs + FIRST_RETRY_MS * 2 ** (attempts - 1));
}

let transport: { url: string; transporter: Transporter } | undefined;

function transporterFor(url: string): Transporter {
	if (transport?.url !== url) transport = { url, transporter: nodemailer.createTransport(url) };
	return transport.transporter;
}

/**
 * Every email is kept in the outbox first. With SMTP_URL set it is also sent; without it (the
 * embedded demo) it is written to the server log so a developer can follow the link.
 * A failed send is recorded on the outbox row, not thrown: the person's action has already
 * succeeded, and the outbox job (src/lib/server/jobs/) tries again later.
 */
export async function sendEmail(db: Db, email: OutgoingEmail): Promise<{ sent: boolean }> {
	const { sent } = await deliver(db, { id: await keep(db, email), attempts: 0, ...email });
	return { sent };
}

const inFlight = new Set<Promise<unknown>>();

/**
 * Keeps the email in the outbox and delivers it in the background: the request that asked for it
 * answers in the same time whether or not an email goes out, and whether the SMTP server is quick,
 * slow or gone (account flows must not tell a stranger which addresses have accounts).
 */
export async function queueEmail(db: Db, email: OutgoingEmail): Promise<void> {
	const id = await keep(db, email);
	const delivery = deliver(db, { id, attempts: 0, ...email }).catch((err) => {
		logger('email').error({ err, to: email.to }, 'recording a delivery failed');
	});
	inFlight.add(delivery);
	void delivery.finally(() => inFlight.delete(delivery));
}

/** Resolves once every queued email has been delivered or has failed (tests, shutdown). */
export async function emailsDelivered(): Promise<void> {
	while (inFlight.size > 0) await Promise.all([...inFlight]);
}

async function keep(db: Db, email: OutgoingEmail): Promise<string> {
	const row = await db
		.insertInto('email_outbox')
		.values({
			to_address: email.to,
			subject: email.subject,
			body_text: email.text,
			// Held by the send that follows at once; the outbox job takes it only if that never ends.
			next_attempt_at: new Date(clock.nowMs() + SEND_LEASE_MS)
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return String(row.id);
}

interface Pending extends OutgoingEmail {
	id: string;
	/** Sends tried before this one. */
	attempts: number;
}

type Delivery = { sent: boolean; retryAt?: Date | null };

async function deliver(db: Db, email: Pending): Promise<Delivery> {
	const { SMTP_URL, MAIL_FROM, NODE_ENV } = config();
	const log = logger('email');
	if (!SMTP_URL) {
		await db
			.updateTable('email_outbox')
			.set({ next_attempt_at: null })
			.where('id', '=', email.id)
			.execute();
		// The demo's way to follow a link without a mail server. A production server never writes a
		// body (it holds the link's token): the email waits in the outbox table.
		if (NODE_ENV === 'production') {
			log.warn({ outboxId: email.id, to: email.to }, 'no SMTP_URL: email kept in the outbox only');
		} else {
			process.stdout.write(`[email] to ${email.to}: ${email.subject}\n${email.text}\n\n`);
		}
		return { sent: false };
	}
	const { to, subject, text } = email;
	try {
		await transporterFor(SMTP_URL).sendMail({ from: MAIL_FROM, to, subject, text });
		await db
			.updateTable('email_outbox')
			.set({ sent_at: clock.now(), attempts: email.attempts + 1, next_attempt_at: null })
			.where('id', '=', email.id)
			.execute();
		return { sent: true };
	} catch (err) {
		const attempts = email.attempts + 1;
		const retryAt = nextAttemptAfter(attempts, clock.nowMs());
		const message = err instanceof Error ? err.message : String(err);
		log.warn(
			{ outboxId: email.id, to, attempts, retryAt, reason: message },
			retryAt ? 'sending failed; will try again' : 'sending failed; given up'
		);
		await db
			.updateTable('email_outbox')
			.set({ error: message.slice(0, 500), attempts, next_attempt_at: retryAt })
			.where('id', '=', email.id)
			.execute();
		return { sent: false, retryAt };
	}
}

export interface OutboxRun {
	sent: number;
	retrying: number;
	givenUp: number;
}

/**
 * Sends the emails whose next attempt is due by the app's clock. Each is claimed first (its next
 * attempt moved a lease ahead, rows another instance is claiming skipped), so of several instances
 * running this together each email goes to one.
 */
export async function deliverDueEmails(db: Db): Promise<OutboxRun> {
	const now = clock.now();
	const lease = new Date(now.getTime() + SEND_LEASE_MS);
	const { rows } = await sql<{
		id: string | number;
		to_address: string;
		subject: string;
		body_text: string;
		attempts: number;
	}>`
		update email_outbox set next_attempt_at = ${lease}
		where id in (
			select id from email_outbox
			where sent_at is null and next_attempt_at <= ${now}
			order by next_attempt_at
			limit ${OUTBOX_BATCH}
			for update skip locked
		)
		returning id, to_address, subject, body_text, attempts
	`.execute(db);
	const run: OutboxRun = { sent: 0, retrying: 0, givenUp: 0 };
	for (const row of rows) {
		const result = await deliver(db, {
			id: String(row.id),
			attempts: Number(row.attempts),
			to: row.to_address,
			subject: row.subject,
			text: row.body_text
		});
		if (result.sent) run.sent++;
		else if (result.retryAt) run.retrying++;
		else run.givenUp++;
	}
	return run;
}
