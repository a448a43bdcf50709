// The load mix of bench/load.ts, shared with the scale drill (scripts/check-scale.ts): what each
// kind of person does (visitors on the map, doctors saving diary entries, members comparing), the
// recorder of every answer, and the runner (one autocannon connection a person). Pass or fail is
// the caller's: wrong answers, connection errors and lost saves are counted here, never a time.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import autocannon, { type Instance, type Request } from 'autocannon';
import { RATE_CATEGORY_CODES } from '../src/lib/domain/rate-units';
import { addDays } from '../src/lib/domain/calendar';
import { nearestRank, sortedTimes } from './stats';
import { toNumber, type Db } from '../src/lib/server/db/index';
import { createSession, generateSessionToken } from '../src/lib/server/auth/session';
import { SCALE_EMAIL_DOMAIN } from '../scripts/seed/scale';

/** What every diary save of the mix writes in its notes, to count them afterwards. */
const LOAD_NOTE = 'load test';

/**
 * An answer not come after this long counts as none (an error). Only a hang should reach it: the
 * mix's requests take milliseconds, and seconds on an overloaded machine (autocannon's default,
 * 10 s, was reached by new connections on a saturated PGlite server).
 */
export const NO_ANSWER_SECONDS = 30;
/** Seconds every person runs before the measured window (ramp-up, warm caches, full queues). */
export const WARMUP_SECONDS = 5;

/** Share of the connections per role. */
export const MIX = { visitor: 0.4, doctor: 0.35, member: 0.25 } as const;
export type Role = keyof typeof MIX;

const sleep = (msecs: number) => new Promise((resolve) => setTimeout(resolve, msecs));

/** CPU seconds used so far by this process's children (the app server), from /proc; 0 elsewhere. */
function childrenCpuSeconds(): number {
	try {
		const children = readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8')
			.split(' ')
			.filter(Boolean);
		let ticks = 0;
		for (const pid of children) {
			// Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
			const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			ticks += Number(fields[11]) + Number(fields[12]);
		}
		return ticks / 100;
	} catch {
		return 0;
	}
}

// ---------------------------------------------------------------------------------------------
// What each kind of person does: a loop of requests, each with the status it must answer.

export interface Step {
	/** The route, for the table: the same label however its path varies. */
	label: string;
	method: 'GET' | 'POST';
	expect: number;
	/** The path (and form body) of the next request of this step. */
	make(): { path: string; body?: string };
}

export interface LoadUser {
	role: Role;
	/** Requests per second this person makes at most (think time). */
	rate: number;
	cookie: string | null;
	steps: Step[];
}

export interface Doctor {
	userId: string;
	workplaceId: string;
}

const get = (label: string, path: string): Step => ({
	label,
	method: 'GET',
	expect: 200,
	make: () => ({ path })
});

export function visitorSteps(): Step[] {
	return [
		get('GET /', '/'),
		get('GET /map', '/map'),
		...RATE_CATEGORY_CODES.map((c) => get('GET /api/rates/[category]', `/api/rates/${c}`))
	];
}

export function memberSteps(): Step[] {
	return [
		get('GET /map (member)', '/map'),
		get('GET /api/rates/[category] (member)', '/api/rates/in_hours_session'),
		get(
			'GET /map/compare (member)',
			'/map/compare?place=TLI&place=TLJ&place=TLD&place=E54000037&category=in_hours_session'
		),
		get('GET /api/rates/[category] (member)', '/api/rates/out_of_hours'),
		get(
			'GET /map/compare (member)',
			'/map/compare?place=TLC&place=TLM&category=out_of_hours&category=remote'
		),
		get('GET /api/rates/[category] (member)', '/api/rates/remote')
	];
}

/** How many entries each doctor has written, so every write goes to a day not written before. */
const written = new Map<string, number>();

export function doctorSteps(doctor: Doctor, today: string): Step[] {
	const advance = () => {
		const n = (written.get(doctor.userId) ?? 0) + 1;
		written.set(doctor.userId, n);
		// Yesterday, the day before, …: past days only (work cannot be logged ahead), ten years deep.
		return addDays(today, -(((n - 1) % 3650) + 1));
	};
	let date = advance();
	const entry = () =>
		new URLSearchParams({
			date,
			workplaceId: doctor.workplaceId,
			sessionType: 'surgery',
			start: '08:30',
			finish: '12:40',
			breakMinutes: '0',
			act_consulting: '180',
			act_admin: '60',
			con_face_to_face: '16',
			con_telephone: '8',
			notes: LOAD_NOTE
		}).toString();
	return [
		get('GET /diary', '/diary'),
		{
			label: 'GET /diary/[date]',
			method: 'GET',
			expect: 200,
			make: () => {
				date = advance();
				return { path: `/diary/${date}` };
			}
		},
		{
			label: 'POST /diary/[date]?/save',
			method: 'POST',
			expect: 303,
			make: () => ({ path: `/diary/${date}?/save`, body: entry() })
		},
		{
			label: 'GET /diary?week=[date]',
			method: 'GET',
			expect: 200,
			make: () => ({ path: `/diary?week=${date}&saved=1` })
		}
	];
}

