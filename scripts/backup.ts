// npm run backup -- [file] — writes a backup of DATABASE_URL, or of the embedded database in
// DATA_DIR when DATABASE_URL is not set, to one gzip'd file (src/lib/server/db/backup.ts) that
// `npm run restore` loads into either kind of database. PostgreSQL can be backed up while the
// server runs (one consistent snapshot); the embedded database only while the server is stopped.
import './settings';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openDb } from '../src/lib/server/db/index';
import { targetFromConfig } from '../src/lib/server/db/connection';
import { writeBackupFile } from '../src/lib/server/db/backup';
import { config } from '../src/lib/server/config';
import * as clock from '../src/lib/server/clock';
import { printProgress } from './backup-progress';

const args = process.argv.slice(2);
if (args.some((a) => a.startsWith('-'))) {
	console.error('Usage: npm run backup -- [file]   (default: sessional-<date and time>.backup.gz)');
	process.exit(2);
}
const stamp = clock
	.now()
	.toISOString()
	.replace(/[:.]/g, '-')
	.replace(/-\d+Z$/, 'Z');
const file = resolve(args[0] ?? `sessional-${stamp}.backup.gz`);
if (existsSync(file)) {
	console.error(`${file} exists already; name another file.`);
	process.exit(1);
}

const target = targetFromConfig();
const db = await openDb(target);
try {
	console.log(
		`Backing up ${target.kind === 'postgres' ? 'the PostgreSQL database' : `the embedded database in ${target.dataDir}`}:`
	);
	const started = performance.now();
	const summary = await writeBackupFile(db, target.kind, file, printProgress);
	const rows = summary.tables.reduce((n, t) => n + t.rows, 0);
	console.log(
		`Wrote ${file}: ${summary.tables.length} tables, ${rows} rows, ${summary.header.migrations.length} migrations, in ${((performance.now() - started) / 1000).toFixed(1)} s.`
	);
	const secretFile = join(resolve(config().DATA_DIR), 'contributor-key-secret');
	if (target.kind === 'pglite' && existsSync(secretFile))
		console.log(
			`Keep ${secretFile} with it: a server that restores this backup needs that secret as CONTRIBUTOR_KEY_SECRET, or past rate submissions lose their link to their doctors.`
		);
} finally {
	await db.destroy();
}
