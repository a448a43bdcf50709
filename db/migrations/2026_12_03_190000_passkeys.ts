import { type Kysely } from 'kysely';

// Frozen in time: raw types only, nothing imported from src/.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('passkey_credentials')
		// The credential id the authenticator gave, base64url: what a sign-in names.
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
		// The COSE public key, base64url (text reads back the same from pg and PGlite).
		.addColumn('public_key', 'text', (c) => c.notNull())
		// The authenticator's signature counter (32 bits unsigned, so bigint); 0 when it keeps none.
		.addColumn('counter', 'bigint', (c) => c.notNull().defaultTo(0))
		// How the browser may reach it ('internal', 'usb', 'hybrid', ...), comma-separated.
		.addColumn('transports', 'text', (c) => c.notNull().defaultTo(''))
		// What the doctor calls it ("Work laptop").
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull())
		.addColumn('last_used_at', 'timestamptz')
		.execute();
	await db.schema
		.createIndex('passkey_credentials_user_id')
		.on('passkey_credentials')
		.column('user_id')
		.execute();

	// The challenge a passkey ceremony in progress must sign: one per session and purpose, taken
	// (deleted) by the verification that reads it, and refused after it expires.
	await db.schema
		.createTable('webauthn_challenges')
		.addColumn('session_id', 'text', (c) =>
			c.notNull().references('sessions.id').onDelete('cascade')
		)
		// 'register' on the account page, 'authenticate' at the second step of sign-in.
		.addColumn('purpose', 'text', (c) => c.notNull())
		.addColumn('challenge', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'timestamptz', (c) => c.notNull())
		.addPrimaryKeyConstraint('webauthn_challenges_pkey', ['session_id', 'purpose'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('webauthn_challenges').execute();
	await db.schema.dropTable('passkey_credentials').execute();
}
