import { resolve } from 'node:path';
import { config, type Config } from '../config';
import { openDb, setupDatabase, type Db, type DbTarget } from './index';
import { StorageReservePlugin } from './storage';
import { logger } from '../log';

export function targetFromConfig(c: Config = config()): DbTarget {
	return c.DATABASE_URL
		? { kind: 'postgres', url: c.DATABASE_URL }
		: { kind: 'pglite', dataDir: resolve(c.DATA_DIR, 'pglite') };
}

let instance: Db | undefined;
let replica: Db | undefined;
let starting: Promise<Db> | undefined;

/**
 * Opens and migrates the database once per process (server start, CLI), and opens the read
 * replica when DATABASE_READ_URL names one (never migrated: it replays the primary). A pg pool
 * connects on the first query, so a replica that is down does not stop the start.
 */
export function startDb(
	target: DbTarget = targetFromConfig(),
	readUrl: string | undefined = target.kind === 'postgres' ? config().DATABASE_READ_URL : undefined
): Promise<Db> {
	starting ??= (async () => {
		const db = await openDb(target);
		if (readUrl) {
			replica = await openDb({ kind: 'postgres', url: readUrl, readReplica: true });
			logger('db').info('published figures are read on the replica named by DATABASE_READ_URL');
		}
		const applied = await setupDatabase(db);
		logger('db').info(
			{ applied },
			applied.length
				? `applied ${applied.length} migrations`
				: 'migrations: the database is up to date'
		);
		// Once started, the embedded database stops taking writes a reserve short of a full disk.
		instance =
			target.kind === 'pglite' && target.dataDir
				? db.withPlugin(new StorageReservePlugin(target.dataDir))
				: db;
		return instance;
	})();
	return starting;
}

/** The process's database; the server opens it in the `init` hook before any request. */
export function getDb(): Db {
	if (!instance) throw new Error('Database not started: call startDb() first');
	return instance;
}

/**
 * The read replica (DATABASE_READ_URL), or null without one. Only published figures are read
 * there, and only through src/lib/server/rates/published.ts, which decides when it may answer.
 */
export function getReadReplica(): Db | null {
	return replica ?? null;
}

export async function stopDb(): Promise<void> {
	const db = instance;
	const readDb = replica;
	instance = undefined;
	replica = undefined;
	starting = undefined;
	await Promise.all([db?.destroy(), readDb?.destroy()]);
}
