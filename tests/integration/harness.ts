import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { setupDatabase, openDb, type Db } from '../../src/lib/server/db/index';

export interface TestDatabase {
	name: 'pglite' | 'postgres';
	db: Db;
	/** PostgreSQL only: the test database's URL, for a second pool (a second instance, in effect). */
	url?: string;
	close(): Promise<void>;
}

/**
 * Every integration test runs on an in-memory PGlite and, when TEST_DATABASE_URL is set, on a real
 * PostgreSQL server too: a fresh database per test file, dropped afterwards. A PGlite starts from
 * the run's migrated template (global-setup.ts), and setupDatabase still runs, so a template that
 * lags the migrations is brought up to date the way a deployed database would be.
 */
export const DATABASES: TestDatabase['name'][] = process.env.TEST_DATABASE_URL
	? ['pglite', 'postgres']
	: ['pglite'];

export async function openTestDatabase(name: TestDatabase['name']): Promise<TestDatabase> {
	if (name === 'pglite') {
		const template = new Blob([readFileSync(inject('pgliteTemplate'))]);
		const db = await openDb({ kind: 'pglite', dataDir: null, loadDataDir: template });
		await setupDatabase(db);
		return { name, db, close: () => db.destroy() };
	}
	const adminUrl = process.env.TEST_DATABASE_URL!;
	const dbName = `sessional_test_${randomBytes(6).toString('hex')}`;
	const admin = new Kysely<unknown>({
		dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: adminUrl, max: 1 }) })
	});
	await sql`create database ${sql.id(dbName)}`.execute(admin);
	const url = new URL(adminUrl);
	url.pathname = `/${dbName}`;
	const db = await openDb({ kind: 'postgres', url: url.toString() });
	await setupDatabase(db);
	return {
		name,
		db,
		url: url.toString(),
		close: async () => {
			await db.destroy();
			await sql`drop database if exists ${sql.id(dbName)} with (force)`.execute(admin);
			await admin.destroy();
		}
	};
}
