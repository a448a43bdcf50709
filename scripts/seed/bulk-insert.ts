// The one bulk insert of the generators (demo rates, national-scale accounts, diaries and rates):
// thousands of complete rows per statement, one array parameter per column, unnested on the
// server. The same statement on PGlite and pg, about ten times faster than a multi-row VALUES list
// and small however many rows (5 000 × 19 parameters is past pg's parameter limit).
import { sql } from 'kysely';
import type { Db } from '../../src/lib/server/db/index';

export type PgType = 'text' | 'uuid' | 'int4' | 'bool' | 'date' | 'timestamptz' | 'numeric';
/** The columns written, each with the array type its values are sent as. */
export type Columns = readonly (readonly [string, PgType])[];

/** Inserts complete rows (a missing column is written as null, not its default) in one statement. */
async function copyRows(
	db: Db,
	table: string,
	columns: Columns,
	rows: readonly object[]
): Promise<void> {
	if (rows.length === 0) return;
	const arrays = columns.map(([column, type]) => {
		const values = rows.map((row) => {
			const value = (row as Record<string, unknown>)[column];
			return value instanceof Date ? value.toISOString() : (value ?? null);
		});
		return sql`${values}::${sql.raw(type)}[]`;
	});
	await sql`
		insert into ${sql.table(table)} (${sql.join(columns.map(([c]) => sql.ref(c)))})
		select * from unnest(${sql.join(arrays)})
	`.execute(db);
}

/** Collects rows and writes them a batch at a time, so millions never sit in memory at once. */
export class Copier {
	private rows: object[] = [];
	written = 0;
	constructor(
		private db: Db,
		private table: string,
		private columns: Columns,
		private onWrite?: (written: number) => void,
		private batchSize = 4000
	) {}
	async add(row: object) {
		this.rows.push(row);
		if (this.rows.length >= this.batchSize) await this.flush();
	}
	/** Writes what is collected; call once at the end. */
	async flush() {
		const rows = this.rows;
		this.rows = [];
		await copyRows(this.db, this.table, this.columns, rows);
		this.written += rows.length;
		this.onWrite?.(this.written);
	}
}

/** Writes all of `rows`, a batch at a time; returns how many went in. */
export async function copyAllRows(
	db: Db,
	table: string,
	columns: Columns,
	rows: Iterable<object>,
	{ onWrite, batchSize }: { onWrite?: (written: number) => void; batchSize?: number } = {}
): Promise<number> {
	const copier = new Copier(db, table, columns, onWrite, batchSize);
	for (const row of rows) await copier.add(row);
	await copier.flush();
	return copier.written;
}