/** Roles spread evenly over the connections (and so over their start times). */
export function roleOrder(users: number): Role[] {
	const visitors = Math.round(users * MIX.visitor);
	const doctors = Math.round(users * MIX.doctor);
	const counts: Record<Role, number> = {
		visitor: visitors,
		doctor: doctors,
		member: users - visitors - doctors
	};
	const slots: { role: Role; at: number }[] = [];
	for (const role of Object.keys(counts) as Role[]) {
		for (let j = 0; j < counts[role]; j++) slots.push({ role, at: (j + 0.5) / counts[role] });
	}
	return slots.sort((a, b) => a.at - b.at).map((s) => s.role);
}

// ---------------------------------------------------------------------------------------------
// Recording every answer

interface RouteStats {
	times: number[];
	errors: number;
}

export class Recorder {
	/** Answers are timed only inside the measured window; wrong answers count at any time. */
	private windowStart: number | null = null;
	all: number[] = [];
	routes = new Map<string, RouteStats & { role: Role }>();
	failures = new Map<string, number>();
	statuses = new Map<number, number>();
	failedAnswers = 0;
	connectionErrors = 0;
	timeouts = 0;
	lostRequests = 0;
	postsStored = 0;
	/** Answer times by the second of the window they arrived in. */
	seconds: number[][] = [];
	/** The slowest answers and every timeout, with when they came (s after the first start). */
	slow: { at: number; ms: number; what: string; nth: number }[] = [];
	private readonly created = performance.now();

	open() {
		this.windowStart = performance.now();
	}

	close() {
		this.windowStart = null;
	}

	private fail(key: string) {
		this.failures.set(key, (this.failures.get(key) ?? 0) + 1);
	}

	private note(ms: number, what: string, nth: number) {
		if (this.slow.length >= 500) return;
		const at = Math.round(performance.now() - this.created) / 1000;
		this.slow.push({ at, ms: Math.round(ms), what, nth });
	}

	/** A request whose connection closed before any answer came (a server that died under it). */
	lost(role: Role, step: Step, path: string, nth: number) {
		this.lostRequests++;
		this.note(NaN, `${role} ${step.method} ${path} lost`, nth);
		this.fail(`${step.method} ${path} → no answer (connection closed)`);
	}

	connectionError(role: Role, error: Error & { code?: string }, nth: number) {
		if (error.message === 'request timed out') this.timeouts++;
		else this.connectionErrors++;
		this.note(NaN, `${role} ${error.code ?? error.message}`, nth);
		this.fail(`${role} connection: ${error.code ?? error.message}`);
	}

	add(
		role: Role,
		step: Step,
		path: string,
		status: number,
		location: string,
		time: number,
		nth: number
	) {
		if (time > 2000) this.note(time, `${role} ${step.method} ${path} ${status}`, nth);
		// A diary save must land back on the diary; a redirect to /login would be a 303 too.
		const ok = status === step.expect && (step.method !== 'POST' || location.startsWith('/diary?'));
		if (step.method === 'POST' && ok) this.postsStored++;
		let route = this.routes.get(step.label);
		if (!route) this.routes.set(step.label, (route = { role, times: [], errors: 0 }));
		if (!ok) {
			this.failedAnswers++;
			route.errors++;
			this.fail(`${step.method} ${path} → ${status}${location ? ` (${location})` : ''}`);
		}
		if (this.windowStart === null) return;
		this.all.push(time);
		route.times.push(time);
		const second = Math.floor((performance.now() - this.windowStart) / 1000);
		(this.seconds[second] ??= []).push(time);
		this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
	}
}

export interface Percentiles {
	count: number;
	p50: number;
	p90: number;
	p95: number;
	p99: number;
	p999: number;
	max: number;
	mean: number;
}

