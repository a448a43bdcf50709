import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { sql, type Kysely, type Transaction } from 'kysely';
import { migrations } from '../../../../db/migrations/index';
import { migrate } from './index';
import * as clock from '../clock';

/**
 * One backup format for both databases: gzip'd JSON lines, written and read through the app's own
 * connection (Kysely on PGlite or pg), so a backup of the embedded demo restores into PostgreSQL
 * and back, and neither needs a client binary or the network. Rows are PostgreSQL's own
 * `row_to_json` text and go back in through `json_populate_recordset`, so every type's text form
 * (timestamps with their offset, numeric, bytea, jsonb) makes the round trip unchanged.
 *
 * Why not pg_dump: the embedded database's pg_dump (@electric-sql/pglite-tools) writes PostgreSQL
 * 18 SQL that a PostgreSQL 15 server refuses (`SET transaction_timeout`), names the dumping role
 * as every table's owner, and loads its rows with `COPY … FROM stdin`, which only psql can feed:
 * nothing replays it into PGlite. And pg_dump must be as new as the server it dumps.
 *
 * The file: a header line (format, version, the migrations applied), then per table a line naming
 * it (`@table`) with its columns and row count followed by one line per row (`row_to_json`, whose
 * keys are column names), then the sequences, then an end line, so a truncated file is refused
 * rather than half restored.
 */
export const BACKUP_FORMAT = 'sessional-backup';
export const BACKUP_VERSION = 1;

/** Kysely's migrator keeps its lock row here; every database has its own, never restored. */
const MIGRATION_LOCK_TABLE = 'kysely_migration_lock';
/** Tables that a database has rows in before anyone uses it: migrations and reference data. */
const ALWAYS_FILLED = new Set([
	'kysely_migration',
	MIGRATION_LOCK_TABLE,
	'geo_units',
	'rate_categories'
]);
const FETCH_ROWS = 2_000;
const INSERT_ROWS = 1_000;
/** A progress line this often within a large table, and once at each table's end. */
export const PROGRESS_EVERY = 20_000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a backup reads any schema
type AnyDb = Kysely<any>;

export interface BackupHeader {
	format: typeof BACKUP_FORMAT;
	version: number;
	created_at: string;
	source: 'pglite' | 'postgres';
	server_version: string;
	migrations: string[];
}

export interface TableProgress {
	table: string;
	rows: number;
	total: number;
	done: boolean;
}

export interface BackupSummary {
	header: BackupHeader;
	tables: { table: string; rows: number }[];
}

/** Nothing was changed: the file is not a backup this version reads, or the target has data. */
export class RestoreRefused extends Error {}

/** The file broke off while loading: the load was rolled back, leaving empty tables. */
export class RestoreFailed extends Error {
	constructor(problem: string) {
		super(
			`${problem} The load was rolled back: the database now holds no data. Restore a complete backup.`
		);
	}
}

/** The ordinary tables of the app's schema, from the catalog, so a new table is never missed. */
export async function listTables(db: AnyDb | Transaction<unknown>): Promise<string[]> {
	const { rows } = await sql<{ name: string }>`
		select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
		where n.nspname = 'public' and c.relkind in ('r', 'p') order by c.relname`.execute(db);
	return rows.map((r) => r.name);
}

const table = (name: string) => sql.table(`public.${name}`);

/**
 * Writes a consistent backup (one repeatable-read snapshot) a line at a time to `write`, which
 * should wait when its stream is full. Does not change the database.
 */
