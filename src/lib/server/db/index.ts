import { mkdirSync } from 'node:fs';
import { Kysely, Migrator, PostgresDialect, sql, type MigrationResult } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { migrations } from '../../../../db/migrations/index';
import type { Database } from './schema';
import { guardPGlite, guardPool } from './failures';
import { logger } from '../log';

export type Db = Kysely<Database>;

export type DbTarget =
	| {
			kind: 'pglite';
			dataDir: string | null;
			/** Start from a dump of another PGlite's data directory (PGlite's dumpDataDir). */
			loadDataDir?: Blob;
	  }
	| {
			kind: 'postgres';
			url: string;
			/**
			 * A read replica (DATABASE_READ_URL): its failures reach the caller as pg raised them,
			 * for the caller to fall back to the primary, rather than as a 503 of its own.
			 */
			readReplica?: boolean;
	  };

const DATE_OID = 1082;

/**
 * Opens Kysely on PGlite (embedded, persisted in dataDir; null keeps it in memory) or on a
 * PostgreSQL server through pg. Both return `date` columns as 'YYYY-MM-DD' strings, so no
 * time zone ever shifts a diary day.
 */
export async function openDb(target: DbTarget): Promise<Db> {
	if (target.kind === 'postgres') {
		const pg = await import('pg');
		const Pool = pg.default?.Pool ?? pg.Pool;
		const types = pg.default?.types ?? pg.types;
		types.setTypeParser(DATE_OID, (v: string) => v);
		// A server that does not answer a connect within 5 s makes the request a 503, not a hang;
		// a replica that does not answer within 2 s sends the read to the primary instead.
		const pool = new Pool({
			connectionString: target.url,
			max: 10,
			connectionTimeoutMillis: target.readReplica ? 2_000 : 5_000
		});
		// A dropped server connection must not crash the process; the next query reconnects.
		// On the replica it is one of the outage's lines: rates/published.ts warns once for all.
		pool.on('error', (err) =>
			target.readReplica
				? logger('db').debug({ reason: err.message }, 'idle client error on the read replica')
				: logger('db').error({ reason: err.message }, 'idle client error')
		);
		const guarded = target.readReplica
			? guardPool(pool, (err) => {
					throw err;
				})
			: guardPool(pool);
		return new Kysely<Database>({ dialect: new PostgresDialect({ pool: guarded }) });
	}
	const { PGlite, types } = await import('@electric-sql/pglite');
	if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
	const pglite = await PGlite.create({
		dataDir: target.dataDir ?? undefined,
		loadDataDir: target.loadDataDir,
		parsers: { [DATE_OID]: (v: string) => v },
		serializers: { [types.DATE]: (v: unknown) => String(v) }
	});
	return new Kysely<Database>({ dialect: new PGliteDialect(guardPGlite(pglite)) });
}

/** Any fixed number, the same on every instance: the session lock migrate() holds. */
export const MIGRATION_LOCK_KEY = 7_160_524_011;

/**
 * Applies every pending migration, holding a session-level advisory lock on one connection for the
 * whole run, so instances that start together wait for each other and the migrations run once
 * (the second finds nothing pending). Kysely's migrator locks only inside its own transaction,
 * after it has created its tables; this lock covers that too. On PGlite (one process) it is
 * harmless.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run on any schema
export async function migrate(db: Kysely<any>, target?: string): Promise<MigrationResult[]> {
	return db.connection().execute(async (conn) => {
		await sql`select pg_advisory_lock(${sql.lit(MIGRATION_LOCK_KEY)})`.execute(conn);
		try {
			const migrator = new Migrator({
				db: conn,
				provider: { getMigrations: async () => migrations }
			});
			const { error, results } = target
				? await migrator.migrateTo(target)
				: await migrator.migrateToLatest();
			if (error) throw error instanceof Error ? error : new Error(String(error));
			return results ?? [];
		} finally {
			await sql`select pg_advisory_unlock(${sql.lit(MIGRATION_LOCK_KEY)})`.execute(conn);
		}
	});
}

/**
 * Migrations, then the reference rows the code defines: what every start, script and test runs.
 * Says which migrations this call applied (none when the schema was up to date, or when another
 * instance starting at the same moment applied them first).
 */
export async function setupDatabase(db: Db): Promise<string[]> {
	const applied = (await migrate(db))
		.filter((r) => r.status === 'Success')
		.map((r) => r.migrationName);
	const { syncReferenceData } = await import('./reference');
	await syncReferenceData(db);
	return applied;
}

/** Counts come back as a number from PGlite and a string from pg. */
export function toNumber(value: string | number | bigint | null | undefined): number {
	return value == null ? 0 : Number(value);
}
