// npm run db:migrate — applies every pending migration to DATABASE_URL, or to the embedded
// database in DATA_DIR when DATABASE_URL is not set.
import './settings';
import { migrate, openDb } from '../src/lib/server/db/index';
import { syncReferenceData } from '../src/lib/server/db/reference';
import { targetFromConfig } from '../src/lib/server/db/connection';

const target = targetFromConfig();
const db = await openDb(target);
try {
	const results = await migrate(db);
	await syncReferenceData(db);
	const applied = results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
	console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
} finally {
	await db.destroy();
}