export function percentiles(times: number[]): Percentiles {
	const sorted = sortedTimes(times);
	const at = (q: number) => nearestRank(sorted, q);
	return {
		count: sorted.length,
		p50: at(0.5),
		p90: at(0.9),
		p95: at(0.95),
		p99: at(0.99),
		p999: at(0.999),
		max: sorted.length ? sorted[sorted.length - 1] : NaN,
		mean: sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : NaN
	};
}

// ---------------------------------------------------------------------------------------------
// Running the mix: one autocannon instance per person (one connection, their own cookie and
// loop), started 1000/N ms apart so the people's once-a-second clicks do not all land together.

export function headersFor(user: LoadUser, origin: string, step: Step): Record<string, string> {
	const headers: Record<string, string> = {
		'user-agent': 'sessional-load',
		'accept-encoding': 'gzip, deflate, br',
		accept: step.label.includes('/api/') ? '*/*' : 'text/html,application/xhtml+xml'
	};
	if (user.cookie) headers.cookie = user.cookie;
	if (step.method === 'POST') {
		headers.origin = origin;
		headers['content-type'] = 'application/x-www-form-urlencoded';
	}
	return headers;
}

export function runUser(
	user: LoadUser,
	origin: string,
	seconds: number,
	paced: boolean,
	recorder: Recorder
): Instance {
	// With one connection and no pipelining, the request in flight is the last one set up. Its
	// answer is matched to it here, on the client's own events: autocannon's per-request
	// onResponse is matched by a queue it does not clear when the server closes the connection,
	// which would pair every later answer with the request before it.
	let current: { step: Step; path: string } | null = null;
	/** Answers this person has had: 1 is the first request on a new connection. */
	let answers = 0;
	let location = '';
	/** A request was sent and has had neither an answer nor a connection error yet. */
	let awaiting = false;
	const requests: Request[] = user.steps.map((step) => ({
		method: step.method,
		setupRequest: (request) => {
			const { path, body } = step.make();
			current = { step, path };
			return {
				...request,
				method: step.method,
				path,
				body,
				headers: headersFor(user, origin, step)
			};
		},
		onResponse: (_status, _body, _context, headers) => {
			location = String(headers.location ?? headers.Location ?? '');
		}
	}));
	const instance = autocannon({
		url: origin,
		connections: 1,
		duration: seconds,
		requests,
		connectionRate: paced ? user.rate : undefined,
		timeout: NO_ANSWER_SECONDS,
		// The latencies are recorded here, per answer, not from autocannon's 2xx-only histogram.
		ignoreCoordinatedOmission: paced ? true : undefined,
		setupClient: (client) => {
			// autocannon's types name only 'response'; its client emits these too (lib/httpClient.js).
			const events = client as unknown as NodeJS.EventEmitter;
			// Sent while the one before is still unanswered: the connection was closed under it
			// (autocannon reconnects and goes on without a word).
			events.on('request', () => {
				if (awaiting && current) recorder.lost(user.role, current.step, current.path, answers + 1);
				awaiting = true;
			});
			events.on('connError', () => (awaiting = false));
			events.on('timeout', () => (awaiting = false));
			client.on('response', (status, _bytes, time) => {
				answers++;
				awaiting = false;
				if (current)
					recorder.add(user.role, current.step, current.path, status, location, time, answers);
				location = '';
			});
		}
	});
	// Connection errors and timeouts belong to no answer: counted here, by kind and role.
	instance.on('reqError', (error) => recorder.connectionError(user.role, error, answers + 1));
	return instance;
}

export interface MixRun {
	paced: boolean;
	/** Length of the measured window (after the warm-up), s. */
	seconds: number;
	warmupSeconds: number;
	users: number;
	/** Answers inside the window, and their latencies (every status). */
	responses: number;
	requestsPerSecond: number;
	latency: Percentiles;
	/** Over the whole run, warm-up included: wrong answers, connection errors, timeouts, lost requests. */
	errors: number;
	failedAnswers: number;
	connectionErrors: number;
	/** Requests whose connection closed before an answer (autocannon goes on silently). */
	lost: number;
	timeouts: number;
	statuses: Record<string, number>;
	routes: Record<string, Percentiles & { role: Role; errors: number; perSecond: number }>;
	failures: { request: string; count: number }[];
	loadAverage: { at: number; one: number; five: number }[];
	/** Per second of the window: answers that arrived in it, their median, 95th percentile, max. */
	timeline: { second: number; count: number; p50: number; p95: number; max: number }[];
	/** Cores busy on average in the window: the app server process, and this process. */
	cpu: {
		server: number;
		loadGenerator: number;
		loadGeneratorLagP99: number;
		loadGeneratorLagMax: number;
	};
	postsStored: number;
	/** Answers over 2 s and every timeout or connection error (the first 500), for diagnosis. */
	slow: Recorder['slow'];
}

