// npm run restore -- <file> [--force] — loads a backup made by `npm run backup` (from either kind
// of database) into DATABASE_URL, or into the embedded database in DATA_DIR when DATABASE_URL is
// not set, then runs the migrations written since the backup. Refuses a database that holds data
// unless --force, which replaces everything in it. Stop the server first.
import './settings';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { openDb } from '../src/lib/server/db/index';
import { targetFromConfig } from '../src/lib/server/db/connection';
import {
	readBackupFile,
	restoreBackup,
	RestoreFailed,
	RestoreRefused
} from '../src/lib/server/db/backup';
import { printProgress } from './backup-progress';

const args = process.argv.slice(2);
const force = args.includes('--force');
const files = args.filter((a) => a !== '--force');
if (files.length !== 1 || files[0].startsWith('-')) {
	console.error('Usage: npm run restore -- <backup file> [--force]');
	process.exit(2);
}
const file = resolve(files[0]);
if (!existsSync(file)) {
	console.error(`No such file: ${file}`);
	process.exit(1);
}

const target = targetFromConfig();
const db = await openDb(target);
try {
	console.log(
		`Restoring ${file} into ${target.kind === 'postgres' ? 'the PostgreSQL database' : `the embedded database in ${target.dataDir}`}:`
	);
	const started = performance.now();
	const summary = await restoreBackup(db, readBackupFile(file), { force }, printProgress);
	const rows = summary.tables.reduce((n, t) => n + t.rows, 0);
	console.log(
		`Restored ${summary.tables.length} tables, ${rows} rows (backed up ${summary.header.created_at} from ${summary.header.source}) in ${((performance.now() - started) / 1000).toFixed(1)} s.`
	);
	console.log(
		summary.migrated.length
			? `Brought up to date by the migrations since: ${summary.migrated.join(', ')}.`
			: 'The backup was at the current migration.'
	);
	console.log(
		'Start the server with the CONTRIBUTOR_KEY_SECRET the backed-up server used (for the embedded demo, the file contributor-key-secret in its DATA_DIR).'
	);
} catch (e) {
	if (e instanceof RestoreRefused) console.error(`Nothing was restored: ${e.message}`);
	else if (e instanceof RestoreFailed) console.error(`Restore failed: ${e.message}`);
	else throw e;
	process.exitCode = 1;
} finally {
	await db.destroy();
}
