// npm run seed — creates the demo accounts on an empty database (and, as later parts of the app
// arrive, their demo data), then prints how to sign in.
import { migrate, openDb } from '../src/lib/server/db/index';
import { targetFromConfig } from '../src/lib/server/db/connection';
import { DEMO_ACCOUNTS, seedDemoAccounts } from '../src/lib/server/seed/demo';

const db = await openDb(targetFromConfig());
try {
	await migrate(db);
	const created = await seedDemoAccounts(db);
	console.log(
		created ? 'Demo data created.' : 'Database already has accounts; demo data left as it is.'
	);
	console.log('\nDemo accounts (these exist only in this demo database):');
	for (const a of DEMO_ACCOUNTS)
		console.log(`  ${a.role.padEnd(7)} ${a.email.padEnd(30)} ${a.password}`);
} finally {
	await db.destroy();
}