/**
 * Starts every person (spread over about a second; starting an autocannon instance takes ~12 ms
 * of this process's time, so the spread is longer with many people), lets them all run for the
 * warm-up, then times every answer for `seconds`, then stops them.
 */
export async function runMix(
	users: LoadUser[],
	origin: string,
	seconds: number,
	paced: boolean
): Promise<MixRun> {
	const recorder = new Recorder();
	const instances: Instance[] = [];
	const rampStart = performance.now();
	for (const [i, user] of users.entries()) {
		// Always yield between starts, so answers to those already running are read on time.
		await sleep(Math.max(0, rampStart + (i * 1000) / users.length - performance.now()));
		// A long enough duration: every instance is stopped after the window.
		instances.push(runUser(user, origin, WARMUP_SECONDS + seconds + 60, paced, recorder));
	}
	await sleep(WARMUP_SECONDS * 1000);

	const loadAverage: MixRun['loadAverage'] = [];
	const ownCpu = process.cpuUsage();
	const serverCpu = childrenCpuSeconds();
	// This process measures the latencies: if its own event loop stalls, they are inflated.
	const lag = monitorEventLoopDelay({ resolution: 10 });
	lag.enable();
	const started = performance.now();
	const sample = () => {
		const [one, five] = loadavg();
		loadAverage.push({ at: Math.round((performance.now() - started) / 1000), one, five });
	};
	sample();
	const sampler = setInterval(sample, 5000);
	recorder.open();
	await sleep(seconds * 1000);
	recorder.close();
	const windowSeconds = (performance.now() - started) / 1000;
	clearInterval(sampler);
	sample();
	lag.disable();
	const own = process.cpuUsage(ownCpu);
	const cpu = {
		server: (childrenCpuSeconds() - serverCpu) / windowSeconds,
		loadGenerator: (own.user + own.system) / 1e6 / windowSeconds,
		// Event-loop delay of this process, ms (the sampling resolution, 10 ms, is subtracted).
		loadGeneratorLagP99: Math.max(0, lag.percentile(99) / 1e6 - 10),
		loadGeneratorLagMax: Math.max(0, lag.max / 1e6 - 10)
	};
	for (const instance of instances) instance.stop();
	await Promise.all(instances);

	const routes: MixRun['routes'] = {};
	for (const [label, route] of recorder.routes) {
		routes[label] = {
			role: route.role,
			errors: route.errors,
			perSecond: route.times.length / windowSeconds,
			...percentiles(route.times)
		};
	}
	return {
		paced,
		seconds: windowSeconds,
		warmupSeconds: WARMUP_SECONDS,
		users: users.length,
		responses: recorder.all.length,
		requestsPerSecond: recorder.all.length / windowSeconds,
		latency: percentiles(recorder.all),
		errors:
			recorder.failedAnswers +
			recorder.connectionErrors +
			recorder.timeouts +
			recorder.lostRequests,
		failedAnswers: recorder.failedAnswers,
		connectionErrors: recorder.connectionErrors,
		lost: recorder.lostRequests,
		timeouts: recorder.timeouts,
		statuses: Object.fromEntries([...recorder.statuses].sort((a, b) => a[0] - b[0])),
		routes,
		failures: [...recorder.failures]
			.map(([request, count]) => ({ request, count }))
			.sort((a, b) => b.count - a.count),
		loadAverage,
		timeline: Array.from(recorder.seconds, (times, second) => {
			const p = percentiles(times ?? []);
			return { second, count: p.count, p50: p.p50, p95: p.p95, max: p.max };
		}),
		cpu,
		postsStored: recorder.postsStored,
		slow: recorder.slow
	};
}

export interface Alone {
	/** Median time of the request alone (one at a time, kept-alive connection), ms. */
	ms: number;
	/** Size of the answer's body as sent (gzip where the server compressed it), bytes. */
	bytes: number;
}

/**
 * Each role's loop one request at a time: first once to check every answer is the expected one
 * (a wrong cookie, Origin or form field stops the run here), then `rounds` more times to time each
 * request alone — the server time per request that the load divides a core among.
 */
