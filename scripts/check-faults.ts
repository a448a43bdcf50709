// npm run check:faults — what the built app does when the things under it fail (issue 8):
//   1  PostgreSQL restarted under a burst of diary writes and reads: every request answered, with a
//      503 and a message while it is down, recovery without restarting the app, every acknowledged
//      write kept;
//   2  embedded database (PGlite): the server killed (SIGKILL) mid-burst starts again on the same
//      folder with every acknowledged write;
//   3a SMTP gone: registration and password reset answer as usual, the email waits in the outbox
//      with its error, the server stays healthy;
//   3b the embedded database's disk full (a dedicated tmpfs, so root is needed): writes answer 507
//      with a message, reads go on, writes work again once space is freed, nothing half-written.
// The app is built into node_modules/.cache/sessional-faults (never the shared build/); servers
// listen on 127.0.0.1, ports 4300–4349. Flags: --reuse-build (keep an earlier build there),
// --app-dir DIR (test a build made elsewhere), --only 1,2,3a,3b (some scenarios).
// Prints PASS/FAIL per scenario with its figures and a summary; exits 1 on any FAIL. A pass or a
// fail never depends on how fast anything was (issue 13): times are printed as figures, and the
// only limits are generous caps that stop a run that hangs (an answer that never comes, a server
// that never stops), each named below.
import { execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
	closeSync,
	cpSync,
	mkdtempSync,
	openSync,
	readFileSync,
	rmSync,
	statfsSync,
	writeSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp, hasBuild, ROOT } from '../tools/build';
import { startPostgres, type StartedPostgres } from '../tools/postgres';
import { freePortIn } from '../tools/ports';
import { startBuiltServer, type RunningServer } from '../tools/server';
import { openDb, setupDatabase, type DbTarget } from '../src/lib/server/db/index';
import { STORAGE_RESERVE_BYTES } from '../src/lib/server/db/storage';
import { createSession, generateSessionToken } from '../src/lib/server/auth/session';
import { hashPassword } from '../src/lib/server/auth/password';
import { createWorkplace } from '../src/lib/server/diary/workplaces';
import { addDays } from '../src/lib/domain/calendar';

const { values: flags } = parseArgs({
	options: {
		'reuse-build': { type: 'boolean', default: false },
		'app-dir': { type: 'string' },
		only: { type: 'string' }
	}
});
const only = flags.only?.split(',');

const APP_DIR = flags['app-dir'] ?? join(ROOT, 'node_modules', '.cache', 'sessional-faults');
/**
 * A request not answered in this time gets no answer (status 0, a failure): only a hang comes near
 * it. The app's own waits are far shorter (a PostgreSQL connect gives up after 5 s, /healthz after
 * 3 s), so this only stops a run from waiting for ever.
 */
const NO_ANSWER_MS = 60_000;
/**
 * A server that has not ended this long after SIGTERM is killed and counts as not stopping: only
 * a hang comes near it (adapter-node waits for open requests, up to its SHUTDOWN_TIMEOUT of 30 s).
 */
const STOP_LIMIT_MS = 60_000;
/** How long the checks wait for something that should happen by itself; only a hang reaches it. */
const WAIT_LIMIT_MS = 60_000;
const UNAVAILABLE_TEXT = 'briefly unavailable';
const OUT_OF_STORAGE_TEXT = 'out of storage';
/** Diary days the writes are spread over (past days, so no "in the future" refusal). */
const FIRST_DAY = '2025-03-03';

// ---------------------------------------------------------------------------------------------
// Results

interface Row {
	scenario: string;
	pass: boolean;
	figures: string;
}
const rows: Row[] = [];

