import type { Db } from '../../src/lib/server/db/index';
import { toNumber } from '../../src/lib/server/db/index';
import { hashPassword } from '../../src/lib/server/auth/password';
import { parseTotpKey, setConfirmedTotpKey } from '../../src/lib/server/auth/totp';
import { grantMembership } from '../../src/lib/server/membership/index';
import * as clock from '../../src/lib/server/clock';
import { addMonths } from '../../src/lib/domain/calendar';

export interface DemoAccount {
	role: 'doctor' | 'member' | 'admin';
	email: string;
	password: string;
	name: string;
}

// Demo passwords are public by design: they exist only in databases made by `npm start`.
export const DEMO_ACCOUNTS: DemoAccount[] = [
	{
		role: 'doctor',
		email: 'doctor@demo.sessional.test',
		password: 'demo-doctor-pass',
		name: 'Dr Asha Patel'
	},
	{
		role: 'member',
		email: 'member@demo.sessional.test',
		password: 'demo-member-pass',
		name: 'Dr Tom Reid'
	},
	{
		role: 'admin',
		email: 'admin@demo.sessional.test',
		password: 'demo-admin-pass',
		name: 'Dr Ruth Evans'
	}
];

/**
 * The demo administrator's authenticator key (administrators must use two-factor sign-in), public
 * like the demo passwords so a person trying the demo and the e2e suite can make its codes: add it
 * to an authenticator app as a time-based key, or `generateTOTP(parseTotpKey(key), 30, 6)` from
 * `@oslojs/otp`. It exists only in databases made by the demo seed.
 */
export const DEMO_ADMIN_TOTP_KEY = 'SESS IONA LDEM OADM INTW OFAC TORK EY23';

/** Creates the demo accounts on an empty database; returns false when there were users already. */
export async function seedDemoAccounts(db: Db, today: string = clock.today()): Promise<boolean> {
	const { n } = await db
		.selectFrom('users')
		.select((eb) => eb.fn.countAll().as('n'))
		.executeTakeFirstOrThrow();
	if (toNumber(n) > 0) return false;

	for (const account of DEMO_ACCOUNTS) {
		const user = await db
			.insertInto('users')
			.values({
				email: account.email,
				name: account.name,
				doctor_kind: account.role === 'member' ? 'locum' : 'salaried',
				role: account.role === 'admin' ? 'admin' : 'doctor',
				password_hash: await hashPassword(account.password),
				email_verified_at: clock.now()
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		if (account.role === 'admin')
			await setConfirmedTotpKey(db, user.id, parseTotpKey(DEMO_ADMIN_TOTP_KEY));
		if (account.role !== 'doctor') {
			await grantMembership(db, {
				userId: user.id,
				validFrom: addMonths(today, -1),
				validUntil: addMonths(today, 11),
				source: 'admin_grant',
				amountPence: 2600,
				reference: 'demo'
			});
		}
	}
	return true;
}
