// npm run seed — creates the demo accounts, their diaries and the demo locum rates on an empty
// database "as of" today (SESSIONAL_TODAY pins it), then prints how to sign in. The same date and
// seed give the same demo database: `npm run seed -- --seed 7` makes another one.
// National scale (issue 7, bench/README.md):
//   npm run seed -- --doctors 10000 --submissions 1000000 --diary-years 5 [--diary-doctors 1000]
// adds that many doctor accounts with their rate submissions and diaries in place of the demo rates.
import './settings';
import { parseArgs } from 'node:util';
import { setupDatabase, openDb } from '../src/lib/server/db/index';
import { targetFromConfig } from '../src/lib/server/db/connection';
import { DEMO_ACCOUNTS, DEMO_ADMIN_TOTP_KEY } from './seed/demo';
import { describeDemo, seedDemo } from './seed/index';
import { DEFAULT_SEED, isSeed } from './seed/random';
import * as clock from '../src/lib/server/clock';

const { values: args } = parseArgs({
	options: {
		seed: { type: 'string' },
		doctors: { type: 'string' },
		submissions: { type: 'string' },
		'diary-years': { type: 'string' },
		'diary-doctors': { type: 'string' }
	}
});
const seed = args.seed === undefined ? DEFAULT_SEED : Number(args.seed);
if (!isSeed(seed)) throw new Error('--seed needs a whole number from 0 to 4294967295');
const { seed: _seed, ...scaleArgs } = args;
const count = (name: keyof typeof scaleArgs, fallback: number) => {
	const value = scaleArgs[name] === undefined ? fallback : Number(scaleArgs[name]);
	if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} needs a number`);
	return value;
};
// Without scale flags nothing extra is made, so `npm start` stays fast; with any, small defaults.
const scale = Object.values(scaleArgs).some((v) => v !== undefined)
	? {
			doctors: Math.max(1, Math.round(count('doctors', 1000))),
			submissions: Math.round(count('submissions', 50_000)),
			diaryYears: count('diary-years', 1),
			diaryDoctors: Math.round(count('diary-doctors', 1000)),
			progress: true
		}
	: undefined;

const today = clock.today();
const pinned = clock.clockPin();
console.log(`Seeding as of ${today}${pinned ? ` (SESSIONAL_TODAY=${pinned})` : ''}, seed ${seed}.`);
const db = await openDb(targetFromConfig());
try {
	await setupDatabase(db);
	const summary = await seedDemo(db, { today, seed, scale });
	for (const line of describeDemo(summary)) console.log(line);
	console.log('\nDemo accounts (these exist only in this demo database):');
	for (const a of DEMO_ACCOUNTS)
		console.log(`  ${a.role.padEnd(7)} ${a.email.padEnd(30)} ${a.password}`);
	console.log(
		`  The admin also needs a code: add the key ${DEMO_ADMIN_TOTP_KEY} to an authenticator app (time-based, 6 digits).`
	);
} finally {
	await db.destroy();
}
