import { sql, type Kysely } from 'kysely';

// Frozen in time: raw types only, nothing imported from src/. Indexes for national scale (issue 7,
// bench/README.md explains each with its measurement).
export async function up(db: Kysely<any>): Promise<void> {
	// The moderation queue reads held submissions oldest first: a few dozen rows among a million.
	await db.schema
		.createIndex('rate_submissions_held')
		.on('rate_submissions')
		.column('created_at')
		.where(sql.ref('status'), '=', 'held')
		.execute();
	// Every saved submission is checked against its category × region's doctors (one median each):
	// this index holds the rows in contributor order with the value, so the check reads the index
	// alone instead of tens of thousands of table rows at a million submissions.
	await db.schema
		.createIndex('rate_submissions_region_doctors')
		.on('rate_submissions')
		.columns(['category_code', 'region_code', 'contributor_key', 'pence_per_hour'])
		.where(sql.ref('status'), '=', 'accepted')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('rate_submissions_region_doctors').ifExists().execute();
	await db.schema.dropIndex('rate_submissions_held').ifExists().execute();
}
