// The end-to-end suite's database: the demo "as of" SESSIONAL_TODAY (playwright.config.ts), with
// the shapes the tests rely on added before publication (data-shapes.ts). Run before
// `scripts/start.mjs`, whose own seed then finds the database made and leaves it as it is.
import { openDb, setupDatabase } from '../../src/lib/server/db/index';
import { targetFromConfig } from '../../src/lib/server/db/connection';
import * as clock from '../../src/lib/server/clock';
import { describeDemo, seedDemo } from '../../scripts/seed/index';
import { addAccountShapes, applyDataShapes } from './data-shapes';

const today = clock.today();
const db = await openDb(targetFromConfig());
try {
	await setupDatabase(db);
	const summary = await seedDemo(db, {
		today,
		beforePublish: (db) => applyDataShapes(db, today)
	});
	await addAccountShapes(db);
	console.log(`End-to-end data as of ${today}:`);
	for (const line of describeDemo(summary)) console.log(`  ${line}`);
} finally {
	await db.destroy();
}
