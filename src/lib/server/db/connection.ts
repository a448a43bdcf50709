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
let starting: Promise<Db> | undefined;

/** Opens and migrates the database once per process (server start, CLI). */
export function startDb(target: DbTarget = targetFromConfig()): Promise<Db> {
	starting ??= (async () => {
		const db = await openDb(target);
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

export async function stopDb(): Promise<void> {
	const db = instance;
	instance = undefined;
	starting = undefined;
	await db?.destroy();
}