export async function preflight(
	users: LoadUser[],
	origin: string,
	rounds: number
): Promise<{ posts: number; alone: Record<string, Alone> }> {
	let posts = 0;
	const times = new Map<string, number[]>();
	const bytes = new Map<string, number>();
	for (const role of Object.keys(MIX) as Role[]) {
		const user = users.find((u) => u.role === role);
		if (!user) continue;
		for (let round = 0; round <= rounds; round++) {
			for (const step of user.steps) {
				const { path, body } = step.make();
				const started = performance.now();
				const response = await fetch(`${origin}${path}`, {
					method: step.method,
					headers: headersFor(user, origin, step),
					body,
					redirect: 'manual'
				});
				const raw = Buffer.from(await response.arrayBuffer());
				const time = performance.now() - started;
				const location = response.headers.get('location') ?? '';
				if (
					response.status !== step.expect ||
					(step.method === 'POST' && !location.startsWith('/diary?'))
				) {
					throw new Error(
						`preflight: ${step.method} ${path} as a ${role} answered ${response.status} ${location} (expected ${step.expect}):\n${raw.toString('utf8').slice(0, 500)}`
					);
				}
				if (step.method === 'POST') posts++;
				if (round === 0) {
					// fetch decodes gzip; the size sent is the header's when there is one.
					const length = Number(response.headers.get('content-length'));
					bytes.set(step.label, Number.isFinite(length) && length > 0 ? length : raw.length);
					continue;
				}
				if (!times.has(step.label)) times.set(step.label, []);
				times.get(step.label)!.push(time);
			}
		}
	}
	const alone: Record<string, Alone> = {};
	for (const [label, list] of times) {
		alone[label] = { ms: percentiles(list).p50, bytes: bytes.get(label) ?? 0 };
	}
	return { posts, alone };
}

/** The server time one paced run's mix needs per request on average, from the times alone. */
export function mixServiceMs(run: MixRun, alone: Record<string, Alone>): number {
	let total = 0;
	let count = 0;
	for (const [label, route] of Object.entries(run.routes)) {
		if (!alone[label]) continue;
		total += route.count * alone[label].ms;
		count += route.count;
	}
	return count ? total / count : NaN;
}

// ---------------------------------------------------------------------------------------------
// Output

export const fmt = (value: number) =>
	Number.isFinite(value) ? (value < 10 ? value.toFixed(1) : Math.round(value).toString()) : '–';

