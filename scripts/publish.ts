// npm run publish — publishes every due quarter now, as the server does at start and the admin's
// "Publish now" button does (publishDueSnapshots), and prints what it did. Idempotent: a quarter
// is published once, so a second run says nothing was due. Exits 1 when another process holds the
// publication lock, so a scheduled run that did nothing is visible.
import { setupDatabase, openDb } from '../src/lib/server/db/index';
import { targetFromConfig } from '../src/lib/server/db/connection';
import { describePublicationRun, publishDueSnapshots } from '../src/lib/server/rates/publication';
import { publicationSettings } from '../src/lib/server/rates/settings';
import { SYSTEM_ACTOR } from '../src/lib/server/audit';
import * as clock from '../src/lib/server/clock';

const db = await openDb(targetFromConfig());
try {
	await setupDatabase(db);
	const today = clock.today();
	const run = await publishDueSnapshots(db, today, await publicationSettings(db), {
		...SYSTEM_ACTOR,
		label: 'cli'
	});
	console.log(`Publication as of ${today}:`);
	for (const line of describePublicationRun(run)) console.log(`  ${line}`);
	if (run.status === 'busy') process.exitCode = 1;
} finally {
	await db.destroy();
}
