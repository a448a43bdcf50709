// npm run seed — creates the demo accounts, their diaries and the demo locum rates on an empty
// database, then prints how to sign in.
// National scale (issue 7, bench/README.md):
//   npm run seed -- --doctors 10000 --submissions 1000000 --diary-years 5 [--diary-doctors 1000]
// adds that many doctor accounts with their rate submissions and diaries in place of the demo rates.
import { parseArgs } from 'node:util';
import { setupDatabase, openDb } from '../src/lib/server/db/index';
import { targetFromConfig } from '../src/lib/server/db/connection';
import { DEMO_ACCOUNTS, seedDemoAccounts } from '../src/lib/server/seed/demo';
import {
	countRateSubmissions,
	describeDemoRates,
	seedDemoRates
} from '../src/lib/server/seed/rates';
import { todayInLondon } from '../src/lib/format';
import { describeScale, seedScale } from '../src/lib/server/seed/scale';
import { seedDemoDiary } from '../src/lib/server/seed/diary';

const { values: args } = parseArgs({
	options: {
		doctors: { type: 'string' },
		submissions: { type: 'string' },
		'diary-years': { type: 'string' },
		'diary-doctors': { type: 'string' }
	}
});
const count = (name: keyof typeof args, fallback: number) => {
	const value = args[name] === undefined ? fallback : Number(args[name]);
	if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} needs a number`);
	return value;
};
// Without flags nothing extra is made, so `npm start` stays fast; with any, small defaults.
const scale =
	Object.values(args).some((v) => v !== undefined) &&
	({
		doctors: Math.max(1, Math.round(count('doctors', 1000))),
		submissions: Math.round(count('submissions', 50_000)),
		diaryYears: count('diary-years', 1),
		diaryDoctors: Math.round(count('diary-doctors', 1000))
	} as const);

const db = await openDb(targetFromConfig());
try {
	await setupDatabase(db);
	const created = await seedDemoAccounts(db);
	console.log(
		created ? 'Demo data created.' : 'Database already has accounts; demo data left as it is.'
	);
	// Skips demo accounts that already have a diary, so it is cheap on every later start.
	if (await seedDemoDiary(db)) console.log('Diary: 10 weeks for the demo doctor and member.');
	if (scale) {
		const today = todayInLondon();
		console.log(describeScale(await seedScale(db, { today, ...scale, progress: true })));
	}
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