function table(run: MixRun, alone: Record<string, Alone>): string {
	const header = [
		'request',
		'role',
		'alone ms',
		'size KB',
		'count',
		'req/s',
		'p50 ms',
		'p95 ms',
		'p99 ms',
		'max ms',
		'errors'
	];
	const rows = Object.entries(run.routes)
		.sort((a, b) => a[1].role.localeCompare(b[1].role) || a[0].localeCompare(b[0]))
		.map(([label, r]) => [
			label,
			r.role,
			alone[label] ? fmt(alone[label].ms) : '',
			alone[label] ? (alone[label].bytes / 1024).toFixed(1) : '',
			String(r.count),
			fmt(r.perSecond),
			fmt(r.p50),
			fmt(r.p95),
			fmt(r.p99),
			fmt(r.max),
			String(r.errors)
		]);
	rows.push([
		'all',
		'',
		fmt(mixServiceMs(run, alone)),
		'',
		String(run.responses),
		fmt(run.requestsPerSecond),
		fmt(run.latency.p50),
		fmt(run.latency.p95),
		fmt(run.latency.p99),
		fmt(run.latency.max),
		String(run.errors)
	]);
	const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => r[i].length)));
	const line = (r: string[]) =>
		`| ${r.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;
	return [
		line(header),
		`|${widths.map((w, i) => (i < 2 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
		...rows.map(line)
	].join('\n');
}

export function describe(run: MixRun, alone: Record<string, Alone>, title: string): string {
	const loads = run.loadAverage.map((l) => l.one);
	const lines = [
		`\n${title}`,
		table(run, alone),
		`${run.responses.toLocaleString('en-GB')} answers in the ${run.seconds.toFixed(1)} s window (after ${run.warmupSeconds} s of warm-up): ${Math.round(run.requestsPerSecond)} req/s; ` +
			`latency p50 ${fmt(run.latency.p50)} ms, p95 ${fmt(run.latency.p95)} ms, p99 ${fmt(run.latency.p99)} ms; ` +
			`errors ${run.errors} (${run.failedAnswers} wrong answers, ${run.connectionErrors} connection errors, ${run.timeouts} timeouts, ${run.lost} without an answer); ` +
			`statuses ${JSON.stringify(run.statuses)}; ` +
			`1-min load average ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)}; ` +
			`CPU: server ${Math.round(run.cpu.server * 100)} % of a core (${fmt((run.cpu.server * run.seconds * 1000) / run.responses)} ms per answer), load generator ${Math.round(run.cpu.loadGenerator * 100)} % of a core ` +
			`(its event-loop delay p99 ${fmt(run.cpu.loadGeneratorLagP99)} ms, max ${fmt(run.cpu.loadGeneratorLagMax)} ms)`
	];
	const slowest = [...run.timeline]
		.filter((t) => t.count > 0)
		.sort((a, b) => b.p95 - a.p95)
		.slice(0, 5)
		.map((t) => `${t.second} s: p95 ${fmt(t.p95)} ms (${t.count})`);
	lines.push(`Slowest seconds of the run: ${slowest.join('; ')}`);
	if (run.failures.length) {
		lines.push('Failed requests:');
		for (const f of run.failures.slice(0, 20)) lines.push(`  ${f.count} × ${f.request}`);
		if (run.failures.length > 20) lines.push(`  … and ${run.failures.length - 20} more kinds`);
	}
	return lines.join('\n');
}

export interface People {
	users: LoadUser[];
	seenByRole: Record<Role, number>;
	doctors: Doctor[];
	memberIds: string[];
}

/**
 * The people of a run over a seeded scale population (scripts/seed/scale.ts): visitors without a
 * session, members signed in as current members, doctors as diary keepers with a practice, each
 * with a session of their own made in the database, spread over the roles in MIX.
 */
export async function makePeople(
	db: Db,
	options: { users: number; rates: number[]; today: string; userAgent: string }
): Promise<People> {
	const { today } = options;
	const memberIds = (
		await db
			.selectFrom('memberships')
			.select('user_id')
			.where('revoked_at', 'is', null)
			.where('valid_from', '<=', today)
			.where('valid_until', '>=', today)
			.orderBy('user_id')
			.execute()
	).map((r) => r.user_id);
	const members = new Set(memberIds);
	const practices = await db
		.selectFrom('workplaces')
		.innerJoin('users', 'users.id', 'workplaces.user_id')
		.select(['workplaces.user_id as userId', 'workplaces.id as workplaceId'])
		.where('users.email', 'like', `%@${SCALE_EMAIL_DOMAIN}`)
		.where('workplaces.kind', '=', 'practice')
		.where('workplaces.archived', '=', false)
		.orderBy('users.email')
		.orderBy('workplaces.name')
		.execute();
	const doctors: Doctor[] = [];
	const seen = new Set<string>();
	for (const p of practices) {
		if (seen.has(p.userId)) continue;
		seen.add(p.userId);
		doctors.push(p);
	}
	// Doctors who are not also members first, so the two groups are different people.
	doctors.sort((a, b) => Number(members.has(a.userId)) - Number(members.has(b.userId)));
	if (memberIds.length === 0 || doctors.length === 0) throw new Error('no members or doctors');

	const sessionFor = async (userId: string) => {
		const token = generateSessionToken();
		await createSession(db, token, userId, options.userAgent);
		return `session=${token}`;
	};
	const users: LoadUser[] = [];
	const seenByRole = { visitor: 0, doctor: 0, member: 0 };
	for (const role of roleOrder(options.users)) {
		const j = seenByRole[role]++;
		const rate = options.rates[j % options.rates.length];
		if (role === 'visitor') {
			users.push({ role, rate, cookie: null, steps: visitorSteps() });
		} else if (role === 'member') {
			const id = memberIds[j % memberIds.length];
			users.push({ role, rate, cookie: await sessionFor(id), steps: memberSteps() });
		} else {
			const doctor = doctors[j % doctors.length];
			users.push({
				role,
				rate,
				cookie: await sessionFor(doctor.userId),
				steps: doctorSteps(doctor, today)
			});
		}
	}
	// Each person starts at a different point of their loop.
	for (const [i, user] of users.entries()) {
		const k = i % user.steps.length;
		user.steps = [...user.steps.slice(k), ...user.steps.slice(0, k)];
	}
	return { users, seenByRole, doctors, memberIds };
}

/** The diary entries the mix's saves wrote: each save answered 303 must be one of them. */
export async function storedSaves(db: Db): Promise<number> {
	const { n } = await db
		.selectFrom('worked_sessions')
		.select((eb) => eb.fn.countAll().as('n'))
		.where('notes', '=', LOAD_NOTE)
		.executeTakeFirstOrThrow();
	return toNumber(n);
}
