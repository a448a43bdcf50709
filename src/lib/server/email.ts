import nodemailer, { type Transporter } from 'nodemailer';
import type { Db } from './db/index';
import { config } from './config';

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
 * A failed send is recorded, not thrown: the person's action has already succeeded.
 */
export async function sendEmail(db: Db, email: OutgoingEmail): Promise<{ sent: boolean }> {
	const row = await db
		.insertInto('email_outbox')
		.values({ to_address: email.to, subject: email.subject, body_text: email.text })
		.returning('id')
		.executeTakeFirstOrThrow();
	const { SMTP_URL, MAIL_FROM } = config();
	if (!SMTP_URL) {
		console.info(`[email] to ${email.to}: ${email.subject}\n${email.text}\n`);
		return { sent: false };
	}
	try {
		await transporterFor(SMTP_URL).sendMail({ from: MAIL_FROM, ...email });
		await db
			.updateTable('email_outbox')
			.set({ sent_at: new Date() })
			.where('id', '=', row.id)
			.execute();
		return { sent: true };
	} catch (err) {
		const message = err instanceof Error ? err.message : String(err);
		console.error(`[email] sending to ${email.to} failed: ${message}`);
		await db
			.updateTable('email_outbox')
			.set({ error: message.slice(0, 500) })
			.where('id', '=', row.id)
			.execute();
		return { sent: false };
	}
}
