import { sql, type Kysely } from 'kysely';

// Frozen in time: raw types only, nothing imported from src/.
export async function up(db: Kysely<any>): Promise<void> {
	// Runtime settings an administrator changes without a restart; absent keys fall back to defaults.
	await db.schema
		.createTable('settings')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('value', 'jsonb', (c) => c.notNull())
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
		.execute();

	// A membership for an email with no verified account yet; applied when that person verifies.
	await db.schema
		.createTable('pending_membership_grants')
		.addColumn('id', 'bigserial', (c) => c.primaryKey())
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('valid_from', 'date', (c) => c.notNull())
		.addColumn('valid_until', 'date', (c) => c.notNull())
		.addColumn('source', 'text', (c) =>
			c.notNull().check(sql`source in ('admin_grant', 'csv_import', 'payment')`)
		)
		.addColumn('amount_pence', 'integer')
		.addColumn('reference', 'text')
		.addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('applied_at', 'timestamptz')
		.addCheckConstraint('pending_membership_grants_dates', sql`valid_until >= valid_from`)
		.execute();
	// At most one waiting grant per address: a later import replaces the earlier one.
	await sql`
		create unique index pending_membership_grants_open_email
		on pending_membership_grants (email) where applied_at is null
	`.execute(db);

	// The audit page filters by action and pages through time.
	await db.schema
		.createIndex('audit_log_action_created_at')
		.on('audit_log')
		.columns(['action', 'created_at'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('audit_log_action_created_at').ifExists().execute();
	await db.schema.dropTable('pending_membership_grants').ifExists().execute();
	await db.schema.dropTable('settings').ifExists().execute();
}
