import { sql, type Kysely } from 'kysely';

// Frozen in time: raw types only, nothing imported from src/. The work diary (DESIGN §2).
const HHMM = `'^([01][0-9]|2[0-3]):[0-5][0-9]$'`;
const ACTIVITIES = ['consulting', 'home_visits', 'admin', 'meetings', 'teaching', 'cpd', 'other'];
const CONTACTS = ['face_to_face', 'telephone', 'video', 'online', 'home_visit'];
const ADMIN_COUNTS = ['results', 'letters', 'prescriptions', 'tasks_referrals'];
const SESSION_TYPES = [
	'surgery',
	'duty_doctor',
	'extended_access',
	'out_of_hours',
	'remote',
	'home_visits',
	'admin_only',
	'meeting_training',
	'cpd',
	'annual_leave',
	'sick',
	'study_leave',
	'bank_holiday'
];
const WORKING_TYPES = SESSION_TYPES.slice(0, 9);

function inList(values: string[]) {
	return sql.raw(values.map((v) => `'${v}'`).join(', '));
}

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('workplaces')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('name', 'text', (c) => c.notNull().check(sql`length(name) between 1 and 80`))
		.addColumn('kind', 'text', (c) =>
			c.notNull().check(sql`kind in ('practice', 'pcn_hub', 'ooh_provider', 'utc', 'other')`)
		)
		.addColumn('area_code', 'text', (c) => c.references('geo_units.code'))
		.addColumn('nation', 'text', (c) =>
			c.notNull().check(sql`nation in ('ENG', 'SCT', 'WLS', 'NIR')`)
		)
		.addColumn('basis', 'text', (c) =>
			c.notNull().check(sql`basis in ('salaried', 'locum', 'retainer', 'other')`)
		)
		.addColumn('archived', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema.createIndex('workplaces_user').on('workplaces').column('user_id').execute();

	await db.schema
		.createTable('job_plans')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('workplace_id', 'uuid', (c) =>
			c.notNull().references('workplaces.id').onDelete('cascade')
		)
		.addColumn('effective_from', 'date', (c) => c.notNull())
		.addColumn('full_time_salary_pence', 'integer', (c) =>
			c.check(sql`full_time_salary_pence between 100000 and 100000000`)
		)
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addUniqueConstraint('job_plans_one_per_date', ['workplace_id', 'effective_from'])
		.execute();

	let sessions = db.schema
		.createTable('job_plan_sessions')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('job_plan_id', 'uuid', (c) =>
			c.notNull().references('job_plans.id').onDelete('cascade')
		)
		.addColumn('weekday', 'integer', (c) => c.notNull().check(sql`weekday between 1 and 7`))
		.addColumn('start_time', 'text', (c) => c.notNull().check(sql`start_time ~ ${sql.raw(HHMM)}`))
		.addColumn('end_time', 'text', (c) => c.notNull().check(sql`end_time ~ ${sql.raw(HHMM)}`))
		.addColumn('session_type', 'text', (c) =>
			c.notNull().check(sql`session_type in (${inList(WORKING_TYPES)})`)
		);
	for (const kind of ACTIVITIES) {
		sessions = sessions.addColumn(`${kind}_minutes`, 'integer', (c) =>
			c
				.notNull()
				.defaultTo(0)
				.check(sql`${sql.ref(`${kind}_minutes`)} between 0 and 1440`)
		);
	}
	await sessions.execute();
	await db.schema
		.createIndex('job_plan_sessions_plan')
		.on('job_plan_sessions')
		.column('job_plan_id')
		.execute();

	let worked = db.schema
		.createTable('worked_sessions')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('workplace_id', 'uuid', (c) =>
			c.notNull().references('workplaces.id').onDelete('cascade')
		)
		.addColumn('date', 'date', (c) => c.notNull())
		.addColumn('session_type', 'text', (c) =>
			c.notNull().check(sql`session_type in (${inList(SESSION_TYPES)})`)
		)
		.addColumn('start_time', 'text', (c) => c.check(sql`start_time ~ ${sql.raw(HHMM)}`))
		.addColumn('finish_time', 'text', (c) => c.check(sql`finish_time ~ ${sql.raw(HHMM)}`))
		.addColumn('break_minutes', 'integer', (c) =>
			c
				.notNull()
				.defaultTo(0)
				.check(sql`break_minutes between 0 and 720`)
		);
	for (const kind of ACTIVITIES) {
		worked = worked.addColumn(`${kind}_minutes`, 'integer', (c) =>
			c
				.notNull()
				.defaultTo(0)
				.check(sql`${sql.ref(`${kind}_minutes`)} between 0 and 1440`)
		);
	}
	for (const mode of CONTACTS) {
		worked = worked.addColumn(`contacts_${mode}`, 'integer', (c) =>
			c
				.notNull()
				.defaultTo(0)
				.check(sql`${sql.ref(`contacts_${mode}`)} between 0 and 300`)
		);
	}
	for (const count of ADMIN_COUNTS) {
		worked = worked.addColumn(`admin_${count}`, 'integer', (c) =>
			c
				.notNull()
				.defaultTo(0)
				.check(sql`${sql.ref(`admin_${count}`)} between 0 and 1000`)
		);
	}
	await worked
		.addColumn('remote_ooh_minutes', 'integer', (c) =>
			c
				.notNull()
				.defaultTo(0)
				.check(sql`remote_ooh_minutes between 0 and 720`)
		)
		.addColumn('notes', 'text', (c) => c.check(sql`length(notes) <= 2000`))
		.addColumn('fee_pence', 'integer', (c) => c.check(sql`fee_pence between 1 and 1000000`))
		.addColumn('fee_basis', 'text', (c) =>
			c.check(sql`fee_basis in ('per_hour', 'per_session', 'per_day')`)
		)
		.addColumn('fee_extras_pence', 'integer', (c) =>
			c.check(sql`fee_extras_pence between 0 and 1000000`)
		)
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		// A working session has both times; a day of leave may give both (a half day) or neither.
		.addCheckConstraint(
			'worked_sessions_times',
			sql`(start_time is null) = (finish_time is null) and (start_time is not null or session_type in ('annual_leave', 'sick', 'study_leave', 'bank_holiday'))`
		)
		.addCheckConstraint('worked_sessions_fee', sql`(fee_pence is null) = (fee_basis is null)`)
		.execute();
	await db.schema
		.createIndex('worked_sessions_user_date')
		.on('worked_sessions')
		.columns(['user_id', 'date'])
		.execute();
	await db.schema
		.createIndex('worked_sessions_workplace')
		.on('worked_sessions')
		.column('workplace_id')
		.execute();

	await db.schema
		.createTable('diary_templates')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('name', 'text', (c) => c.notNull().check(sql`length(name) between 1 and 60`))
		.addColumn('fields', 'jsonb', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addUniqueConstraint('diary_templates_name', ['user_id', 'name'])
		.execute();

	await db.schema
		.createTable('diary_settings')
		.addColumn('user_id', 'uuid', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
		.addColumn('contact_limit', 'integer', (c) =>
			c
				.notNull()
				.defaultTo(25)
				.check(sql`contact_limit between 1 and 25`)
		)
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'diary_settings',
		'diary_templates',
		'worked_sessions',
		'job_plan_sessions',
		'job_plans',
		'workplaces'
	]) {
		await db.schema.dropTable(table).ifExists().execute();
	}
}
