import { sql, type Kysely } from 'kysely';

// Frozen in time: raw types only, nothing imported from src/.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('users')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('email', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('doctor_kind', 'text', (c) =>
			c.notNull().check(sql`doctor_kind in ('salaried', 'locum', 'retainer', 'other')`)
		)
		.addColumn('role', 'text', (c) =>
			c
				.notNull()
				.defaultTo('doctor')
				.check(sql`role in ('doctor', 'admin')`)
		)
		.addColumn('password_hash', 'text', (c) => c.notNull())
		.addColumn('email_verified_at', 'timestamptz')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	await db.schema
		.createTable('sessions')
		// SHA-256 of the cookie token, hex; the token itself is never stored.
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('expires_at', 'timestamptz', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('user_agent', 'text')
		.execute();
	await db.schema.createIndex('sessions_user_id').on('sessions').column('user_id').execute();

	await db.schema
		.createTable('auth_tokens')
		// SHA-256 of the emailed token, hex.
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('purpose', 'text', (c) =>
			c.notNull().check(sql`purpose in ('verify_email', 'reset_password')`)
		)
		.addColumn('expires_at', 'timestamptz', (c) => c.notNull())
		.addColumn('used_at', 'timestamptz')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema
		.createIndex('auth_tokens_user_purpose')
		.on('auth_tokens')
		.columns(['user_id', 'purpose'])
		.execute();

	await db.schema
		.createTable('rate_limit_buckets')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('hits', 'integer', (c) => c.notNull())
		.addColumn('window_ends_at', 'timestamptz', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('email_outbox')
		.addColumn('id', 'bigserial', (c) => c.primaryKey())
		.addColumn('to_address', 'text', (c) => c.notNull())
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('body_text', 'text', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('sent_at', 'timestamptz')
		.addColumn('error', 'text')
		.execute();

	await db.schema
		.createTable('audit_log')
		.addColumn('id', 'bigserial', (c) => c.primaryKey())
		.addColumn('actor_user_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
		// Kept as text so the log still says who acted after that account is deleted.
		.addColumn('actor_label', 'text', (c) => c.notNull())
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('target', 'text')
		.addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema
		.createIndex('audit_log_created_at')
		.on('audit_log')
		.column('created_at')
		.execute();

	await db.schema
		.createTable('memberships')
		.addColumn('id', 'bigserial', (c) => c.primaryKey())
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('valid_from', 'date', (c) => c.notNull())
		.addColumn('valid_until', 'date', (c) => c.notNull())
		.addColumn('source', 'text', (c) =>
			c.notNull().check(sql`source in ('admin_grant', 'csv_import', 'payment')`)
		)
		.addColumn('amount_pence', 'integer')
		.addColumn('reference', 'text')
		.addColumn('revoked_at', 'timestamptz')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint('memberships_dates', sql`valid_until >= valid_from`)
		.execute();
	await db.schema
		.createIndex('memberships_user_dates')
		.on('memberships')
		.columns(['user_id', 'valid_until'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'memberships',
		'audit_log',
		'email_outbox',
		'rate_limit_buckets',
		'auth_tokens',
		'sessions',
		'users'
	]) {
		await db.schema.dropTable(table).ifExists().execute();
	}
}
