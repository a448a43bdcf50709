import { sql, type Kysely } from 'kysely';

// Frozen in time: raw types only, nothing imported from src/.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('totp_credentials')
		.addColumn('user_id', 'uuid', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
		// The 20-byte key, AES-256-GCM encrypted with a key derived from the server's secret.
		.addColumn('key_ciphertext', 'text', (c) => c.notNull())
		// Null while the person has not yet confirmed it with a first code.
		.addColumn('confirmed_at', 'timestamptz')
		// The last 30-second step whose code was accepted: no code is accepted twice.
		.addColumn('last_used_step', 'integer')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	await db.schema
		.createTable('recovery_codes')
		.addColumn('id', 'bigserial', (c) => c.primaryKey())
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
		// SHA-256 of the code, hex; the code itself is shown once and never stored.
		.addColumn('code_hash', 'text', (c) => c.notNull())
		.addColumn('used_at', 'timestamptz')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addUniqueConstraint('recovery_codes_user_code', ['user_id', 'code_hash'])
		.execute();

	// A session of an account with a second factor is signed in only once this is true.
	await db.schema
		.alterTable('sessions')
		.addColumn('second_factor_verified', 'boolean', (c) => c.notNull().defaultTo(false))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('sessions').dropColumn('second_factor_verified').execute();
	await db.schema.dropTable('recovery_codes').execute();
	await db.schema.dropTable('totp_credentials').execute();
}
