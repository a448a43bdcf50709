import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { migrate, MIGRATION_LOCK_KEY, openDb, type Db } from '../../src/lib/server/db/index';
import { migrations } from '../../db/migrations/index';

// Two instances started together on an empty database: each has its own pool, both call migrate()
// at once. The advisory lock makes one wait for the other, so both succeed and every migration is
// applied once, by one of them.
describe.skipIf(!process.env.TEST_DATABASE_URL)('migrations under a lock (postgres)', () => {
	const adminUrl = process.env.TEST_DATABASE_URL!;
	const dbName = `sessional_test_lock_${randomBytes(6).toString('hex')}`;
	let admin: Kysely<unknown>;
	const instances: Db[] = [];

	beforeAll(async () => {
		admin = new Kysely<unknown>({
			dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: adminUrl, max: 1 }) })
		});
		await sql`create database ${sql.id(dbName)}`.execute(admin);
		const url = new URL(adminUrl);
		url.pathname = `/${dbName}`;
		for (let i = 0; i < 2; i++) instances.push(await openDb({ kind: 'postgres', url: `${url}` }));
	});
	afterAll(async () => {
		for (const db of instances) await db.destroy();
		await sql`drop database if exists ${sql.id(dbName)} with (force)`.execute(admin);
		await admin.destroy();
	});

	it('two concurrent migrate() calls both succeed and apply each migration once', async () => {
		const [a, b] = await Promise.all(instances.map((db) => migrate(db)));
		const applied = [...a, ...b].filter((r) => r.status === 'Success').map((r) => r.migrationName);
		expect(applied.sort()).toEqual(Object.keys(migrations).sort());
		// One instance did all the work; the other found nothing pending.
		expect([a.length, b.length].sort()).toEqual([0, Object.keys(migrations).length]);
		const rows = await sql<{
			name: string;
		}>`select name from kysely_migration order by name`.execute(instances[0]);
		expect(rows.rows.map((r) => r.name)).toEqual(Object.keys(migrations).sort());
		const locks = await sql<{ n: number }>`
			select count(*)::int as n from pg_locks where locktype = 'advisory' and granted`.execute(
			instances[0]
		);
		expect(locks.rows[0].n).toBe(0);
	});
});

// A new PGlite runs initdb in WebAssembly: over a minute on a loaded machine. The timeout only
// guards against a hang; nothing here is timed.
describe.skipIf(!process.env.TEST_DATABASE_URL)('the migration lock (postgres)', () => {
	it('migrate() waits while another session holds the lock, and migrates once it is free', async () => {
		const adminUrl = process.env.TEST_DATABASE_URL!;
		const dbName = `sessional_test_lock_${randomBytes(6).toString('hex')}`;
		const admin = new pg.Client({ connectionString: adminUrl });
		await admin.connect();
		await admin.query(`create database ${dbName}`);
		const url = new URL(adminUrl);
		url.pathname = `/${dbName}`;
		const holder = new pg.Client({ connectionString: `${url}` });
		await holder.connect();
		const db = await openDb({ kind: 'postgres', url: `${url}` });
		try {
			// Another instance, mid-migration.
			await holder.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
			let settled = false;
			const running = migrate(db).finally(() => (settled = true));
			// Seen from the catalog, not from a timer: migrate() queues behind the lock...
			for (let i = 0; ; i++) {
				const waiting = await holder.query(
					"select 1 from pg_locks where locktype = 'advisory' and not granted"
				);
				if (waiting.rowCount) break;
				if (settled) throw new Error('migrate() finished without waiting for the lock');
				if (i > 600) throw new Error('migrate() never waited for the lock');
				await new Promise((r) => setTimeout(r, 100));
			}
			// ... having changed nothing yet.
			const tables = await holder.query(
				"select 1 from pg_tables where tablename = 'kysely_migration'"
			);
			expect(tables.rowCount).toBe(0);
			await holder.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
			expect((await running).length).toBe(Object.keys(migrations).length);
		} finally {
			await db.destroy();
			await holder.end();
			await admin.query(`drop database if exists ${dbName} with (force)`);
			await admin.end();
		}
	});
});

describe('migrate() on the embedded database', { timeout: 600_000 }, () => {
	it('takes the same lock on PGlite and releases it', async () => {
		const db = await openDb({ kind: 'pglite', dataDir: null });
		try {
			const [first, second] = await Promise.all([migrate(db), migrate(db)]);
			expect(first.length + second.length).toBe(Object.keys(migrations).length);
			expect(await migrate(db)).toEqual([]);
		} finally {
			await db.destroy();
		}
	});
});
