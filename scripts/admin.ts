// npm run admin -- create <email> [name] [--password-stdin]
// Makes <email> an administrator: promotes an existing account (they keep their password), or
// creates a verified one with a password typed twice here, or read from standard input with
// --password-stdin (one line, for scripts: `printf '%s\n' "$PASSWORD" | npm run admin -- create
// …`). The app's password rules apply. The first sign-in asks them to set up two-factor sign-in.
// This is how a new deployment gets its first administrator (README, "Run it for a group").
//
// npm run admin -- reset-2fa <email>
// For someone who lost their authenticator app, passkeys and recovery codes: removes every second
// factor and ends every session of the account (audited). An administrator is asked to set a new
// one up at the next sign-in. This is the only way to remove an administrator's second factor.
import './settings';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { setupDatabase, openDb } from '../src/lib/server/db/index';
import { targetFromConfig } from '../src/lib/server/db/connection';
import { findUserByEmail } from '../src/lib/server/auth/accounts';
import { passwordProblem } from '../src/lib/server/auth/password';
import { resetTwoFactor } from '../src/lib/server/auth/two-factor';
import {
	createAdministrator,
	promoteToAdministrator
} from '../src/lib/server/admin/administrators';
import { SYSTEM_ACTOR } from '../src/lib/server/audit';
import { email as emailSchema } from '../src/lib/schemas/auth';

const CLI_ACTOR = { ...SYSTEM_ACTOR, label: 'cli' };

const { values: flags, positionals } = parseArgs({
	allowPositionals: true,
	options: { 'password-stdin': { type: 'boolean', default: false } }
});
const [command, rawEmail, ...nameParts] = positionals;
if ((command !== 'create' && command !== 'reset-2fa') || !rawEmail) {
	console.error('Usage: npm run admin -- create <email> [name] [--password-stdin]');
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

/** One line typed without echo: the password never shows on the screen or in the history. */
function askHidden(prompt: string): Promise<string> {
	return new Promise((resolve, reject) => {
		const stdin = process.stdin;
		// Echo off before the prompt shows, so nothing typed at once is echoed.
		stdin.setRawMode(true);
		process.stdout.write(prompt);
		stdin.setEncoding('utf8');
		stdin.resume();
		let typed = '';
		const finish = () => {
			stdin.off('data', onData);
			stdin.setRawMode(false);
			stdin.pause();
			process.stdout.write('\n');
		};
		const onData = (chunk: string) => {
			for (const ch of chunk) {
				if (ch === '\r' || ch === '\n') {
					finish();
					resolve(typed);
					return;
				}
				if (ch === '\u0003' || ch === '\u0004') {
					finish();
					reject(new Error('Cancelled: no account was created.'));
					return;
				}
				if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
				else typed += ch;
			}
		};
		stdin.on('data', onData);
	});
}

async function readStdin(): Promise<string> {
	let text = '';
	for await (const chunk of process.stdin) text += String(chunk);
	// One line: the newline that ends it is not part of the password.
	return text.replace(/\r?\n$/, '');
}

/** The new administrator's password, or null after saying why there is none. */
async function choosePassword(): Promise<string | null> {
	if (flags['password-stdin']) return readStdin();
	if (!process.stdin.isTTY) {
		console.error('No terminal to type a password in: pipe one line to --password-stdin.');
		return null;
	}
	for (;;) {
		const password = await askHidden(`Password for ${email}: `);
		const problem = passwordProblem(password);
		if (problem) {
			console.error(problem);
			continue;
		}
		if ((await askHidden('The same password again: ')) === password) return password;
		console.error('The two passwords are different.');
	}
}

const db = await openDb(targetFromConfig());
try {
	await setupDatabase(db);
	const existing = await findUserByEmail(db, email);
	if (command === 'reset-2fa') {
		if (!existing) {
			console.error(`No account has the email ${email}.`);
			process.exitCode = 1;
		} else {
			await resetTwoFactor(db, existing.id, email, CLI_ACTOR);
			console.log(
				`Two-factor sign-in (authenticator app, passkeys and recovery codes) removed for ${email}; every session of the account ended.`
			);
			if (existing.role === 'admin')
				console.log('As an administrator they set up a new one when they next sign in.');
		}
	} else if (existing) {
		await promoteToAdministrator(db, email, CLI_ACTOR);
		console.log(`${email} is now an administrator. They sign in with their own password.`);
	} else {
		const password = await choosePassword();
		const result =
			password === null
				? null
				: await createAdministrator(db, { email, name, password }, CLI_ACTOR);
		if (result?.status === 'created') {
			console.log(`Created administrator ${email}.`);
			console.log('At their first sign-in they set up two-factor sign-in (an authenticator app).');
		} else {
			if (result?.status === 'weak-password') console.error(`Password refused: ${result.problem}`);
			if (result?.status === 'exists') console.error(`${email} has an account already.`);
			console.error('No account was created.');
			process.exitCode = 1;
		}
	}
} catch (err) {
	console.error((err as Error).message);
	process.exitCode = 1;
} finally {
	await db.destroy();
}
