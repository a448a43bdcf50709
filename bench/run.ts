// npm run bench — the performance budget of issue 7, measured on PGlite and on PostgreSQL, each
// figure next to its budget and the naive way of doing the same thing. bench/README.md explains the
// method. Flags:
//   --quick                 1 000 doctors, 10 000 submissions: a few minutes, for a smoke check
//   --smoke                 tiny (200 doctors, 2 000 submissions, 1 s of load): checks the runner
//   --doctors N --submissions M --diary-years Y --diary-doctors D   the scale (default national)
//   --backends pglite,postgres   --duration S (load, per target)   --connections C
//   --app-dir DIR           reuse a build made by an earlier run instead of building again
//   --no-http               in-process figures only (no build, no server)
// BENCH_DATABASE_URL (or TEST_DATABASE_URL) names a PostgreSQL server to make a fresh database on;
// without one a throwaway server is started from Debian's binaries, as .ci/run does.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDb, setupDatabase, type Db, type DbTarget } from '../src/lib/server/db/index';

import { seedScale, scaleDoctorEmail } from '../scripts/seed/scale';
import { publishDueSnapshots } from '../src/lib/server/rates/publication';
import { publicationSettings } from '../src/lib/server/rates/settings';
import { SYSTEM_ACTOR } from '../src/lib/server/audit';
import { createSession, generateSessionToken } from '../src/lib/server/auth/session';
import { buildApp, hasBuild, ROOT } from '../tools/build';
import { startPostgres } from '../tools/postgres';
import { startBuiltServer } from '../tools/server';
import { pageWeights, type PageWeight } from './lib/build';
import { load, timeRequests, type LoadResult } from './lib/http';
import {
	MAP_CATEGORY,
	measureDiary,
	measureMap,
	measureModerationQueue,
	measureNaivePublication,
	measurePublication
} from './lib/measure';
import { ms, type Timing } from './lib/stats';
import * as clock from '../src/lib/server/clock';

const { values: flags } = parseArgs({
	options: {
		quick: { type: 'boolean', default: false },
		smoke: { type: 'boolean', default: false },
		doctors: { type: 'string' },
		submissions: { type: 'string' },
		'diary-years': { type: 'string' },
		'diary-doctors': { type: 'string' },
		backends: { type: 'string', default: 'pglite,postgres' },
		duration: { type: 'string' },
		connections: { type: 'string', default: '50' },
		'app-dir': { type: 'string' },
		'no-http': { type: 'boolean', default: false }
	}
});

const mode = flags.smoke ? 'smoke' : flags.quick ? 'quick' : 'full';
const PRESETS = {
	full: { doctors: 10_000, submissions: 1_000_000, diaryYears: 5, diaryDoctors: 1000 },
	quick: { doctors: 1000, submissions: 10_000, diaryYears: 5, diaryDoctors: 100 },
	smoke: { doctors: 200, submissions: 2000, diaryYears: 1, diaryDoctors: 20 }
} as const;
const RUNS = {
	full: {
		map: 300,
		naiveMap: 5,
		publish: 3,
		naivePublish: 2,
		diary: 300,
		naiveDiary: 30,
		http: 300,
		load: 10
	},
	quick: {
		map: 100,
		naiveMap: 5,
		publish: 2,
		naivePublish: 1,
		diary: 100,
		naiveDiary: 20,
		http: 100,
		load: 5
	},
	smoke: {
		map: 10,
		naiveMap: 1,
		publish: 1,
		naivePublish: 1,
		diary: 10,
		naiveDiary: 2,
		http: 10,
		load: 1
	}
} as const;
const num = (value: string | undefined, fallback: number) =>
	value === undefined ? fallback : Number(value);
const scale = {
	doctors: num(flags.doctors, PRESETS[mode].doctors),
	submissions: num(flags.submissions, PRESETS[mode].submissions),
	diaryYears: num(flags['diary-years'], PRESETS[mode].diaryYears),
	diaryDoctors: num(flags['diary-doctors'], PRESETS[mode].diaryDoctors)
};
const runs = RUNS[mode];
const loadSeconds = num(flags.duration, runs.load);
const connections = num(flags.connections, 50);
const backends = flags.backends.split(',').map((b) => b.trim()) as ('pglite' | 'postgres')[];
const http = !flags['no-http'];

