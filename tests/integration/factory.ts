// One way for the integration tests to make the people they need: a user row as the session hook
// would describe it, a signed-in session for one, and a workplace and a diary entry's fields. (Registration itself is tested through
// registerUser in accounts.test.ts; everything else starts here.)
import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/lib/server/db/index';
import type { DoctorKind } from '../../src/lib/server/db/schema';
import { hashPassword } from '../../src/lib/server/auth/password';
import {
	createSession,
	generateSessionToken,
	validateSessionToken,
	type SessionUser
} from '../../src/lib/server/auth/session';
import * as clock from '../../src/lib/server/clock';
import { createWorkplace } from '../../src/lib/server/diary/workplaces';
import type { WorkplaceInput } from '../../src/lib/schemas/diary';

export interface TestUserOptions {
	role?: SessionUser['role'];
	/** Default: `<label>.<random>@example.org`, so every call makes a new account. */
	email?: string;
	name?: string;
	doctorKind?: DoctorKind;
	/** A confirmed address (the default) or not. */
	verified?: boolean;
	/** Hashed as at registration, for tests that sign in or re-enter it; otherwise no password works. */
	password?: string;
}

/** An account made directly in the database. */
export async function createTestUser(
	db: Db,
	label: string,
	options: TestUserOptions = {}
): Promise<SessionUser> {
	const {
		role = 'doctor',
		email = `${label.toLowerCase().replace(/[^a-z0-9]+/g, '.')}.${randomBytes(5).toString('hex')}@example.org`,
		name = `Dr ${label}`,
		doctorKind = 'locum',
		verified = true,
		password
	} = options;
	const row = await db
		.insertInto('users')
		.values({
			email,
			name,
			doctor_kind: doctorKind,
			password_hash: password ? await hashPassword(password) : 'not-a-real-hash',
			role,
			email_verified_at: verified ? clock.now() : null
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return {
		id: row.id,
		email,
		name,
		doctorKind,
		role,
		emailVerified: verified,
		twoFactorEnabled: false
	};
}

/** A session for the user, as signing in makes one: its token and what the hook reads from it. */
export async function signedInSession(db: Db, userId: string) {
	const token = generateSessionToken();
	await createSession(db, token, userId);
	const validated = await validateSessionToken(db, token);
	if (!validated) throw new Error('no session');
	return { token, ...validated };
}

/** A workplace saved as the set-up form saves one: an English salaried practice unless told. */
export async function createTestWorkplace(
	db: Db,
	userId: string,
	input: Partial<WorkplaceInput> = {}
): Promise<string> {
	const saved = await createWorkplace(db, userId, {
		name: 'Riverside Surgery',
		kind: 'practice',
		basis: 'salaried',
		areaCode: '',
		nation: 'ENG',
		...input
	});
	if (!saved.ok) throw new Error(`workplace not created: ${JSON.stringify(saved.errors)}`);
	return saved.id;
}

/**
 * A morning surgery as the entry form posts it: 08:30–12:40, 180 minutes consulting and 70 admin,
 * 18 face-to-face and 10 telephone contacts.
 */
export function morningSurgeryFields(
	workplaceId: string,
	date: string,
	over: Record<string, string> = {}
): Record<string, string> {
	return {
		date,
		workplaceId,
		sessionType: 'surgery',
		start: '08:30',
		finish: '12:40',
		act_consulting: '180',
		act_admin: '70',
		con_face_to_face: '18',
		con_telephone: '10',
		...over
	};
}
