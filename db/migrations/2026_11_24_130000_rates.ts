import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	// Reference tables; their rows are kept in step with the code (data/, src/lib/domain) at start.
	await db.schema
		.createTable('geo_units')
		.addColumn('code', 'text', (c) => c.primaryKey())
		.addColumn('level', 'text', (c) =>
			c.notNull().check(sql`level in ('nation', 'region', 'area')`)
		)
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('short_name', 'text', (c) => c.notNull())
		.addColumn('parent_code', 'text', (c) => c.references('geo_units.code'))
		.execute();

	await db.schema
		.createTable('rate_categories')
		.addColumn('code', 'text', (c) => c.primaryKey())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull())
		.addColumn('sort_order', 'integer', (c) => c.notNull())
		.execute();

	// No user id, workplace or free text (DESIGN §3.3): a contributor key only.
	await db.schema
		.createTable('rate_submissions')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('contributor_key', 'text', (c) => c.notNull())
		.addColumn('category_code', 'text', (c) => c.notNull().references('rate_categories.code'))
		.addColumn('work_month', 'text', (c) =>
			c.notNull().check(sql`work_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`)
		)
		.addColumn('area_code', 'text', (c) => c.notNull().references('geo_units.code'))
		.addColumn('region_code', 'text', (c) => c.notNull().references('geo_units.code'))
		.addColumn('nation_code', 'text', (c) => c.notNull().references('geo_units.code'))
		.addColumn('amount_pence', 'integer', (c) => c.notNull().check(sql`amount_pence > 0`))
		.addColumn('basis', 'text', (c) =>
			c.notNull().check(sql`basis in ('per_hour', 'per_session', 'per_day')`)
		)
		.addColumn('hours_worked', sql`numeric(4, 2)`, (c) =>
			c.notNull().check(sql`hours_worked between 1 and 14`)
		)
		.addColumn('pence_per_hour', 'integer', (c) =>
			c.notNull().check(sql`pence_per_hour between 3000 and 40000`)
		)
		.addColumn('session_equivalent_pence', 'integer', (c) => c.notNull())
		.addColumn('booked_contacts', 'integer', (c) => c.check(sql`booked_contacts between 0 and 200`))
		.addColumn('home_visits_included', 'boolean')
		.addColumn('admin_included', 'boolean')
		.addColumn('booking_route', 'text', (c) =>
			c.check(sql`booking_route in ('direct', 'agency', 'platform')`)
		)
		.addColumn('status', 'text', (c) =>
			c.notNull().check(sql`status in ('accepted', 'held', 'rejected')`)
		)
		.addColumn('moderation_reason', 'text')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addUniqueConstraint('rate_submissions_one_per_cell_month', [
			'contributor_key',
			'category_code',
			'area_code',
			'work_month'
		])
		.execute();
	await db.schema
		.createIndex('rate_submissions_publication')
		.on('rate_submissions')
		.columns(['work_month', 'status', 'category_code'])
		.execute();
	await db.schema
		.createIndex('rate_submissions_moderation')
		.on('rate_submissions')
		.columns(['category_code', 'region_code', 'status'])
		.execute();

	await db.schema
		.createTable('rate_snapshots')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('quarter_end', 'date', (c) => c.notNull().unique())
		.addColumn('window_from', 'text', (c) => c.notNull())
		.addColumn('window_to', 'text', (c) => c.notNull())
		.addColumn('min_contributors', 'integer', (c) => c.notNull())
		.addColumn('quartile_contributors', 'integer', (c) => c.notNull())
		.addColumn('cells_published', 'integer', (c) => c.notNull())
		.addColumn('cells_suppressed', 'integer', (c) => c.notNull())
		.addColumn('published_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	// Only what may be shown: a suppressed cell has no numbers; nothing holds exact counts.
	await db.schema
		.createTable('rate_snapshot_cells')
		.addColumn('snapshot_id', 'integer', (c) =>
			c.notNull().references('rate_snapshots.id').onDelete('cascade')
		)
		.addColumn('category_code', 'text', (c) => c.notNull())
		.addColumn('geo_code', 'text', (c) => c.notNull())
		.addColumn('geo_level', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) =>
			c.notNull().check(sql`status in ('published', 'suppressed')`)
		)
		.addColumn('median_per_hour', 'integer')
		.addColumn('median_per_session', 'integer')
		.addColumn('count_band', 'text')
		.addColumn('confidence', 'text')
		.addColumn('p25_per_hour', 'integer')
		.addColumn('p75_per_hour', 'integer')
		.addColumn('contacts_per_hour', sql`numeric(5, 1)`)
		.addPrimaryKeyConstraint('rate_snapshot_cells_pk', ['snapshot_id', 'category_code', 'geo_code'])
		.addCheckConstraint(
			'rate_snapshot_cells_suppressed_empty',
			sql`status = 'published' or (median_per_hour is null and median_per_session is null and count_band is null and confidence is null and p25_per_hour is null and p75_per_hour is null and contacts_per_hour is null)`
		)
		.execute();
	await db.schema
		.createIndex('rate_snapshot_cells_series')
		.on('rate_snapshot_cells')
		.columns(['category_code', 'geo_code', 'snapshot_id'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'rate_snapshot_cells',
		'rate_snapshots',
		'rate_submissions',
		'rate_categories',
		'geo_units'
	]) {
		await db.schema.dropTable(table).ifExists().execute();
	}
}