// One key for the in-process work and the servers, so both see the same contributor keys.
process.env.CONTRIBUTOR_KEY_SECRET ??= randomBytes(32).toString('hex');
const today = clock.today();

// ---------------------------------------------------------------------------------------------
// Budget lines

type Verdict = 'meets' | 'misses' | '';
interface Row {
	figure: string;
	backend: string;
	value: string;
	budget: string;
	naive: string;
	ratio: string;
	verdict: string;
}
const rows: Row[] = [];
const record: Record<string, unknown> = {
	mode,
	scale,
	today,
	started: new Date().toISOString(),
	backends: {}
};

function add(row: Omit<Row, 'naive' | 'ratio' | 'verdict'> & Partial<Row>) {
	rows.push({ naive: '', ratio: '', verdict: '', ...row });
	console.error(
		`  ${row.figure} [${row.backend}]: ${row.value}${row.naive ? ` (naive ${row.naive})` : ''}`
	);
}
const check = (ok: boolean): Verdict => (ok ? 'meets' : 'misses');
const ratio = (naive: number, fast: number) => {
	const r = naive / fast;
	return `${r < 10 ? r.toFixed(1) : Math.round(r).toLocaleString('en-GB')}×`;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

// ---------------------------------------------------------------------------------------------

async function benchBackend(backend: 'pglite' | 'postgres', appDir: string | null) {
	console.error(`\n== ${backend}`);
	const figures: Record<string, unknown> = {};
	(record.backends as Record<string, unknown>)[backend] = figures;
	const dataDir = mkdtempSync(join(tmpdir(), 'sessional-bench-'));
	const server = backend === 'postgres' ? await startPostgres() : null;
	const target: DbTarget = server
		? { kind: 'postgres', url: server.url }
		: { kind: 'pglite', dataDir: join(dataDir, 'pglite') };
	let db: Db | null = await openDb(target);
	try {
		await setupDatabase(db);
		if (server) figures.postgresVersion = server.version;

		// Generation
		let started = performance.now();
		const seeded = await seedScale(db, { today, ...scale, progress: true });
		const seedSeconds = (performance.now() - started) / 1000;
		figures.seed = { ...seeded, totalSeconds: seedSeconds };
		add({
			figure: `generate ${scale.doctors.toLocaleString('en-GB')} doctors, ${seeded.submissions.toLocaleString('en-GB')} submissions, ${seeded.diaryEntries.toLocaleString('en-GB')} diary entries`,
			backend,
			value: ms(seedSeconds * 1000),
			budget: 'minutes (≤ 10 min)',
			verdict: check(seedSeconds <= 600)
		});
		started = performance.now();
		const backfill = await publishDueSnapshots(
			db,
			today,
			await publicationSettings(db),
			SYSTEM_ACTOR
		);
		const backfillMs = performance.now() - started;
		const quarters = backfill.status === 'done' ? backfill.published.length : 0;
		figures.backfill = { ms: backfillMs, quarters };
		add({
			figure: `publish history: ${quarters} quarters at once (first start)`,
			backend,
			value: ms(backfillMs),
			budget: ''
		});

		// (a) Map data
		const map = await measureMap(db, runs.map, runs.naiveMap);
		figures.map = map;
		add({
			figure: `(a) map data, ${MAP_CATEGORY}, ${map.cells} member cells: readRateCells`,
			backend,
			value: ms(map.readRateCells.median),
			budget: '≤ 5 ms, ≥ 50× naive',
			naive: ms(map.naive.median),
			ratio: ratio(map.naive.median, map.readRateCells.median),
			verdict: check(
				map.readRateCells.median <= 5 && map.naive.median / map.readRateCells.median >= 50
			)
		});
		add({
			figure: '(a) map data as the endpoint reads it (latest snapshot, kept 1 s, + kept answer)',
			backend,
			value: ms(map.cached.median),
			budget: '≤ 5 ms',
			naive: ms(map.naive.median),
			ratio: ratio(map.naive.median, map.cached.median),
			verdict: check(map.cached.median <= 5)
		});

		// (b) Publication
		const publication = await measurePublication(db, today, runs.publish);
		const naivePublication = await measureNaivePublication(db, runs.naivePublish);
		figures.publication = { app: publication, naive: naivePublication };
		add({
			figure: `(b) publish one snapshot (${publication.cells} cells)`,
			backend,
			value: ms(publication.median),
			budget: backend === 'postgres' ? '≤ 10 s' : '(reported)',
			naive: ms(naivePublication.median),
			ratio: ratio(naivePublication.median, publication.median),
			verdict: backend === 'postgres' ? check(publication.median <= 10_000) : ''
		});

		// (c) Diary week
		const doctor = await db
			.selectFrom('users')
			.select('id')
			.where('email', '=', scaleDoctorEmail(0))
			.executeTakeFirstOrThrow();
		const diary = await measureDiary(
			db,
			doctor.id,
			today,
			scale.diaryYears,
			runs.diary,
			runs.naiveDiary
		);
		figures.diary = diary;
		add({
			figure: `(c) diary week data, doctor with ${scale.diaryYears} years (${diary.entriesForDoctor.toLocaleString('en-GB')} entries)`,
			backend,
			value: ms(diary.week.median),
			budget: '≤ 30 ms',
			naive: ms(diary.naive.median),
			ratio: ratio(diary.naive.median, diary.week.median),
			verdict: check(diary.week.median <= 30)
		});

		const moderation = await measureModerationQueue(db, Math.min(50, runs.map));
		figures.moderationQueue = moderation;
		add({
			figure: 'moderation queue (held submissions)',
			backend,
			value: ms(moderation.median),
			budget: ''
		});

		if (!http || !appDir) return;
		// (e) and the endpoint's own time, on the built server
		const token = generateSessionToken();
		await createSession(db, token, doctor.id, 'bench');
		if (backend === 'pglite') {
			// PGlite is one process's database: the server opens the folder once this run lets go.
			await db.destroy();
			db = null;
		}
		const env: Record<string, string> = server
			? { DATABASE_URL: server.url }
			: { DATA_DIR: dataDir };
		const app = await startBuiltServer({ appDir, env });
		try {
			const cookie = { cookie: `session=${token}` };
			const mapUrl = `${app.origin}/api/rates/${MAP_CATEGORY}`;
			const weekUrl = `${app.origin}/diary?week=${today}`;
			const sequential: Record<string, Timing> = {
				mapPublic: await timeRequests(mapUrl, {}, runs.http),
				mapMember: await timeRequests(mapUrl, cookie, runs.http),
				diaryWeek: await timeRequests(weekUrl, cookie, Math.ceil(runs.http / 3)),
				landing: await timeRequests(`${app.origin}/`, {}, runs.http)
			};
			figures.http = sequential;
			add({
				figure: '(a) map endpoint over HTTP, member (request time on loopback)',
				backend,
				value: ms(sequential.mapMember.median),
				budget: '≤ 5 ms',
				verdict: check(sequential.mapMember.median <= 5)
			});
			add({
				figure: '(a) map endpoint over HTTP, public',
				backend,
				value: ms(sequential.mapPublic.median),
				budget: '≤ 5 ms',
				verdict: check(sequential.mapPublic.median <= 5)
			});
			add({
				figure: '(c) diary week page over HTTP (whole page, server-rendered)',
				backend,
				value: ms(sequential.diaryWeek.median),
				budget: '≤ 30 ms',
				verdict: check(sequential.diaryWeek.median <= 30)
			});
			add({
				figure: 'landing page over HTTP',
				backend,
				value: ms(sequential.landing.median),
				budget: ''
			});

			const loads: Record<string, LoadResult> = {
				mapPublic: await load(mapUrl, {}, loadSeconds, connections),
				mapMember: await load(mapUrl, cookie, loadSeconds, connections),
				landing: await load(`${app.origin}/`, {}, loadSeconds, connections)
			};
			figures.load = loads;
			for (const [name, label] of [
				['mapPublic', 'map endpoint, public'],
				['mapMember', 'map endpoint, member'],
				['landing', 'landing page']
			] as const) {
				const result = loads[name];
				add({
					figure: `(e) load: ${label}, ${connections} connections × ${loadSeconds} s`,
					backend,
					value: `${Math.round(result.requestsPerSecond).toLocaleString('en-GB')} req/s, ${result.errors + result.non2xx} errors`,
					budget: '≥ 1 000 req/s, 0 errors',
					verdict: check(result.requestsPerSecond >= 1000 && result.errors + result.non2xx === 0)
				});
			}
		} finally {
			await app.stop();
		}
	} finally {
		await db?.destroy();
		await server?.stop();
		rmSync(dataDir, { recursive: true, force: true });
	}
}

// ---------------------------------------------------------------------------------------------

const startedAll = performance.now();
console.error(
	`Sessional benchmarks (${mode}): ${JSON.stringify(scale)}; backends ${backends.join(', ')}`
);
let appDir: string | null = null;
if (http) {
	if (flags['app-dir'] && hasBuild(flags['app-dir'])) appDir = flags['app-dir'];
	else {
		console.error('Building the app in a private copy…');
		const started = performance.now();
		appDir = buildApp(flags['app-dir']);
		console.error(`  built in ${ms(performance.now() - started)} (${appDir})`);
	}
	// (d) First-load JavaScript
	const weights: PageWeight[] = await pageWeights(appDir);
	record.pageWeights = weights;
	for (const weight of weights) {
		const isMap = weight.route === '/(public)/map';
		add({
			figure: `(d) first-load JS ${weight.route}${isMap ? ` (all it loads: ${kb(weight.total)})` : ''}`,
			backend: 'build',
			value: kb(weight.firstLoad),
			budget: isMap ? '(recorded)' : '≤ 100 KB gzip',
			verdict: isMap ? '' : check(weight.firstLoad <= 100 * 1024)
		});
	}
}
for (const backend of backends) await benchBackend(backend, appDir);
record.seconds = (performance.now() - startedAll) / 1000;

// The table
const headers: Row = {
	figure: 'figure',
	backend: 'backend',
	value: 'measured (median)',
	budget: 'budget',
	naive: 'naive',
	ratio: 'ratio',
	verdict: 'verdict'
};
const keys = Object.keys(headers) as (keyof Row)[];
const widths = keys.map((k) => Math.max(...[headers, ...rows].map((r) => r[k].length)));
const line = (r: Row) => `| ${keys.map((k, i) => r[k].padEnd(widths[i])).join(' | ')} |`;
console.log(
	`\nSessional benchmarks, ${mode} (${scale.doctors.toLocaleString('en-GB')} doctors, ${scale.submissions.toLocaleString('en-GB')} submissions, ${scale.diaryYears} years of diary), ${new Date().toISOString().slice(0, 16)}`
);
console.log(line(headers));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of rows) console.log(line(row));
const missed = rows.filter((r) => r.verdict === 'misses').length;
console.log(
	`\n${missed === 0 ? 'Every budget line met' : `${missed} budget line(s) missed`} at this scale; whole run ${ms((record.seconds as number) * 1000)}.`
);
record.rows = rows;
mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
writeFileSync(
	join(ROOT, 'bench', 'results', `${mode}-latest.json`),
	JSON.stringify(record, null, 2)
);
if (mode === 'smoke') {
	// The smoke run checks the runner, never the timings: every figure must have been produced.
	const empty = rows.filter((r) => !r.value || r.value.includes('NaN') || r.value === '–');
	if (empty.length > 0 || rows.length === 0) {
		console.error(
			'Smoke run: figures missing:',
			empty.map((r) => r.figure)
		);
		process.exit(1);
	}
}