function verdict(scenario: string, figures: string[], problems: string[]) {
	const pass = problems.length === 0;
	rows.push({ scenario, pass, figures: figures.join('; ') });
	console.log(`\n${pass ? 'PASS' : 'FAIL'}  ${scenario}`);
	for (const f of figures) console.log(`      ${f}`);
	for (const p of problems) console.log(`      ✗ ${p}`);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// The app server

const children = new Set<ChildProcess>();

/** Undone on Ctrl-C as well as at the end: the tmpfs mount. */
const cleanups = new Set<() => void>();

const t0 = Date.now();
function step(message: string) {
	console.log(`  ${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s  ${message}`);
}

function stopAll() {
	for (const child of children) child.kill('SIGKILL');
}

const RUN_SECRET = randomBytes(32).toString('hex');

/** A free port in 4300–4349, the range this check may use. */
const appPort = () => freePortIn({ from: 4300, to: 4349 }, { random: true });

async function startApp(env: Record<string, string>): Promise<RunningServer> {
	return startBuiltServer({
		appDir: APP_DIR,
		port: await appPort(),
		env: {
			LOG_LEVEL: 'warn',
			// One secret for the run, so a server started again on the same DATA_DIR keeps it.
			CONTRIBUTOR_KEY_SECRET: RUN_SECRET,
			...env
		},
		stopLimitMs: STOP_LIMIT_MS,
		onSpawn: (child) => {
			children.add(child);
			child.once('exit', () => children.delete(child));
		}
	});
}

// ---------------------------------------------------------------------------------------------
// A doctor with a workplace and a session, made in the database as the seeder makes accounts

interface Doctor {
	id: string;
	cookie: string;
	workplaceId: string;
}

async function prepareDoctor(target: DbTarget): Promise<Doctor> {
	const db = await openDb(target);
	try {
		await setupDatabase(db);
		const user = await db
			.insertInto('users')
			.values({
				email: `faults-${randomBytes(4).toString('hex')}@example.test`,
				name: 'Dr Fault',
				doctor_kind: 'salaried',
				role: 'doctor',
				password_hash: await hashPassword(randomBytes(16).toString('hex')),
				email_verified_at: new Date()
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const workplace = await createWorkplace(db, user.id, {
			name: 'Riverside Surgery',
			kind: 'practice',
			basis: 'salaried',
			areaCode: '',
			nation: 'ENG'
		});
		if (!workplace.ok) throw new Error(`workplace: ${JSON.stringify(workplace.errors)}`);
		const token = generateSessionToken();
		await createSession(db, token, user.id, 'check-faults');
		return { id: user.id, cookie: `session=${token}`, workplaceId: workplace.id };
	} finally {
		await db.destroy();
	}
}

/** The notes of the doctor's diary entries: each write carries its marker there. */
async function storedMarkers(target: DbTarget, doctor: Doctor): Promise<Set<string>> {
	const db = await openDb(target);
	try {
		const found = await db
			.selectFrom('worked_sessions')
			.select('notes')
			.where('user_id', '=', doctor.id)
			.execute();
		return new Set(found.map((r) => r.notes ?? ''));
	} finally {
		await db.destroy();
	}
}

// ---------------------------------------------------------------------------------------------
// Requests

interface Outcome {
	kind: 'write' | 'read' | 'health';
	marker?: string;
	startedAt: number;
	ms: number;
	/** 0: no answer (connection refused or reset, or none within NO_ANSWER_MS). */
	status: number;
	/** A saved entry (303 back to the diary) or a page that rendered (200). */
	ok: boolean;
	text: string;
}

async function request(
	kind: Outcome['kind'],
	url: string,
	init: RequestInit,
	isOk: (response: Response, text: string) => boolean
): Promise<Outcome> {
	const startedAt = Date.now();
	try {
		const response = await fetch(url, {
			...init,
			redirect: 'manual',
			signal: AbortSignal.timeout(NO_ANSWER_MS)
		});
		const text = await response.text();
		return {
			kind,
			startedAt,
			ms: Date.now() - startedAt,
			status: response.status,
			ok: isOk(response, text),
			text
		};
	} catch (err) {
		return {
			kind,
			startedAt,
			ms: Date.now() - startedAt,
			status: 0,
			ok: false,
			text: err instanceof Error ? `${err.name}: ${err.message}` : String(err)
		};
	}
}

const dayOf = (n: number) => addDays(FIRST_DAY, n % 28);

/**
 * Posts one diary entry through the day page's real `save` action: as a browser without
 * JavaScript (a 303 back to the diary), or as the enhanced form does (JSON, a redirect result).
 */
async function writeEntry(
	origin: string,
	doctor: Doctor,
	marker: string,
	n: number,
	enhanced = false
) {
	const date = dayOf(n);
	const body = new URLSearchParams({
		date,
		workplaceId: doctor.workplaceId,
		sessionType: 'surgery',
		start: '08:30',
		finish: '12:30',
		breakMinutes: '0',
		notes: marker
	});
	const outcome = await request(
		'write',
		`${origin}/diary/${date}?/save`,
		{
			method: 'POST',
			headers: {
				origin,
				accept: enhanced ? 'application/json' : 'text/html',
				...(enhanced ? { 'x-sveltekit-action': 'true' } : {}),
				cookie: doctor.cookie,
				'content-type': 'application/x-www-form-urlencoded'
			},
			body
		},
		enhanced
			? (r, text) => r.status === 200 && /"type":"redirect".*saved=1/.test(text)
			: (r) => r.status === 303 && (r.headers.get('location') ?? '').includes('saved=1')
	);
	return { ...outcome, marker };
}

function readDay(origin: string, doctor: Doctor, n: number) {
	return request(
		'read',
		`${origin}/diary/${dayOf(n)}`,
		{ headers: { accept: 'text/html', cookie: doctor.cookie } },
		(r) => r.status === 200
	);
}

function health(origin: string) {
	return request('health', `${origin}/healthz`, {}, (r) => r.status === 200);
}

/** Writers and readers in parallel until `until()` says stop. */
async function burst(
	origin: string,
	doctor: Doctor,
	prefix: string,
	opts: { writers: number; readers: number; until: () => boolean; pauseMs?: number }
): Promise<Outcome[]> {
	const outcomes: Outcome[] = [];
	let n = 0;
	const loop = async (kind: 'write' | 'read', enhanced = false) => {
		while (!opts.until()) {
			const i = n++;
			outcomes.push(
				kind === 'write'
					? await writeEntry(origin, doctor, `${prefix}-${i}`, i, enhanced)
					: await readDay(origin, doctor, i)
			);
			if (opts.pauseMs) await sleep(opts.pauseMs);
		}
	};
	await Promise.all([
		// Half the writers post as a browser without JavaScript, half as the enhanced form.
		...Array.from({ length: opts.writers }, (_, w) => loop('write', w % 2 === 1)),
		...Array.from({ length: opts.readers }, () => loop('read'))
	]);
	return outcomes;
}

const describeOutcome = (o: Outcome) =>
	`${o.kind} ${o.status || 'no answer'} after ${o.ms} ms: ${o.text.replace(/\s+/g, ' ').slice(0, 160)}`;

// ---------------------------------------------------------------------------------------------
// 1  PostgreSQL restarted under load

async function postgresRestart(pg: StartedPostgres, doctor: Doctor) {
	const name = '1  PostgreSQL restart under load';
	const problems: string[] = [];
	const figures: string[] = [];
	if (!pg.restart) {
		verdict(name, [], ['the PostgreSQL server is not a throwaway one: it cannot be restarted']);
		return;
	}
	const app = await startApp({
		DATABASE_URL: pg.url,
		CONTRIBUTOR_KEY_SECRET: randomBytes(32).toString('hex')
	});
	step(`server on PostgreSQL at ${app.origin}; load for 2 s, then the restart`);
	try {
		const t0 = Date.now();
		let restartAt = 0;
		let backAt = 0;
		let done = false;
		const healthChecks: Outcome[] = [];
		const healthLoop = (async () => {
			while (!done) {
				healthChecks.push(await health(app.origin));
				await sleep(250);
			}
		})();
		const load = burst(app.origin, doctor, 'pg', {
			writers: 4,
			readers: 2,
			until: () => done
		});
		await sleep(2_000);
		restartAt = Date.now();
		// Fast shutdown (sessions ended with 57P01), 2 s with nothing listening, start again.
		await pg.restart(2_000);
		backAt = Date.now();
		step(`PostgreSQL back after ${seconds(backAt - restartAt)}; waiting for writes to succeed`);
		// Keep the load on until writes succeed again, and 3 s more to see that they keep doing so.
		let recoveredAt = 0;
		while (Date.now() - backAt < WAIT_LIMIT_MS) {
			const probe = await writeEntry(app.origin, doctor, `pg-probe-${Date.now()}`, 0);
			if (probe.ok) {
				recoveredAt = Date.now();
				break;
			}
			await sleep(100);
		}
		await sleep(3_000);
		done = true;
		const outcomes = await load;
		await healthLoop;

		const writes = outcomes.filter((o) => o.kind === 'write');
		const reads = outcomes.filter((o) => o.kind === 'read');
		const acked = writes.filter((o) => o.ok);
		const unavailable = outcomes.filter((o) => o.status === 503);
		const unexplained = outcomes.filter((o) => !o.ok && o.status !== 503);
		const wordless = unavailable.filter((o) => !o.text.includes(UNAVAILABLE_TEXT));
		const slowest = Math.max(...outcomes.map((o) => o.ms));
		const afterRecovery = outcomes.filter((o) => recoveredAt && o.startedAt > recoveredAt + 500);
		const failedAfterRecovery = afterRecovery.filter((o) => !o.ok);
		const healthDown = healthChecks.filter((o) => o.status === 503).length;
		const lastHealth = (await health(app.origin)).status;

		const stored = await storedMarkers({ kind: 'postgres', url: pg.url }, doctor);
		const lost = acked.filter((o) => !stored.has(o.marker!));
		const refusedButStored = writes.filter((o) => !o.ok && stored.has(o.marker!));

		figures.push(
			`${outcomes.length} requests over ${seconds(Date.now() - t0)} (4 writers, half of them as enhanced forms, 2 readers): ${writes.length} writes, ${acked.length} acknowledged; ${reads.length} reads, ${reads.filter((o) => o.ok).length} answered`,
			`database down ${seconds(backAt - restartAt)} (fast shutdown + 2 s + start): ${unavailable.length} answers 503 (${unavailable.filter((o) => o.kind === 'write').length} writes, ${unavailable.filter((o) => o.kind === 'read').length} reads), /healthz 503 ${healthDown}×`,
			`slowest answer ${slowest} ms; writes work again ${recoveredAt ? `${recoveredAt - backAt} ms after the server was back` : 'never'} (no app restart)`,
			`acknowledged writes stored: ${acked.length - lost.length}/${acked.length}; refused writes that were stored anyway: ${refusedButStored.length}`
		);
		if (unavailable.length === 0) problems.push('no request met the outage (no 503 at all)');
		if (wordless.length)
			problems.push(
				`${wordless.length} answers 503 without the message: ${describeOutcome(wordless[0])}`
			);
		if (unexplained.length)
			problems.push(
				`${unexplained.length} answers neither success nor 503, e.g. ${describeOutcome(unexplained[0])}`
			);
		if (!recoveredAt)
			problems.push(
				`writes did not work again without an app restart (waited ${seconds(WAIT_LIMIT_MS)} after the server was back)`
			);
		if (failedAfterRecovery.length)
			problems.push(
				`${failedAfterRecovery.length} requests failed after recovery, e.g. ${describeOutcome(failedAfterRecovery[0])}`
			);
		if (healthDown === 0) problems.push('/healthz never answered 503 while the database was down');
		if (lastHealth !== 200) problems.push(`/healthz answers ${lastHealth} after recovery`);
		if (lost.length) problems.push(`${lost.length} acknowledged writes are missing`);
		if (!app.alive()) problems.push(`the server process ended:\n${app.log().slice(-1500)}`);
		checkStop(await app.stop(), figures, problems);
	} finally {
		await app.stop();
	}
	verdict(name, figures, problems);
}

function checkStop(ms: number, figures: string[], problems: string[]) {
	if (ms === Infinity)
		problems.push(`SIGTERM did not end the server within ${seconds(STOP_LIMIT_MS)}`);
	else figures.push(`SIGTERM ended the server in ${seconds(ms)}`);
}

// ---------------------------------------------------------------------------------------------
// 2  Embedded database: SIGKILL mid-burst

async function pgliteKill(template: string, doctor: Doctor) {
	const name = '2  PGlite: server killed mid-burst';
	const problems: string[] = [];
	const figures: string[] = [];
	const dataDir = mkdtempSync(join(tmpdir(), 'sessional-faults-kill-'));
	try {
		cpSync(template, dataDir, { recursive: true });
		const target: DbTarget = { kind: 'pglite', dataDir: join(dataDir, 'pglite') };
		let app = await startApp({ DATA_DIR: dataDir });
		step(`server on PGlite at ${app.origin}; writes for 2.5 s, then SIGKILL`);
		let killAt = 0;
		const load = burst(app.origin, doctor, 'kill', {
			writers: 4,
			readers: 1,
			until: () => killAt > 0
		});
		await sleep(2_500);
		killAt = Date.now();
		await app.stop('SIGKILL');
		const outcomes = await load;
		step('killed; starting again on the same folder');
		const writes = outcomes.filter((o) => o.kind === 'write');
		const acked = writes.filter((o) => o.ok);
		const cut = writes.filter((o) => o.status === 0);
		const before = outcomes.filter((o) => o.startedAt < killAt - 50 && o.status !== 0 && !o.ok);

		app = await startApp({ DATA_DIR: dataDir });
		const restartMs = app.startMs;
		step(`healthy again in ${seconds(app.startMs)}; one write, then reading the database`);
		const after = await writeEntry(app.origin, doctor, 'kill-after-restart', 1);
		const alive = app.alive();
		const startLog = app.log();
		const stopMs = await app.stop();
		const stored = await storedMarkers(target, doctor);
		const lost = acked.filter((o) => !stored.has(o.marker!));
		const cutStored = cut.filter((o) => stored.has(o.marker!)).length;

		figures.push(
			`${writes.length} writes in ${seconds(killAt - outcomes[0].startedAt)}, ${acked.length} acknowledged, ${cut.length} cut off by the kill (${cutStored} of them stored anyway)`,
			`restart on the same DATA_DIR: healthy in ${seconds(restartMs)}, a new write ${after.ok ? 'saved' : `failed (${describeOutcome(after)})`}`,
			`acknowledged writes stored after the restart: ${acked.length - lost.length}/${acked.length}`
		);
		if (acked.length === 0) problems.push('no write was acknowledged before the kill');
		if (before.length)
			problems.push(
				`${before.length} requests failed before the kill, e.g. ${describeOutcome(before[0])}`
			);
		if (!after.ok) problems.push('a write after the restart failed');
		if (!alive) problems.push(`the restarted server ended:\n${startLog.slice(-1500)}`);
		if (!stored.has('kill-after-restart')) problems.push('the write after the restart is missing');
		checkStop(stopMs, figures, problems);
		if (lost.length)
			problems.push(`${lost.length} acknowledged writes are missing, e.g. ${lost[0].marker}`);
	} finally {
		rmSync(dataDir, { recursive: true, force: true });
	}
	verdict(name, figures, problems);
}

// ---------------------------------------------------------------------------------------------
// 3a SMTP gone

async function smtpLost(pg: StartedPostgres) {
	const name = '3a SMTP server gone';
	const problems: string[] = [];
	const figures: string[] = [];
	// A port where nothing listens: every delivery is refused.
	const deadPort = await appPort();
	const app = await startApp({
		DATABASE_URL: pg.url,
		CONTRIBUTOR_KEY_SECRET: randomBytes(32).toString('hex'),
		SMTP_URL: `smtp://127.0.0.1:${deadPort}`
	});
	try {
		const email = `smtp-lost-${randomBytes(4).toString('hex')}@example.test`;
		const form = (fields: Record<string, string>) => ({
			method: 'POST',
			headers: {
				origin: app.origin,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams(fields)
		});
		const register = await request(
			'write',
			`${app.origin}/register`,
			form({
				name: 'Dr Lost Mail',
				email,
				doctorKind: 'locum',
				password: 'correct horse battery staple 42',
				terms: 'on'
			}),
			(r) => r.status === 303 && (r.headers.get('location') ?? '').startsWith('/verify-email')
		);
		const reset = await request(
			'write',
			`${app.origin}/reset-password?/request`,
			form({ email }),
			(r) => r.status === 200
		);
		// Delivery may run after the answer: wait for both outbox rows to record their error.
		const db = await openDb({ kind: 'postgres', url: pg.url });
		let kept: { subject: string; error: string | null; sent_at: Date | null }[] = [];
		const waitStarted = Date.now();
		try {
			for (;;) {
				kept = await db
					.selectFrom('email_outbox')
					.select(['subject', 'error', 'sent_at'])
					.where('to_address', '=', email)
					.execute();
				if (
					(kept.length >= 2 && kept.every((r) => r.error)) ||
					Date.now() - waitStarted > WAIT_LIMIT_MS
				)
					break;
				await sleep(250);
			}
		} finally {
			await db.destroy();
		}
		const healthz = await health(app.origin);
		figures.push(
			`register: ${register.status} in ${register.ms} ms; reset request: ${reset.status} in ${reset.ms} ms`,
			`outbox rows for the address: ${kept.length}, with the error recorded: ${kept.filter((r) => r.error).length}, sent: ${kept.filter((r) => r.sent_at).length}${kept[0]?.error ? ` (“${kept[0].error.slice(0, 60)}”)` : ''}`,
			`/healthz afterwards: ${healthz.status}`
		);
		if (!register.ok) problems.push(`registration: ${describeOutcome(register)}`);
		if (!reset.ok) problems.push(`reset request: ${describeOutcome(reset)}`);
		if (kept.length < 2) problems.push(`expected 2 emails in the outbox, found ${kept.length}`);
		if (kept.some((r) => !r.error))
			problems.push(
				`an outbox row has no error recorded (waited ${seconds(WAIT_LIMIT_MS)} after the request)`
			);
		if (healthz.status !== 200 || !app.alive())
			problems.push('the server is not healthy afterwards');
		checkStop(await app.stop(), figures, problems);
	} finally {
		await app.stop();
	}
	verdict(name, figures, problems);
}

// ---------------------------------------------------------------------------------------------
// 3b Disk full under the embedded database

function isTmpfsAt(dir: string): boolean {
	return readFileSync('/proc/mounts', 'utf8')
		.split('\n')
		.some((line) => {
			const [, mountPoint, type] = line.split(' ');
			return mountPoint === dir && type === 'tmpfs';
		});
}

const MB = 2 ** 20;

/** Fills the file system at `dir` with one file until `leaveBytes` are left. Only on our tmpfs. */
function fill(dir: string, file: string, leaveBytes: number) {
	if (!isTmpfsAt(dir)) throw new Error(`${dir} is not the dedicated tmpfs: refusing to fill it`);
	const free = () => {
		const s = statfsSync(dir);
		return s.bavail * s.bsize;
	};
	const fd = openSync(file, 'w');
	const chunk = Buffer.alloc(MB, 1);
	try {
		while (free() - leaveBytes >= chunk.length) writeSync(fd, chunk);
		const rest = free() - leaveBytes;
		if (rest > 0) writeSync(fd, Buffer.alloc(rest, 1));
	} finally {
		closeSync(fd);
	}
	return free();
}

async function diskFull(template: string, doctor: Doctor) {
	const name = '3b PGlite: disk full';
	const problems: string[] = [];
	const figures: string[] = [];
	const mountPoint = mkdtempSync(join(tmpdir(), 'sessional-faults-disk-'));
	let mounted = false;
	let app: RunningServer | undefined;
	const unmount = () => {
		try {
			execFileSync('umount', [mountPoint], { stdio: 'pipe' });
		} catch {
			execFileSync('umount', ['-l', mountPoint], { stdio: 'pipe' });
		}
	};
	try {
		try {
			execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=128m', 'tmpfs', mountPoint], {
				stdio: 'pipe'
			});
			mounted = true;
			cleanups.add(unmount);
		} catch (err) {
			const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
			verdict(name, [], [`cannot mount a tmpfs (run as root): ${reason}`]);
			return;
		}
		cpSync(template, mountPoint, { recursive: true });
		const target: DbTarget = { kind: 'pglite', dataDir: join(mountPoint, 'pglite') };
		app = await startApp({ DATA_DIR: mountPoint });
		const origin = app.origin;
		step(`server on PGlite in a 128 MB tmpfs at ${app.origin}`);
		const freeAtStart = statfsSync(mountPoint).bavail * statfsSync(mountPoint).bsize;

		const series = async (prefix: string, count: number) => {
			const out = [];
			for (let i = 0; i < count; i++)
				out.push(await writeEntry(origin, doctor, `${prefix}-${i}`, i));
			return out;
		};
		const earlier = await series('disk-before', 5);
		const filler = join(mountPoint, 'filler');
		const leftFree = fill(mountPoint, filler, 0);
		step(`filled to ${(leftFree / MB).toFixed(1)} MB free; writes and reads`);
		const refused = await series('disk-full', 5);
		const reads = [await readDay(origin, doctor, 0), await readDay(origin, doctor, 1)];
		const healthFull = await health(origin);
		rmSync(filler);
		step('filler deleted; writes, then a restart on the same folder');
		const later = await series('disk-freed', 5);
		const aliveBeforeRestart = app.alive();
		const firstStopMs = await app.stop();
		app = await startApp({ DATA_DIR: mountPoint });
		const reopenMs = app.startMs;
		const readAfterRestart = await readDay(app.origin, doctor, 0);
		const secondStopMs = await app.stop();
		app = undefined;
		const stored = await storedMarkers(target, doctor);

		const slowest = Math.max(...[...earlier, ...refused, ...reads, ...later].map((o) => o.ms));
		figures.push(
			`tmpfs 128 MB, ${Math.round(freeAtStart / MB)} MB free with the server running; filled to ${(leftFree / MB).toFixed(1)} MB free (the app keeps a ${STORAGE_RESERVE_BYTES / MB} MB reserve)`,
			`5 writes before: ${earlier.filter((o) => o.ok).length} saved; 5 writes on the full disk: ${refused.map((o) => o.status).join(' ')}; reads meanwhile: ${reads.map((o) => o.status).join(' ')}, /healthz ${healthFull.status}`,
			`filler deleted: 5 writes ${later.filter((o) => o.ok).length} saved; restart on the same folder healthy in ${seconds(reopenMs)}, a read ${readAfterRestart.status}; slowest answer ${slowest} ms`,
			`stored after the restart: before ${earlier.filter((o) => stored.has(o.marker!)).length}/5, refused ${refused.filter((o) => stored.has(o.marker!)).length}/5, after ${later.filter((o) => stored.has(o.marker!)).length}/5`
		);
		if (earlier.some((o) => !o.ok))
			problems.push(
				`a write before filling failed: ${describeOutcome(earlier.find((o) => !o.ok)!)}`
			);
		for (const o of refused) {
			if (o.ok) problems.push('a write on the full disk was saved');
			else if (o.status !== 507 && o.status !== 503)
				problems.push(`a write on the full disk: ${describeOutcome(o)}`);
			else if (!o.text.includes(OUT_OF_STORAGE_TEXT) && !o.text.includes(UNAVAILABLE_TEXT))
				problems.push(`a ${o.status} without a message: ${describeOutcome(o)}`);
		}
		if (reads.some((o) => !o.ok))
			problems.push(`a read on the full disk: ${describeOutcome(reads.find((o) => !o.ok)!)}`);
		if (!aliveBeforeRestart) problems.push('the server process ended while the disk was full');
		if (later.some((o) => !o.ok))
			problems.push(
				`a write after freeing space failed: ${describeOutcome(later.find((o) => !o.ok)!)}`
			);
		if (!readAfterRestart.ok) problems.push('the restarted server does not serve the diary');
		const missing = [...earlier, ...later].filter((o) => !stored.has(o.marker!));
		const halfWritten = refused.filter((o) => stored.has(o.marker!));
		if (missing.length) problems.push(`${missing.length} saved writes are missing`);
		if (halfWritten.length) problems.push(`${halfWritten.length} refused writes were stored`);
		checkStop(Math.max(firstStopMs, secondStopMs), figures, problems);
	} finally {
		await app?.stop();
		if (mounted) {
			unmount();
			cleanups.delete(unmount);
		}
		rmSync(mountPoint, { recursive: true, force: true });
	}
	verdict(name, figures, problems);
}

// ---------------------------------------------------------------------------------------------

/**
 * A scenario that has not finished in this time has hung: its servers are killed. Generous (a
 * scenario takes 10–40 s) so that only a hang reaches it, never a slow machine.
 */
const SCENARIO_LIMIT_MS = 300_000;

async function run(name: string, scenario: () => Promise<void>) {
	if (only && !only.includes(name.split(' ')[0])) return;
	console.log(`\n… ${name}`);
	let timer: NodeJS.Timeout | undefined;
	try {
		await Promise.race([
			scenario(),
			new Promise((_, reject) => {
				timer = setTimeout(() => {
					stopAll();
					reject(new Error(`hung: not finished within ${SCENARIO_LIMIT_MS / 1000} s`));
				}, SCENARIO_LIMIT_MS);
			})
		]);
	} catch (err) {
		verdict(
			name,
			[],
			[`the check itself failed: ${err instanceof Error ? err.stack : String(err)}`]
		);
	} finally {
		clearTimeout(timer);
	}
}

const started = Date.now();
// The restart scenario needs a server of its own, never a shared one named in the environment.
delete process.env.BENCH_DATABASE_URL;
delete process.env.TEST_DATABASE_URL;

let pg: StartedPostgres | undefined;
const templateDir = mkdtempSync(join(tmpdir(), 'sessional-faults-template-'));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.once(signal, () => {
		stopAll();
		for (const cleanup of cleanups) cleanup();
		void pg?.stop();
		process.exit(130);
	});
}
try {
	if ((flags['reuse-build'] || flags['app-dir']) && hasBuild(APP_DIR))
		console.log(`Reusing the build in ${APP_DIR}`);
	else {
		console.log(`Building the app into ${APP_DIR}…`);
		const buildStarted = Date.now();
		buildApp(APP_DIR);
		console.log(`built in ${seconds(Date.now() - buildStarted)}`);
	}
	console.log('Starting PostgreSQL and an embedded database with a doctor in each…');
	const [server, pgliteDoctor] = await Promise.all([
		startPostgres(),
		prepareDoctor({ kind: 'pglite', dataDir: join(templateDir, 'pglite') })
	]);
	pg = server;
	const pgDoctor = await prepareDoctor({ kind: 'postgres', url: pg.url });

	await run('1  PostgreSQL restart under load', () => postgresRestart(server, pgDoctor));
	await run('3a SMTP server gone', () => smtpLost(server));
	await run('2  PGlite: server killed mid-burst', () => pgliteKill(templateDir, pgliteDoctor));
	await run('3b PGlite: disk full', () => diskFull(templateDir, pgliteDoctor));
} catch (err) {
	verdict('setup', [], [err instanceof Error ? (err.stack ?? err.message) : String(err)]);
} finally {
	stopAll();
	await pg?.stop();
	rmSync(templateDir, { recursive: true, force: true });
}

const width = Math.max(...rows.map((r) => r.scenario.length));
console.log(`\nSummary (${seconds(Date.now() - started)})`);
for (const row of rows)
	console.log(`  ${row.pass ? 'PASS' : 'FAIL'}  ${row.scenario.padEnd(width)}`);
const failed = rows.filter((r) => !r.pass).length;
console.log(failed ? `\n${failed} of ${rows.length} failed.` : `\nAll ${rows.length} passed.`);
process.exit(failed ? 1 : 0);