export async function writeBackup(
	db: AnyDb,
	source: BackupHeader['source'],
	write: (line: string) => Promise<void>,
	onProgress: (p: TableProgress) => void = () => {}
): Promise<BackupSummary> {
	return db
		.transaction()
		.setIsolationLevel('repeatable read')
		.execute(async (trx) => {
			// Timestamps written with +00:00: the same file from any server's time zone.
			await sql`set local time zone 'UTC'`.execute(trx);
			const tables = (await listTables(trx)).filter((t) => t !== MIGRATION_LOCK_TABLE);
			const applied = tables.includes('kysely_migration')
				? (
						await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
							trx
						)
					).rows.map((r) => r.name)
				: [];
			const version = await sql<{ v: string }>`select version() as v`.execute(trx);
			const header: BackupHeader = {
				format: BACKUP_FORMAT,
				version: BACKUP_VERSION,
				created_at: clock.now().toISOString(),
				source,
				server_version: version.rows[0].v,
				migrations: applied
			};
			await write(JSON.stringify(header));
			const summary: BackupSummary = { header, tables: [] };
			for (const name of tables) {
				const columns = await tableColumns(trx, name);
				const count = await sql<{ n: string | number }>`
					select count(*) as n from ${table(name)}`.execute(trx);
				const total = Number(count.rows[0].n);
				await write(JSON.stringify({ '@table': name, columns, rows: total }));
				await sql`declare backup_rows no scroll cursor for
					select row_to_json(t)::text as j from ${table(name)} t`.execute(trx);
				let rows = 0;
				for (;;) {
					const batch = await sql<{ j: string }>`
						fetch ${sql.lit(FETCH_ROWS)} from backup_rows`.execute(trx);
					for (const r of batch.rows) await write(r.j);
					rows += batch.rows.length;
					if (batch.rows.length < FETCH_ROWS) break;
					if (rows % PROGRESS_EVERY < FETCH_ROWS)
						onProgress({ table: name, rows, total, done: false });
				}
				await sql`close backup_rows`.execute(trx);
				onProgress({ table: name, rows, total, done: true });
				summary.tables.push({ table: name, rows });
			}
			const sequences = await sql<{ name: string; last_value: string | number | null }>`
				select sequencename as name, last_value from pg_sequences
				where schemaname = 'public' order by sequencename`.execute(trx);
			await write(
				JSON.stringify({
					'@sequences': sequences.rows.map((s) => ({
						name: s.name,
						last_value: s.last_value == null ? null : String(s.last_value)
					}))
				})
			);
			await write(JSON.stringify({ '@end': BACKUP_FORMAT, tables: summary.tables.length }));
			return summary;
		});
}

async function tableColumns(db: AnyDb | Transaction<unknown>, name: string): Promise<string[]> {
	const { rows } = await sql<{ name: string }>`
		select attname as name from pg_attribute
		where attrelid = ${`public.${name}`}::regclass and attnum > 0 and not attisdropped
		and attgenerated = '' order by attnum`.execute(db);
	return rows.map((r) => r.name);
}

/** Tables with rows that someone put there (not migrations or reference data), with counts. */
export async function findUserData(db: AnyDb): Promise<{ table: string; rows: number }[]> {
	const found: { table: string; rows: number }[] = [];
	for (const name of await listTables(db)) {
		if (ALWAYS_FILLED.has(name)) continue;
		const { rows } = await sql<{ n: string | number }>`
			select count(*) as n from ${table(name)}`.execute(db);
		if (Number(rows[0].n) > 0) found.push({ table: name, rows: Number(rows[0].n) });
	}
	return found;
}

/**
 * Restores a backup read a line at a time. Refuses a database that holds data unless `force`;
 * then empties the schema, runs the migrations up to the backup's, loads every table in one
 * transaction (foreign keys dropped while loading and checked again when re-added), sets the
 * sequences, and runs the migrations written since the backup.
 */
