import { sql, type Kysely } from 'kysely';

// Frozen in time: raw types only, nothing imported from src/.
export async function up(db: Kysely<any>): Promise<void> {
	// One row per scheduled job: when it is next due and until when a claimed run holds it. An
	// instance runs a job only by moving next_due_at forward in one conditional UPDATE, so of
	// several instances ticking together exactly one wins, and a restart reads where it left off.
	await db.schema
		.createTable('scheduled_jobs')
		.addColumn('name', 'text', (c) => c.primaryKey())
		.addColumn('next_due_at', 'timestamptz', (c) => c.notNull())
		// A claimed run's lease: another instance may take the job over only after it ends (a
		// process that died mid-run does not hold the job for ever).
		.addColumn('running_until', 'timestamptz')
		.execute();

	// Every run of a job and how it went, for the admin's publication page (pruned by the clean-up).
	await db.schema
		.createTable('job_runs')
		.addColumn('id', 'bigserial', (c) => c.primaryKey())
		.addColumn('job', 'text', (c) => c.notNull())
		.addColumn('started_at', 'timestamptz', (c) => c.notNull())
		.addColumn('finished_at', 'timestamptz')
		// 'ok', 'failed' or 'skipped' (nothing to do, e.g. no SMTP_URL).
		.addColumn('outcome', 'text', (c) => c.notNull())
		.addColumn('detail', 'text', (c) => c.notNull().defaultTo(''))
		.execute();
	await db.schema
		.createIndex('job_runs_job_started')
		.on('job_runs')
		.columns(['job', 'started_at'])
		.execute();

	// Outbox retries. Rows kept before this migration get no next attempt: they were written to the
	// log (no SMTP_URL) or failed long ago, and their links have expired.
	await db.schema
		.alterTable('email_outbox')
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
	await db.schema.alterTable('email_outbox').addColumn('next_attempt_at', 'timestamptz').execute();
	await sql`create index email_outbox_next_attempt on email_outbox (next_attempt_at) where sent_at is null and next_attempt_at is not null`.execute(
		db
	);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop index if exists email_outbox_next_attempt`.execute(db);
	await db.schema.alterTable('email_outbox').dropColumn('next_attempt_at').execute();
	await db.schema.alterTable('email_outbox').dropColumn('attempts').execute();
	await db.schema.dropTable('job_runs').execute();
	await db.schema.dropTable('scheduled_jobs').execute();
}
