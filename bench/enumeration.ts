// How long a known and an unknown email take in the account flows (issue 13), for information:
// sign-in with a wrong password, registration of a new and of a taken address, a reset request.
// Nothing here is asserted: tests/integration/enumeration.test.ts proves that both do the same
// argon2 work; this measures what is left (database statements), as a ratio.
// Run: npx tsx bench/enumeration.ts [--rounds N]   (in-memory PGlite)
//      BENCH_DATABASE_URL=postgres://… npx tsx bench/enumeration.ts   (an empty database there)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDb, setupDatabase } from '../src/lib/server/db/index';
import { authenticate, registerUser, requestPasswordReset } from '../src/lib/server/auth/accounts';
import { emailsDelivered } from '../src/lib/server/email';
import { ROOT } from '../tools/build';
import { ms, summarise } from './lib/stats';

const { values: flags } = parseArgs({ options: { rounds: { type: 'string', default: '30' } } });
const ROUNDS = Number(flags.rounds);
const WARMUP = 3;
const PASSWORD = 'violet-harbour-kettle-92';
const ORIGIN = 'http://localhost:3000';

// Without SMTP_URL every queued email is printed to the log; not wanted here.
delete process.env.SMTP_URL;
console.info = () => {};

const url = process.env.BENCH_DATABASE_URL;
const db = await openDb(url ? { kind: 'postgres', url } : { kind: 'pglite', dataDir: null });
await setupDatabase(db);

const run = `${Date.now().toString(36)}`;
let counter = 0;
const newEmail = (label: string) => `${label}.${run}.${++counter}@example.org`;
const register = (email: string) =>
	registerUser(db, { name: 'Dr Bench', email, doctorKind: 'locum', password: PASSWORD }, ORIGIN);

// Known accounts: each is used for one round of every flow.
const known: string[] = [];
for (let i = 0; i < WARMUP + ROUNDS; i++) {
	const email = newEmail('known');
	const result = await register(email);
	if (!result.ok || !result.userId) throw new Error(`could not register ${email}`);
	known.push(email);
}
await emailsDelivered();

interface Pair {
	flow: string;
	known: string;
	unknown: string;
	run: (which: 'known' | 'unknown', round: number) => Promise<unknown>;
}

const pairs: Pair[] = [
	{
		flow: 'sign-in, wrong password',
		known: 'registered email',
		unknown: 'unknown email',
		run: (which, round) =>
			authenticate(db, which === 'known' ? known[round] : newEmail('nobody'), 'wrong-password-1')
	},
	{
		flow: 'registration',
		known: 'taken address',
		unknown: 'new address',
		run: (which, round) => register(which === 'known' ? known[round] : newEmail('fresh'))
	},
	{
		flow: 'password reset request',
		known: 'registered email',
		unknown: 'unknown email',
		run: (which, round) =>
			requestPasswordReset(db, which === 'known' ? known[round] : newEmail('nobody'), ORIGIN)
	}
];

async function timed(fn: () => Promise<unknown>): Promise<number> {
	const started = performance.now();
	await fn();
	const time = performance.now() - started;
	// Background deliveries finish outside the timed call.
	await emailsDelivered();
	return time;
}

const rows = [];
for (const pair of pairs) {
	const times = { known: [] as number[], unknown: [] as number[] };
	for (let round = 0; round < WARMUP + ROUNDS; round++) {
		// Alternate which goes first, so a drift of the machine falls on both alike.
		const order = round % 2 ? (['unknown', 'known'] as const) : (['known', 'unknown'] as const);
		for (const which of order) {
			const time = await timed(() => pair.run(which, round));
			if (round >= WARMUP) times[which].push(time);
		}
	}
	const k = summarise(times.known);
	const u = summarise(times.unknown);
	rows.push({
		flow: pair.flow,
		known: { label: pair.known, medianMs: k.median, p95Ms: k.p95 },
		unknown: { label: pair.unknown, medianMs: u.median, p95Ms: u.p95 },
		ratio: k.median / u.median,
		rounds: ROUNDS
	});
}
await db.destroy();

console.log(
	`\nKnown vs unknown email, ${url ? 'PostgreSQL' : 'PGlite (in memory)'}, ${ROUNDS} rounds each (median, p95)`
);
for (const r of rows) {
	console.log(
		`  ${r.flow.padEnd(24)} ${r.known.label} ${ms(r.known.medianMs)} (${ms(r.known.p95Ms)}), ` +
			`${r.unknown.label} ${ms(r.unknown.medianMs)} (${ms(r.unknown.p95Ms)}): ratio ${r.ratio.toFixed(2)}`
	);
}
mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
writeFileSync(
	join(ROOT, 'bench', 'results', 'enumeration-latest.json'),
	JSON.stringify(
		{ measured: new Date().toISOString(), backend: url ? 'postgres' : 'pglite', rows },
		null,
		2
	)
);
