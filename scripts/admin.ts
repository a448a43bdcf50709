// npm run admin -- create <email> [name]
// Makes <email> an administrator: promotes an existing account, or creates a verified one with a
// one-time password printed here (to be changed at first sign-in from the account page).
//
// npm run admin -- reset-2fa <email>
// For someone who lost their authenticator app, passkeys and recovery codes: removes every second
// factor and ends every session of the account (audited). An administrator is asked to set a new
// one up at the next sign-in. This is the only way to remove an administrator's second factor.
import { z } from 'zod';
import { setupDatabase, openDb } from '../src/lib/server/db/index';
import { targetFromConfig } from '../src/lib/server/db/connection';
import { generateToken } from '../src/lib/server/auth/crypto';
import { hashPassword } from '../src/lib/server/auth/password';
import { findUserByEmail } from '../src/lib/server/auth/accounts';
import { resetTwoFactor } from '../src/lib/server/auth/two-factor';
import { recordAudit, SYSTEM_ACTOR } from '../src/lib/server/audit';
import { email as emailSchema } from '../src/lib/schemas/auth';
import * as clock from '../src/lib/server/clock';

const [command, rawEmail, ...nameParts] = process.argv.slice(2);
if ((command !== 'create' && command !== 'reset-2fa') || !rawEmail) {
	console.error('Usage: npm run admin -- create <email> [name]');
	console.error('       npm run admin -- reset-2fa <email>');
	process.exit(2);
}
const parsedEmail = emailSchema.safeParse(rawEmail);
if (!parsedEmail.success) {
	console.error(`Not an email address: ${rawEmail}`);
	process.exit(2);
}
const email = parsedEmail.data;
const name = z.string().trim().min(1).safeParse(nameParts.join(' ')).data ?? 'Administrator';

const db = await openDb(targetFromConfig());
try {
	await setupDatabase(db);
	const existing = await findUserByEmail(db, email);
	if (command === 'reset-2fa') {
		if (!existing) {
			console.error(`No account has the email ${email}.`);
			process.exitCode = 1;
		} else {
			await resetTwoFactor(db, existing.id, email, { ...SYSTEM_ACTOR, label: 'cli' });
			console.log(
				`Two-factor sign-in (authenticator app, passkeys and recovery codes) removed for ${email}; every session of the account ended.`
			);
			if (existing.role === 'admin')
				console.log('As an administrator they set up a new one when they next sign in.');
		}
	} else if (existing) {
		await db.updateTable('users').set({ role: 'admin' }).where('id', '=', existing.id).execute();
		await recordAudit(db, { ...SYSTEM_ACTOR, label: 'cli' }, 'admin.promote', email);
		console.log(`${email} is now an administrator. They sign in with their own password.`);
	} else {
		const oneTimePassword = generateToken();
		await db
			.insertInto('users')
			.values({
				email,
				name,
				doctor_kind: 'other',
				role: 'admin',
				password_hash: await hashPassword(oneTimePassword),
				email_verified_at: clock.now()
			})
			.execute();
		await recordAudit(db, { ...SYSTEM_ACTOR, label: 'cli' }, 'admin.create', email);
		console.log(`Created administrator ${email}.`);
		console.log(`One-time password: ${oneTimePassword}`);
		console.log('Sign in with it and change it at once on the account page.');
	}
} finally {
	await db.destroy();
}
