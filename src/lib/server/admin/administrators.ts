// Administrators made from the command line (`npm run admin -- create`): the first one of a new
// deployment, and any later one. Nobody becomes an administrator from the web pages.
import type { Db } from '../db/index';
import { recordAudit, type Actor } from '../audit';
import * as clock from '../clock';
import { findUserByEmail } from '../auth/accounts';
import { hashPassword, passwordProblem } from '../auth/password';

export interface NewAdministrator {
	email: string;
	name: string;
	password: string;
}

export type CreateAdministratorResult =
	| { status: 'created'; userId: string }
	| { status: 'exists' }
	| { status: 'weak-password'; problem: string };

/**
 * Creates a verified administrator account with the password they chose, refused by the app's own
 * password rules (length, the common-password list) as registration refuses it. They set up
 * two-factor sign-in at their first sign-in, as every administrator must (auth/two-factor.ts).
 */
export async function createAdministrator(
	db: Db,
	input: NewAdministrator,
	actor: Actor
): Promise<CreateAdministratorResult> {
	const problem = passwordProblem(input.password);
	if (problem) return { status: 'weak-password', problem };
	if (await findUserByEmail(db, input.email)) return { status: 'exists' };
	const passwordHash = await hashPassword(input.password);
	return db.transaction().execute(async (trx) => {
		const user = await trx
			.insertInto('users')
			.values({
				email: input.email,
				name: input.name,
				doctor_kind: 'other',
				role: 'admin',
				password_hash: passwordHash,
				email_verified_at: clock.now()
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await recordAudit(trx, actor, 'admin.create', input.email);
		return { status: 'created' as const, userId: user.id };
	});
}

/** Makes an existing account an administrator; they keep their own password. */
export async function promoteToAdministrator(
	db: Db,
	email: string,
	actor: Actor
): Promise<boolean> {
	const user = await findUserByEmail(db, email);
	if (!user) return false;
	await db.transaction().execute(async (trx) => {
		await trx.updateTable('users').set({ role: 'admin' }).where('id', '=', user.id).execute();
		await recordAudit(trx, actor, 'admin.promote', email);
	});
	return true;
}
