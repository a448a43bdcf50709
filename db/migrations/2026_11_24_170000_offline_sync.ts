import { sql, type Kysely } from 'kysely';

// Frozen in time: raw types only, nothing imported from src/. Offline logging (issue 9): each
// queued change from a phone carries a client-made id, and the result of applying it is kept so a
// retried sync returns the same answer instead of applying the change twice.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('diary_sync_log')
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('client_id', 'uuid', (c) => c.notNull())
		.addColumn('result', 'jsonb', (c) => c.notNull())
		.addColumn('applied_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('diary_sync_log_pk', ['user_id', 'client_id'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('diary_sync_log').execute();
}
