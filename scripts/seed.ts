// npm run seed — creates the demo accounts and the demo locum rates on an empty database (and, as
// later parts of the app arrive, their demo data), then prints how to sign in.
import { setupDatabase, openDb } from '../src/lib/server/db/index';
import { targetFromConfig } from '../src/lib/server/db/connection';
import { DEMO_ACCOUNTS, seedDemoAccounts } from '../src/lib/server/seed/demo';
import {
	countRateSubmissions,
	describeDemoRates,
	seedDemoRates
} from '../src/lib/server/seed/rates';
import { todayInLondon } from '../src/lib/format';

const db = await openDb(targetFromConfig());
try {
	await setupDatabase(db);
	const created = await seedDemoAccounts(db);
	console.log(
		created ? 'Demo data created.' : 'Database already has accounts; demo data left as it is.'
	);
	// `npm start` runs this on every start: an existing database with rates skips it and stays fast.
	if (created || (await countRateSubmissions(db)) === 0) {
		console.log(describeDemoRates(await seedDemoRates(db, todayInLondon())));
	}
	console.log('\nDemo accounts (these exist only in this demo database):');
	for (const a of DEMO_ACCOUNTS)
		console.log(`  ${a.role.padEnd(7)} ${a.email.padEnd(30)} ${a.password}`);
} finally {
	await db.destroy();
}