export async function restoreBackup(
	db: AnyDb,
	lines: AsyncIterable<string>,
	options: { force?: boolean } = {},
	onProgress: (p: TableProgress) => void = () => {}
): Promise<BackupSummary & { migrated: string[] }> {
	const iterator = lines[Symbol.asyncIterator]();
	const next = async (): Promise<Record<string, unknown> | null> => {
		for (;;) {
			const { value, done } = await iterator.next();
			if (done) return null;
			if (value.trim()) return JSON.parse(value);
		}
	};

	const header = (await next()) as BackupHeader | null;
	if (!header || header.format !== BACKUP_FORMAT)
		throw new RestoreRefused('This file is not a Sessional backup.');
	if (header.version > BACKUP_VERSION)
		throw new RestoreRefused(
			`This backup is format version ${header.version}; this Sessional reads up to ${BACKUP_VERSION}. Upgrade Sessional first.`
		);
	const unknown = header.migrations.filter((m) => !(m in migrations));
	if (unknown.length)
		throw new RestoreRefused(
			`This backup was made by a newer Sessional (migrations ${unknown.join(', ')}). Restore it with that version or a later one.`
		);

	if (!options.force) {
		const data = await findUserData(db);
		if (data.length)
			throw new RestoreRefused(
				`The target database is not empty (${data.map((d) => `${d.table}: ${d.rows}`).join(', ')}). Restore into an empty database, or pass --force to replace everything in it.`
			);
	}

	// An empty schema at the backup's migration, whatever the target held or how new it was.
	await sql`drop schema if exists public cascade`.execute(db);
	await sql`create schema public`.execute(db);
	const last = header.migrations.at(-1);
	if (last) await migrate(db, last);

	const summary: BackupSummary = { header, tables: [] };
	await db.transaction().execute(async (trx) => {
		const foreignKeys = await sql<{ tbl: string; name: string; def: string }>`
			select conrelid::regclass::text as tbl, conname as name, pg_get_constraintdef(oid) as def
			from pg_constraint where contype = 'f' and connamespace = 'public'::regnamespace`.execute(trx);
		for (const fk of foreignKeys.rows)
			await sql`alter table ${sql.raw(fk.tbl)} drop constraint ${sql.id(fk.name)}`.execute(trx);
		const targets = (await listTables(trx)).filter((t) => t !== MIGRATION_LOCK_TABLE);
		if (targets.length)
			await sql`truncate ${sql.join(targets.map(table))} restart identity`.execute(trx);

		let line = await next();
		while (line && typeof line['@table'] === 'string') {
			const name = line['@table'];
			const columns = line.columns as string[];
			const total = line.rows as number;
			if (!targets.includes(name))
				throw new Error(`The backup has a table "${name}" that its migrations do not create.`);
			const cols = sql.join(columns.map((c) => sql.id(c)));
			let batch: string[] = [];
			let rows = 0;
			const flush = async () => {
				if (!batch.length) return;
				await sql`insert into ${table(name)} (${cols}) overriding system value
					select ${cols} from json_populate_recordset(null::${table(name)}, ${`[${batch.join(',')}]`}::json)`.execute(
					trx
				);
				rows += batch.length;
				batch = [];
				if (rows % PROGRESS_EVERY < INSERT_ROWS && rows < total)
					onProgress({ table: name, rows, total, done: false });
			};
			for (;;) {
				const { value, done } = await iterator.next();
				if (done)
					throw new RestoreFailed('The backup ends in the middle of a table: it is incomplete.');
				if (value.startsWith('{"@table":') || value.startsWith('{"@sequences":')) {
					await flush();
					line = JSON.parse(value);
					break;
				}
				if (!value.trim()) continue;
				batch.push(value);
				if (batch.length >= INSERT_ROWS) await flush();
			}
			if (rows !== total)
				throw new RestoreFailed(`The backup's ${name} has ${rows} rows where it says ${total}.`);
			onProgress({ table: name, rows, total, done: true });
			summary.tables.push({ table: name, rows });
		}

		if (!line || !Array.isArray(line['@sequences']))
			throw new RestoreFailed('The backup ends before its sequences: it is incomplete.');
		for (const s of line['@sequences'] as { name: string; last_value: string | null }[]) {
			const seq = `public.${s.name}`;
			if (s.last_value == null) await sql`select setval(${seq}::regclass, 1, false)`.execute(trx);
			else await sql`select setval(${seq}::regclass, ${s.last_value}::bigint, true)`.execute(trx);
		}
		const end = await next();
		if (!end || end['@end'] !== BACKUP_FORMAT)
			throw new RestoreFailed('The backup has no end line: it is incomplete.');

		for (const fk of foreignKeys.rows)
			await sql`alter table ${sql.raw(fk.tbl)} add constraint ${sql.id(fk.name)} ${sql.raw(fk.def)}`.execute(
				trx
			);
	});

	const migrated = (await migrate(db))
		.filter((r) => r.status === 'Success')
		.map((r) => r.migrationName);
	return { ...summary, migrated };
}

/**
 * writeBackup into a gzip'd file, written beside it under `.partial` and renamed when complete, so
 * a backup that failed half way never looks like one that worked.
 */
export async function writeBackupFile(
	db: AnyDb,
	source: BackupHeader['source'],
	file: string,
	onProgress?: (p: TableProgress) => void
): Promise<BackupSummary> {
	const partial = `${file}.partial`;
	const gzip = createGzip();
	const out = gzip.pipe(createWriteStream(partial, { mode: 0o600 }));
	try {
		const summary = await writeBackup(
			db,
			source,
			async (line) => {
				if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
			},
			onProgress
		);
		gzip.end();
		await finished(out);
		renameSync(partial, file);
		return summary;
	} catch (e) {
		gzip.destroy();
		out.destroy();
		rmSync(partial, { force: true });
		throw e;
	}
}

/** A backup file's lines, read as they are needed. */
export function readBackupFile(file: string): AsyncIterable<string> {
	return createInterface({
		input: createReadStream(file).pipe(createGunzip()),
		crlfDelay: Infinity
	});
}
