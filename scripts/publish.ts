// npm run publish — publishes every due quarter now, as the server does at start and the admin's
// "Publish now" button does (publishNow: recorded with the jobs' runs, so the admin's page shows
// it), and prints what it did. Idempotent: a quarter is published once, so a second run says
// nothing was due. Exits 1 when another process holds the publication lock, so a scheduled run
// that did nothing is visible.
import './settings';
import { setupDatabase, openDb } from '../src/lib/server/db/index';
import { targetFromConfig } from '../src/lib/server/db/connection';
import { describePublicationRun } from '../src/lib/server/rates/publication';
import { publishNow } from '../src/lib/server/jobs/index';
import { SYSTEM_ACTOR } from '../src/lib/server/audit';
import * as clock from '../src/lib/server/clock';

const db = await openDb(targetFromConfig());
try {
	await setupDatabase(db);
	const today = clock.today();
	const run = await publishNow(db, { ...SYSTEM_ACTOR, label: 'cli' }, 'npm run publish');
	console.log(`Publication as of ${today}:`);
	for (const line of describePublicationRun(run)) console.log(`  ${line}`);
	if (run.status === 'busy') process.exitCode = 1;
} finally {
	await db.destroy();
}
