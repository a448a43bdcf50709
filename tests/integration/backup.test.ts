import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { DATABASES, openTestDatabase, type TestDatabase } from './harness';
import { migrate, openDb, type Db } from '../../src/lib/server/db/index';
import {
	listTables,
	readBackupFile,
	restoreBackup,
	RestoreFailed,
	RestoreRefused,
	writeBackupFile
} from '../../src/lib/server/db/backup';
import { migrations } from '../../db/migrations/index';
import { seedDemo } from '../../scripts/seed/index';
import { createSession, generateSessionToken } from '../../src/lib/server/auth/session';
import { recordAudit, SYSTEM_ACTOR } from '../../src/lib/server/audit';

const TODAY = '2026-11-24';
const dir = mkdtempSync(join(tmpdir(), 'sessional-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Every table the catalog lists (a new table cannot be missed), each row as PostgreSQL's own JSON
 * text in UTC, sorted; and every sequence's position.
 */
async function everyRow(db: Db): Promise<Record<string, string[]>> {
	return db.transaction().execute(async (trx) => {
		await sql`set local time zone 'UTC'`.execute(trx);
		const all: Record<string, string[]> = {};
		for (const name of await listTables(trx)) {
			const { rows } = await sql<{ j: string }>`
				select row_to_json(t)::text as j from ${sql.table(`public.${name}`)} t`.execute(trx);
			all[name] = rows.map((r) => r.j).sort();
		}
		const seqs = await sql<{ name: string; last_value: string | number | null }>`
			select sequencename as name, last_value from pg_sequences where schemaname = 'public'`.execute(trx);
		all['(sequences)'] = seqs.rows.map((s) => `${s.name}=${s.last_value ?? 'unused'}`).sort();
		return all;
	});
}

/** A database of the kind, empty apart from migrations and reference data, dropped at the end. */
async function freshDatabase(name: TestDatabase['name']): Promise<TestDatabase> {
	const t = await openTestDatabase(name);
	opened.push(t);
	return t;
}
const opened: TestDatabase[] = [];
afterAll(async () => {
	for (const t of opened) await t.close();
});

/** The demo (users, diaries, rate submissions, published quarters) and rows the demo leaves out. */
async function makeData(db: Db) {
	await seedDemo(db, { today: TODAY });
	const user = await db.selectFrom('users').select('id').executeTakeFirstOrThrow();
	await createSession(db, generateSessionToken(), user.id);
	await recordAudit(db, SYSTEM_ACTOR, 'backup.test', 'ü – “quotes” \\ and \n', { n: 1.5 });
}

function expectFilled(rows: Record<string, string[]>) {
	for (const table of [
		'users',
		'worked_sessions',
		'rate_submissions',
		'rate_snapshots',
		'rate_snapshot_cells',
		'sessions',
		'audit_log'
	])
		expect(rows[table]?.length, table).toBeGreaterThan(0);
}

describe.each(DATABASES)('backup, destroy, restore (%s)', { timeout: 600_000 }, (name) => {
	let source: TestDatabase;
	let before: Record<string, string[]>;
	const file = join(dir, `${name}.backup.gz`);

	beforeAll(async () => {
		source = await freshDatabase(name);
		await makeData(source.db);
		before = await everyRow(source.db);
		expectFilled(before);
	}, 600_000);

	it('restores every table row for row into an empty database', async () => {
		const progress: string[] = [];
		const backup = await writeBackupFile(source.db, name, file, (p) => {
			if (p.done) progress.push(`${p.table}:${p.rows}`);
		});
		expect(backup.header.migrations).toEqual(Object.keys(migrations));
		expect(progress).toContain(`users:${before.users.length}`);

		const target = await freshDatabase(name);
		const restored = await restoreBackup(target.db, readBackupFile(file));
		expect(restored.migrated).toEqual([]);
		expect(await everyRow(target.db)).toEqual(before);
	});

	it('refuses a database with data unless forced; forced, it replaces what was there', async () => {
		await expect(restoreBackup(source.db, readBackupFile(file))).rejects.toThrow(RestoreRefused);
		// Destroy: every table emptied and a stranger's account added, then the backup forced back.
		await sql`truncate ${sql.join((await listTables(source.db)).map((t) => sql.table(`public.${t}`)))} cascade`.execute(
			source.db
		);
		await sql`insert into users (email, name, doctor_kind, password_hash)
			values ('stranger@example.org', 'S', 'locum', 'x')`.execute(source.db);
		await restoreBackup(source.db, readBackupFile(file), { force: true });
		expect(await everyRow(source.db)).toEqual(before);
	});

	it('refuses a file that is not a backup, and rolls back one that breaks off', async () => {
		const target = await freshDatabase(name);
		const notBackup = join(dir, `${name}.not-a-backup.gz`);
		writeFileSync(notBackup, gzipSync('{"hello":1}\n'));
		await expect(restoreBackup(target.db, readBackupFile(notBackup))).rejects.toThrow(
			RestoreRefused
		);
		const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
		const cut = join(dir, `${name}.cut.gz`);
		writeFileSync(cut, gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join('\n')));
		await expect(restoreBackup(target.db, readBackupFile(cut))).rejects.toThrow(RestoreFailed);
		expect(await target.db.selectFrom('users').select('id').execute()).toEqual([]);
	});
});

describe(
	'an older backup is brought up to date by the migrations since',
	{ timeout: 600_000 },
	() => {
		it('restores at its own migration, then migrates', async () => {
			const names = Object.keys(migrations);
			const older = await openDb({ kind: 'pglite', dataDir: null });
			try {
				await migrate(older, names[names.length - 3]);
				await sql`insert into users (email, name, doctor_kind, password_hash)
				values ('older@example.org', 'Dr Older', 'salaried', 'hash')`.execute(older);
				const file = join(dir, 'older.backup.gz');
				const backup = await writeBackupFile(older, 'pglite', file);
				expect(backup.header.migrations).toEqual(names.slice(0, -2));

				const target = await freshDatabase(DATABASES.at(-1)!);
				const restored = await restoreBackup(target.db, readBackupFile(file));
				expect(restored.migrated).toEqual(names.slice(-2));
				const users = await target.db.selectFrom('users').select(['email', 'name']).execute();
				expect(users).toEqual([{ email: 'older@example.org', name: 'Dr Older' }]);
			} finally {
				await older.destroy();
			}
		});
	}
);

// The way a group moves from the demo to a server, by the commands the README gives: the demo's
// embedded database in a DATA_DIR, `npm run backup` there, `npm run restore` into PostgreSQL.
// Each step starts a whole process (tsx, and PGlite's initdb for a new DATA_DIR): on a loaded
// machine they take minutes, so the timeout only guards against a hang; nothing here is timed.
// Nothing in this file reads the date (the demo is made as of TODAY): vite.config.ts runs it in the
// main run only, not once more per pinned day (.ci/other-days).
describe(
	'npm run backup and npm run restore, from the embedded demo to PostgreSQL',
	{ timeout: 600_000 },
	() => {
		const run = (script: string, args: string[], env: Record<string, string>) =>
			spawnSync(process.execPath, ['--import', 'tsx', join('scripts', script), ...args], {
				encoding: 'utf8',
				env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: '', ...env }
			});
		let expected: Record<string, string[]>;
		const dataDir = join(dir, 'demo-data');
		const demoBackup = join(dir, 'demo.backup.gz');

		beforeAll(async () => {
			const source = await freshDatabase('pglite');
			await makeData(source.db);
			expected = await everyRow(source.db);
			await writeBackupFile(source.db, 'pglite', join(dir, 'seeded.backup.gz'));
		}, 600_000);

		it('restores into an embedded database in a DATA_DIR and backs it up again', async () => {
			const restored = run('restore.ts', [join(dir, 'seeded.backup.gz')], { DATA_DIR: dataDir });
			expect(restored.stderr).toBe('');
			expect(restored.status).toBe(0);
			expect(restored.stdout).toMatch(/^ {2}users: 3 rows$/m);
			expect(restored.stdout).toMatch(/Restored \d+ tables, [\d]+ rows/);

			const again = run('restore.ts', [join(dir, 'seeded.backup.gz')], { DATA_DIR: dataDir });
			expect(again.status).toBe(1);
			expect(again.stderr).toMatch(/Nothing was restored: The target database is not empty/);

			const backedUp = run('backup.ts', [demoBackup], { DATA_DIR: dataDir });
			expect(backedUp.stderr).toBe('');
			expect(backedUp.status).toBe(0);
			expect(backedUp.stdout).toMatch(/^ {2}rate_submissions: [\d,]+ rows$/m);
			expect(backedUp.stdout).toMatch(/Wrote .*demo\.backup\.gz: \d+ tables/);

			const db = await openDb({ kind: 'pglite', dataDir: join(dataDir, 'pglite') });
			try {
				expect(await everyRow(db)).toEqual(expected);
			} finally {
				await db.destroy();
			}
		});

		it.skipIf(!process.env.TEST_DATABASE_URL)(
			'restores the demo backup into a new PostgreSQL database, every row the same',
			async () => {
				const adminUrl = process.env.TEST_DATABASE_URL!;
				const dbName = `sessional_test_restore_${randomBytes(6).toString('hex')}`;
				const admin = new Kysely<unknown>({
					dialect: new PostgresDialect({
						pool: new pg.Pool({ connectionString: adminUrl, max: 1 })
					})
				});
				await sql`create database ${sql.id(dbName)}`.execute(admin);
				const url = new URL(adminUrl);
				url.pathname = `/${dbName}`;
				try {
					const restored = run('restore.ts', [demoBackup], { DATABASE_URL: `${url}` });
					expect(restored.stderr).toBe('');
					expect(restored.status).toBe(0);
					const db = await openDb({ kind: 'postgres', url: `${url}` });
					try {
						expect(await everyRow(db)).toEqual(expected);
					} finally {
						await db.destroy();
					}
					const backedUp = run('backup.ts', [join(dir, 'from-postgres-again.backup.gz')], {
						DATABASE_URL: `${url}`
					});
					expect(backedUp.status).toBe(0);
					expect(backedUp.stdout).toMatch(/Backing up the PostgreSQL database/);
				} finally {
					await sql`drop database if exists ${sql.id(dbName)} with (force)`.execute(admin);
					await admin.destroy();
				}
			}
		);
	}
);
