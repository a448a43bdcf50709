import nodemailer, { type Transporter } from 'nodemailer';
import type { Db } from './db/index';
import { config } from './config';
import * as clock from './clock';

export interface OutgoingEmail {
	to: string;
	subject: string;
	text: string;
}

let transport: { url: string; transporter: Transporter } | undefined;

function transporterFor(url: string): Transporter {
	if (transport?.url !== url) transport = { url, transporter: nodemailer.createTransport(url) };
	return transport.transporter;
}

/**
 * Every email is kept in the outbox first. With SMTP_URL set it is also sent; without it (the
 * embedded demo) it is written to the server log so a developer can follow the link.
 * A failed send is recorded on the outbox row, not thrown: the person's action has already succeeded.
 */
export async function sendEmail(db: Db, email: OutgoingEmail): Promise<{ sent: boolean }> {
	return deliver(db, await keep(db, email), email);
}

const inFlight = new Set<Promise<unknown>>();

/**
 * Keeps the email in the outbox and delivers it in the background: the request that asked for it
 * answers in the same time whether or not an email goes out, and whether the SMTP server is quick,
 * slow or gone (account flows must not tell a stranger which addresses have accounts).
 */
export async function queueEmail(db: Db, email: OutgoingEmail): Promise<void> {
	const id = await keep(db, email);
	const delivery = deliver(db, id, email).catch((err) => {
		console.error(`[email] recording the delivery to ${email.to} failed:`, err);
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
		.values({ to_address: email.to, subject: email.subject, body_text: email.text })
		.returning('id')
		.executeTakeFirstOrThrow();
	return String(row.id);
}

async function deliver(db: Db, id: string, email: OutgoingEmail): Promise<{ sent: boolean }> {
	const { SMTP_URL, MAIL_FROM } = config();
	if (!SMTP_URL) {
		console.info(`[email] to ${email.to}: ${email.subject}\n${email.text}\n`);
		return { sent: false };
	}
	try {
		await transporterFor(SMTP_URL).sendMail({ from: MAIL_FROM, ...email });
		await db
			.updateTable('email_outbox')
			.set({ sent_at: clock.now() })
			.where('id', '=', id)
			.execute();
		return { sent: true };
	} catch (err) {
		const message = err instanceof Error ? err.message : String(err);
		console.error(`[email] sending to ${email.to} failed: ${message}`);
		await db
			.updateTable('email_outbox')
			.set({ error: message.slice(0, 500) })
			.where('id', '=', id)
			.execute();
		return { sent: false };
	}
}
