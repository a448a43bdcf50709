// npm run check:scale — the failover drill of issue 17, all on 127.0.0.1:
//   1  a PostgreSQL primary and a streaming replica (tools/postgres.ts), two app instances that
//      start at the same moment on the empty database (migrated once), then again on a seeded one
//      with due quarters (published once), and HAProxy running deploy/haproxy-instances.cfg;
//   2  a session made on one instance works on the other, and a sign-in limit counts attempts
//      made on both;
//   3  the load mix of bench/load.ts (tools/load-mix.ts) through HAProxy, during which the replica
//      is stopped, one instance is killed (SIGKILL) and started again, and the replica is started
//      once the new instance has read published figures on the primary instead;
//   4  every diary save that was acknowledged is in the database, no request failed but those in
//      flight on the killed instance, and the replica's copy equals the primary's once caught up.
// Prints the figures (requests, errors by cause, p50/p95, the replica lag seen) and exits 1 only
// on a correctness failure, never on a time: the waits are for events, with generous caps against
// a hang. Flags: --app-dir DIR (a build made elsewhere; default: the checkout's, or a private
// build when it has none), --users N (30), --seconds S (40).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { buildApp, hasBuild, ROOT } from '../tools/build';
import { selfSignedPem } from '../tools/certificate';
import { freePort } from '../tools/ports';
import { startPrimaryAndReplica, type StartedPrimaryAndReplica } from '../tools/postgres';
import { startBuiltServer, type RunningServer } from '../tools/server';
import {
	describe,
	fmt,
	makePeople,
	preflight,
	runMix,
	storedSaves,
	type MixRun
} from '../tools/load-mix';
import { openDb, toNumber, type Db } from '../src/lib/server/db/index';
import { migrations } from '../db/migrations/index';
import { seedScale } from './seed/scale';
import { hashPassword } from '../src/lib/server/auth/password';
import * as clock from '../src/lib/server/clock';

const { values: flags } = parseArgs({
	options: {
		'app-dir': { type: 'string' },
		users: { type: 'string', default: '30' },
		seconds: { type: 'string', default: '40' }
	}
});
const USERS = Number(flags.users);
const SECONDS = Number(flags.seconds);
if (!(USERS >= 10) || !(SECONDS >= 30)) {
	console.error('--users is at least 10 and --seconds at least 30 (the faults need the time)');
	process.exit(2);
}
/**
 * When the faults start, in seconds after the load starts (its warm-up is 5 s): the replica is
 * stopped, one instance killed and started again, and the replica started once the new instance
 * has had to read published figures without it (an event, whenever it comes).
 */
const REPLICA_DOWN_AT = 8;
const KILL_AT = 10;
const RESTART_AT = 14;
/** The sign-in limit per email on both instances, for the check that they count together. */
const SIGN_IN_LIMIT = 4;

// HAProxy's certificate here is a throwaway self-signed one on 127.0.0.1, made below: this process
// talks to nothing else, so it does not check it (autocannon never does).
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const today = clock.today();
const secret = randomBytes(32).toString('hex');
process.env.CONTRIBUTOR_KEY_SECRET = secret;

interface Check {
	name: string;
	passed: boolean;
	detail: string;
}
const checks: Check[] = [];
function check(name: string, passed: boolean, detail: string) {
	checks.push({ name, passed, detail });
	console.error(`  ${passed ? 'PASS' : 'FAIL'} ${name}: ${detail}`);
}

/** Waits for `done`, polling; only a hang reaches the cap. */
async function waitFor(what: string, done: () => Promise<boolean> | boolean, capMs = 120_000) {
	const until = performance.now() + capMs;
	while (!(await done())) {
		if (performance.now() > until) throw new Error(`gave up waiting: ${what}`);
		await sleep(250);
	}
}

