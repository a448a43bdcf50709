import type { TableProgress } from '../src/lib/server/db/backup';

/** One line per table, and one per 20 000 rows within a large one. */
export function printProgress(p: TableProgress): void {
	const n = (v: number) => v.toLocaleString('en-GB');
	console.log(
		p.done
			? `  ${p.table}: ${n(p.rows)} ${p.rows === 1 ? 'row' : 'rows'}`
			: `  ${p.table}: ${n(p.rows)} of ${n(p.total)} rows (${Math.floor((100 * p.rows) / Math.max(p.total, 1))}%)`
	);
}