async function main(): Promise<boolean> {
	let appDir = flags['app-dir'] ?? ROOT;
	if (!hasBuild(appDir)) {
		console.error('Building the app in a private copy…');
		appDir = buildApp(join(ROOT, 'node_modules', '.cache', 'sessional-scale'));
	}
	const dir = mkdtempSync(join(tmpdir(), 'sessional-scale-'));
	let postgres: StartedPrimaryAndReplica | null = null;
	let haproxy: ChildProcess | null = null;
	let haproxyLog = '';
	const servers: (RunningServer | null)[] = [null, null];
	let db: Db | null = null;
	try {
		postgres = await startPrimaryAndReplica();
		console.error(`PostgreSQL ${postgres.version}: a primary and a streaming replica`);
		const httpsPort = await freePort();
		const httpPort = await freePort();
		const appPorts = [await freePort(), await freePort()];
		const origin = `https://127.0.0.1:${httpsPort}`;
		const env = {
			DATABASE_URL: postgres.url,
			DATABASE_READ_URL: postgres.replica.url,
			CONTRIBUTOR_KEY_SECRET: secret,
			ORIGIN: origin,
			ADDRESS_HEADER: 'x-forwarded-for',
			XFF_DEPTH: '1',
			PROTOCOL_HEADER: 'x-forwarded-proto',
			RATE_LIMIT_SIGN_IN: String(SIGN_IN_LIMIT),
			SMTP_URL: '',
			SESSIONAL_TODAY: '',
			LOG_LEVEL: 'info',
			DATA_DIR: join(dir, 'data')
		};
		const start = (i: number) =>
			startBuiltServer({
				appDir,
				port: appPorts[i],
				env: { ...env, DATA_DIR: join(dir, `data${i}`) }
			});
		const startBoth = async () => {
			const started = await Promise.all([start(0), start(1)]);
			servers[0] = started[0];
			servers[1] = started[1];
		};
		const stopBoth = async () => {
			for (const [i, s] of servers.entries()) {
				await s?.stop();
				servers[i] = null;
			}
		};

		// 1a. Both instances start at once on the empty database: the migrations run once.
		console.error('Two instances starting together on an empty database…');
		await startBoth();
		const appliedBy = servers.map((s) => appliedMigrations(s!.log()));
		const total = Object.keys(migrations).length;
		check(
			'migrated once',
			appliedBy.filter((n) => n > 0).length === 1 && appliedBy[0] + appliedBy[1] === total,
			`${total} migrations; applied by the instances: ${appliedBy.join(' and ')}`
		);
		await stopBoth();

		// 1b. A seeded population with quarters due and unpublished; both start at once again.
		db = await openDb({ kind: 'postgres', url: postgres.url });
		const seeded = await seedScale(db, {
			today,
			doctors: 120,
			submissions: 12_000,
			diaryYears: 1,
			diaryDoctors: 120,
			progress: false
		});
		console.error(
			`Seeded ${seeded.doctors} doctors, ${seeded.submissions} submissions, ${seeded.diaryEntries} diary entries; two instances starting together…`
		);
		await startBoth();
		const quarters = await db
			.selectFrom('rate_snapshots')
			.select((eb) => [eb.fn.countAll().as('n'), eb.fn.count('quarter_end').distinct().as('d')])
			.executeTakeFirstOrThrow();
		const runs = await db
			.selectFrom('audit_log')
			.select('details')
			.where('action', '=', 'publication.run')
			.execute();
		check(
			'due quarters published once',
			toNumber(quarters.n) > 0 &&
				toNumber(quarters.n) === toNumber(quarters.d) &&
				runs.length === 1,
			`${toNumber(quarters.n)} snapshots of ${toNumber(quarters.d)} quarters; publication runs that published: ${runs.length}`
		);

		// HAProxy with the deploy/ file as shipped, on ports of its own.
		const pem = selfSignedPem(dir);
		haproxy = spawn('haproxy', ['-db', '-f', join(ROOT, 'deploy', 'haproxy-instances.cfg')], {
			env: {
				...process.env,
				SESSIONAL_HTTPS_BIND: `127.0.0.1:${httpsPort}`,
				SESSIONAL_HTTP_BIND: `127.0.0.1:${httpPort}`,
				SESSIONAL_CERT: pem,
				SESSIONAL_APP1: `127.0.0.1:${appPorts[0]}`,
				SESSIONAL_APP2: `127.0.0.1:${appPorts[1]}`
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		haproxy.stdout?.on('data', (c) => (haproxyLog += String(c)));
		haproxy.stderr?.on('data', (c) => (haproxyLog += String(c)));
		const proxy = haproxy;
		await waitFor('HAProxy to answer /healthz', async () => {
			if (proxy.exitCode !== null) throw new Error(`HAProxy stopped:\n${haproxyLog}`);
			return (await fetchStatus(`${origin}/healthz`)) === 200;
		});

		// 2. State that must hold across instances.
		const direct = appPorts.map((port) => ({ port, origin }));
		const person = await db
			.selectFrom('users')
			.select(['id', 'email'])
			.where('role', '=', 'doctor')
			.orderBy('email')
			.executeTakeFirstOrThrow();
		const cookie = await signInCookie(db, direct[0], person.email);
		const onOther = await get(direct[1], '/diary', cookie);
		check(
			'a session made on one instance works on the other',
			cookie !== null && onOther.status === 200,
			`signed in on instance 1 (${cookie ? 'a session cookie' : 'no cookie'}); /diary on instance 2 answered ${onOther.status}`
		);
		const email = `limited-${randomBytes(3).toString('hex')}@example.org`;
		const outcomes: string[] = [];
		for (let i = 0; i < SIGN_IN_LIMIT; i++) outcomes.push(await failedSignIn(direct[i % 2], email));
		outcomes.push(await failedSignIn(direct[SIGN_IN_LIMIT % 2], email));
		check(
			'a sign-in limit counts the attempts on both instances',
			outcomes.slice(0, SIGN_IN_LIMIT).every((o) => o === 'wrong') && outcomes.at(-1) === 'limited',
			`limit ${SIGN_IN_LIMIT} per email, attempts alternating between the instances: ${outcomes.join(', ')}`
		);

		// 3. The load mix through HAProxy, with the faults.
		const { users, seenByRole } = await makePeople(db, {
			users: USERS,
			rates: [1],
			today,
			userAgent: 'sessional-drill'
		});
		const checked = await preflight(users, origin, 0);
		const lagSeen: number[] = [];
		let lagError = '';
		const timeline: string[] = [];
		const startedAt = performance.now();
		const at = (s: number) => sleep(Math.max(0, startedAt + s * 1000 - performance.now()));
		const sampling = setInterval(() => {
			postgres!
				.replicaLag()
				.then((l) => lagSeen.push(l.bytes))
				.catch((err) => (lagError = (err as Error).message));
		}, 1000);
		const now = () => `${Math.round((performance.now() - startedAt) / 1000)} s`;
		let fellBack = false;
		const faults = (async () => {
			await at(REPLICA_DOWN_AT);
			await postgres!.replica.pause();
			timeline.push(`${now()}: replica stopped`);
			await at(KILL_AT);
			servers[1]!.child.kill('SIGKILL');
			timeline.push(`${now()}: instance 2 killed (SIGKILL)`);
			await at(RESTART_AT);
			await servers[1]!.stop().catch(() => 0);
			servers[1] = await start(1);
			timeline.push(`${now()}: instance 2 answering again`);
			// Its memory holds no published figures yet, so its first map or API answer reads them:
			// on the primary, since the replica is down. The replica comes back once that happened.
			const restarted = servers[1];
			await waitFor('instance 2 to fall back to the primary for published figures', () =>
				restarted.log().includes('read replica unavailable')
			);
			fellBack = true;
			await postgres!.replica.resume();
			timeline.push(`${now()}: replica started again, after instance 2 had read on the primary`);
		})();
		console.error(`Load: ${USERS} people through HAProxy for ${SECONDS} s, with the faults…`);
		const run: MixRun = await runMix(users, origin, SECONDS, true);
		await faults;
		clearInterval(sampling);

		// 4. What must be true afterwards.
		// Each person's connection has at most one request in flight, so at most one per person can
		// be caught on the killed instance. HAProxy sends a GET that got no answer to the other
		// instance; a POST it does not (it may have been written), so the person gets a 502 or
		// the connection closes. Nothing else may fail.
		const inFlight = run.failures.filter((f) => /^POST .* → (502|no answer)/.test(f.request));
		const inFlightCount = inFlight.reduce((s, f) => s + f.count, 0);
		const other = run.errors - inFlightCount;
		check(
			'no request failed but those in flight on the killed instance',
			other === 0 && inFlightCount <= users.length,
			`${run.errors} failed: ${inFlightCount} diary saves in flight on it (502 or no answer; at most ${users.length} could be), ${other} others` +
				(run.failures.length
					? ` (${run.failures.map((f) => `${f.count} × ${f.request}`).join('; ')})`
					: '')
		);
		check(
			'with the replica down, published figures were read on the primary',
			fellBack,
			fellBack
				? 'the restarted instance logged "read replica unavailable" and answered from the primary'
				: 'the restarted instance never needed the replica'
		);
		const stored = await storedSaves(db);
		const acknowledged = checked.posts + run.postsStored;
		check(
			'every acknowledged diary save is in the database',
			stored >= acknowledged,
			`${acknowledged} saves answered 303; ${stored} entries stored (a save that failed with 502 may be stored too)`
		);
		const caughtUp = await postgres.waitForReplica();
		const same = await sameOnBoth(postgres.url, postgres.replica.url);
		check(
			"the replica's answers equal the primary's once caught up",
			same.equal,
			`${same.detail}; ${caughtUp.bytes} bytes behind when asked`
		);
		const mapOnBoth = await Promise.all(
			direct.map((d) => get(d, '/api/rates/in_hours_session', null))
		);
		check(
			'both instances answer the published figures alike',
			mapOnBoth.every((a) => a.status === 200) && mapOnBoth[0].body === mapOnBoth[1].body,
			`/api/rates/in_hours_session: ${mapOnBoth.map((a) => `${a.status}, ${a.body.length} bytes`).join(' and ')}`
		);

		console.log(
			`\nSessional scale drill (issue 17): 2 instances behind HAProxy, PostgreSQL ${postgres.version} primary and replica`
		);
		console.log(
			describe(
				run,
				{},
				`Mix: ${USERS} people (${seenByRole.visitor} visitors, ${seenByRole.doctor} doctors, ${seenByRole.member} members), 1 request/s each, ${SECONDS} s`
			)
		);
		console.log(`Faults: ${timeline.join('; ')}`);
		// HAProxy writes each change of state twice (its log and its alert): one line each here.
		const states = haproxyLog
			.split('\n')
			.map((l) => /Server app\/(app\d) is (DOWN|UP)/.exec(l)?.slice(1).join(' '))
			.filter((state, i, all): state is string => !!state && state !== all[i - 1]);
		console.log(`HAProxy saw: ${states.length ? states.join('; ') : 'no instance going down'}`);
		console.log(
			`Replica lag seen (sampled each second): max ${fmt(Math.max(0, ...lagSeen) / 1024)} KB of WAL, median ${fmt(median(lagSeen) / 1024)} KB` +
				(lagError ? ` (while it was down: ${lagError})` : '')
		);
		console.log(
			`Errors by cause: ${run.failedAnswers} wrong answers, ${run.connectionErrors} connection errors, ${run.timeouts} timeouts, ${run.lost} requests whose connection closed before an answer`
		);
		console.log('\nChecks (decide the exit code):');
		for (const c of checks) console.log(`  ${c.passed ? 'PASS' : 'FAIL'} ${c.name}: ${c.detail}`);
		return checks.every((c) => c.passed);
	} finally {
		for (const s of servers) await s?.stop().catch(() => 0);
		if (haproxy && haproxy.exitCode === null) {
			const exited = new Promise((r) => haproxy!.once('exit', r));
			haproxy.kill('SIGTERM');
			await exited;
		}
		await db?.destroy();
		await postgres?.stop();
		rmSync(dir, { recursive: true, force: true });
	}
}

function appliedMigrations(log: string): number {
	for (const line of log.split('\n')) {
		if (!line.includes('"component":"db"')) continue;
		try {
			const entry = JSON.parse(line) as { applied?: string[] };
			if (Array.isArray(entry.applied)) return entry.applied.length;
		} catch {
			// not a JSON line
		}
	}
	return -1;
}

function median(values: number[]): number {
	if (!values.length) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

async function fetchStatus(url: string): Promise<number> {
	try {
		const response = await fetch(url);
		await response.arrayBuffer();
		return response.status;
	} catch {
		return 0;
	}
}

interface Instance {
	port: number;
	/** The ORIGIN the instances are told (HAProxy's address), which a form post must come from. */
	origin: string;
}

/** A request straight to an instance, as HAProxy would pass it on (https, the client's address). */
function ask(
	instance: Instance,
	method: 'GET' | 'POST',
	path: string,
	headers: Record<string, string>,
	body?: string
): Promise<{
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}> {
	return new Promise((resolve, reject) => {
		const req = request(
			{
				host: '127.0.0.1',
				port: instance.port,
				path,
				method,
				headers: {
					'x-forwarded-for': '192.0.2.10',
					'x-forwarded-proto': 'https',
					...(body === undefined
						? {}
						: {
								origin: instance.origin,
								'content-type': 'application/x-www-form-urlencoded',
								'content-length': String(Buffer.byteLength(body))
							}),
					...headers
				}
			},
			(res) => {
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (c: string) => (text += c));
				res.on('end', () =>
					resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text })
				);
			}
		);
		req.on('error', reject);
		req.end(body);
	});
}

function get(instance: Instance, path: string, cookie: string | null) {
	return ask(instance, 'GET', path, cookie ? { cookie } : {});
}

const DRILL_PASSWORD = 'drill-password-violet-92';

/** Signs a seeded doctor in on one instance (their password set for the drill); the session cookie. */
async function signInCookie(db: Db, instance: Instance, email: string): Promise<string | null> {
	await db
		.updateTable('users')
		.set({ password_hash: await hashPassword(DRILL_PASSWORD) })
		.where('email', '=', email)
		.execute();
	const answer = await ask(
		instance,
		'POST',
		'/login',
		{},
		new URLSearchParams({ email, password: DRILL_PASSWORD }).toString()
	);
	const setCookie = answer.headers['set-cookie'];
	const session = (Array.isArray(setCookie) ? setCookie : [setCookie ?? '']).find((c) =>
		c.startsWith('session=')
	);
	return session ? session.split(';')[0] : null;
}

/** A sign-in with a wrong password: 'wrong' when it was checked, 'limited' when the limit refused it. */
async function failedSignIn(instance: Instance, email: string): Promise<string> {
	const answer = await ask(
		instance,
		'POST',
		'/login',
		{},
		new URLSearchParams({ email, password: 'not-the-password-1' }).toString()
	);
	if (/Too many sign-in attempts/.test(answer.body)) return 'limited';
	if (/Wrong email or password/.test(answer.body)) return 'wrong';
	return `${answer.status}`;
}

/** The published figures and the diary, row for row, on the primary and on the replica. */
async function sameOnBoth(
	primaryUrl: string,
	replicaUrl: string
): Promise<{ equal: boolean; detail: string }> {
	const queries = {
		snapshots: 'select id, quarter_end from rate_snapshots order by id',
		cells:
			'select * from rate_snapshot_cells order by snapshot_id, category_code, geo_level, geo_code',
		diary:
			"select count(*)::int as n, md5(string_agg(id::text, ',' order by id)) as h from worked_sessions"
	};
	const parts: string[] = [];
	let equal = true;
	for (const [name, text] of Object.entries(queries)) {
		const [a, b] = await Promise.all(
			[primaryUrl, replicaUrl].map(async (url) => {
				const client = new pg.Client({ connectionString: url });
				await client.connect();
				try {
					return JSON.stringify((await client.query(text)).rows);
				} finally {
					await client.end();
				}
			})
		);
		if (a !== b) equal = false;
		parts.push(`${name} ${a === b ? 'identical' : 'DIFFERENT'}`);
	}
	return { equal, detail: parts.join(', ') };
}

main().then(
	(passed) => process.exit(passed ? 0 : 1),
	(err) => {
		console.error(err);
		process.exit(1);
	}
);
