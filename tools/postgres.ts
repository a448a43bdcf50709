// A PostgreSQL server for the benchmarks and the fault check: the one BENCH_DATABASE_URL or TEST_DATABASE_URL names
// (a fresh database is made on it and dropped afterwards), or a throwaway server started the way
// .ci/run starts one (Debian's binaries, initdb as the postgres user, 127.0.0.1 on a free port).
// startPrimaryAndReplica always starts its own pair: a throwaway primary and a streaming replica.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { freePort } from './ports';

export interface StartedPostgres {
	/** URL of a fresh, empty database for this run. */
	url: string;
	version: string;
	stop(): Promise<void>;
	/**
	 * Only for the throwaway server: a fast shutdown (open connections are ended with 57P01),
	 * `downMs` with nothing listening, then the same server again. Resolves once it accepts
	 * connections.
	 */
	restart?(downMs?: number): Promise<void>;
}

function postgresBin(): string | null {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return null;
	const versions = readdirSync(root)
		.filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
		.sort((a, b) => Number(a) - Number(b));
	return versions.length ? join(root, versions.at(-1)!, 'bin') : null;
}

/** Runs a command as the postgres user when we are root (initdb refuses to run as root). */
function runAsPostgres(command: string) {
	if (process.getuid?.() === 0)
		execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', command], { stdio: 'pipe' });
	else execFileSync('sh', ['-c', command], { stdio: 'pipe' });
}

/** The same without blocking the event loop, for a caller that keeps load going meanwhile. */
async function runAsPostgresAsync(command: string) {
	if (process.getuid?.() === 0)
		await promisify(execFile)('su', ['postgres', '-s', '/bin/sh', '-c', command]);
	else await promisify(execFile)('sh', ['-c', command]);
}

async function freshDatabase(
	adminUrl: string
): Promise<{ url: string; drop(): Promise<void>; version: string }> {
	const name = `sessional_bench_${randomBytes(5).toString('hex')}`;
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	const { rows } = await admin.query<{ server_version: string }>('show server_version');
	await admin.query(`create database ${name}`);
	await admin.end();
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		version: rows[0].server_version,
		drop: async () => {
			const client = new pg.Client({ connectionString: adminUrl });
			await client.connect();
			await client.query(`drop database if exists ${name} with (force)`);
			await client.end();
		}
	};
}

function requirePostgresBin(): string {
	const bin = postgresBin();
	if (!bin) {
		throw new Error(
			"No PostgreSQL server: set BENCH_DATABASE_URL (or TEST_DATABASE_URL), or install Debian's postgresql package."
		);
	}
	return bin;
}

/** A folder the postgres user owns, for data directories, sockets and logs. */
function throwawayFolder(): string {
	const dir = mkdtempSync(join(tmpdir(), 'sessional-bench-pg-'));
	chmodSync(dir, 0o755);
	if (process.getuid?.() === 0) execFileSync('chown', ['postgres', dir]);
	return dir;
}

/** One server of a throwaway data directory: pg_ctl start and stop, as the postgres user. */
function serverControl(bin: string, dir: string, dataDir: string, port: number, settings: string) {
	const startCommand = `'${bin}/pg_ctl' -D '${dataDir}' -l '${dataDir}.log' -w -o "-p ${port} -k '${dir}' -c listen_addresses=127.0.0.1 ${settings}" start >/dev/null`;
	return {
		start: async () => {
			await runAsPostgresAsync(startCommand);
		},
		startNow: () => runAsPostgres(startCommand),
		/** A fast shutdown: open connections are ended with 57P01. */
		stop: async () => {
			await runAsPostgresAsync(`'${bin}/pg_ctl' -D '${dataDir}' -m fast -w stop >/dev/null`);
		},
		kill: () => {
			try {
				runAsPostgres(`'${bin}/pg_ctl' -D '${dataDir}' -m immediate stop >/dev/null`);
			} catch {
				// already stopped
			}
		}
	};
}

// Settings of a small dedicated server rather than the 128 MB defaults; fsync off because the
// data is thrown away (the write-heavy figures, seeding and publication, say so in the README).
const BENCH_SETTINGS =
	'-c fsync=off -c shared_buffers=512MB -c work_mem=64MB -c maintenance_work_mem=256MB -c max_wal_size=4GB';

/** `port`: where a throwaway server listens (default: any free one). */
export async function startPostgres(port?: number): Promise<StartedPostgres> {
	const given = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
	if (given) {
		const db = await freshDatabase(given);
		return { url: db.url, version: db.version, stop: db.drop };
	}
	const bin = requirePostgresBin();
	const dir = throwawayFolder();
	port ??= await freePort();
	runAsPostgres(`'${bin}/initdb' -D '${dir}/data' -A trust -U postgres --no-sync >/dev/null`);
	const server = serverControl(bin, dir, `${dir}/data`, port, BENCH_SETTINGS);
	server.startNow();
	const stopServer = () => {
		server.kill();
		rmSync(dir, { recursive: true, force: true });
	};
	try {
		const db = await freshDatabase(`postgres://postgres@127.0.0.1:${port}/postgres`);
		return {
			url: db.url,
			version: db.version,
			stop: async () => stopServer(),
			restart: async (downMs = 0) => {
				await server.stop();
				await new Promise((r) => setTimeout(r, downMs));
				await server.start();
			}
		};
	} catch (err) {
		stopServer();
		throw err;
	}
}

export interface ReplicaLag {
	/** WAL the primary has written that the replica has not replayed yet. */
	bytes: number;
}

export interface StartedReplica {
	/** The same database as the primary's `url`, on the replica: read-only (writes fail with 25006). */
	url: string;
	/** A fast shutdown of the replica alone; the primary goes on. */
	pause(): Promise<void>;
	/** Starts it again; it reconnects to the primary and replays what it missed. */
	resume(): Promise<void>;
	/** pause, `downMs` with nothing listening, resume. */
	restart(downMs?: number): Promise<void>;
}

export interface StartedPrimaryAndReplica extends StartedPostgres {
	replica: StartedReplica;
	/**
	 * Resolves once the replica has replayed everything the primary had written when it was
	 * called (its pg_current_wal_lsn), with the lag found at the call. Rejects after `capMs`
	 * (a guard against a hang, never a measure of speed).
	 */
	waitForReplica(capMs?: number): Promise<ReplicaLag>;
	/** How far the replica's replay is behind the primary's WAL right now. */
	replicaLag(): Promise<ReplicaLag>;
}

async function queryOne<T>(url: string, text: string, values: unknown[] = []): Promise<T> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		return (await client.query(text, values)).rows[0] as T;
	} finally {
		await client.end();
	}
}

/**
 * A throwaway primary and a streaming replica of it, both on 127.0.0.1: always its own pair (a
 * server named by TEST_DATABASE_URL or BENCH_DATABASE_URL has no replica to offer). The replica is
 * made the way an operator makes one: pg_basebackup -R from the primary (wal_level=replica and
 * the replication lines of pg_hba.conf are initdb's defaults), then started as a hot standby.
 */
export async function startPrimaryAndReplica(): Promise<StartedPrimaryAndReplica> {
	const bin = requirePostgresBin();
	const dir = throwawayFolder();
	const primaryPort = await freePort();
	runAsPostgres(`'${bin}/initdb' -D '${dir}/primary' -A trust -U postgres --no-sync >/dev/null`);
	const primary = serverControl(bin, dir, `${dir}/primary`, primaryPort, '-c fsync=off');
	let replica: ReturnType<typeof serverControl> | undefined;
	const stopBoth = () => {
		replica?.kill();
		primary.kill();
		rmSync(dir, { recursive: true, force: true });
	};
	try {
		primary.startNow();
		// Asked for once the primary listens, so the two cannot be given the same port.
		const replicaPort = await freePort();
		replica = serverControl(bin, dir, `${dir}/replica`, replicaPort, '-c fsync=off');
		const standby = replica;
		const primaryAdmin = `postgres://postgres@127.0.0.1:${primaryPort}/postgres`;
		// The database first, so the copy has it.
		const db = await freshDatabase(primaryAdmin);
		runAsPostgres(
			`'${bin}/pg_basebackup' -D '${dir}/replica' -h 127.0.0.1 -p ${primaryPort} -U postgres -R -X stream -c fast --no-sync`
		);
		standby.startNow();
		const replicaUrl = new URL(db.url);
		replicaUrl.port = String(replicaPort);
		const replicaAdmin = `postgres://postgres@127.0.0.1:${replicaPort}/postgres`;

		const replicaLag = async (): Promise<ReplicaLag> => {
			const { lsn } = await queryOne<{ lsn: string }>(
				primaryAdmin,
				'select pg_current_wal_lsn()::text as lsn'
			);
			const { bytes } = await queryOne<{ bytes: string | null }>(
				replicaAdmin,
				'select pg_wal_lsn_diff($1::pg_lsn, pg_last_wal_replay_lsn())::text as bytes',
				[lsn]
			);
			return { bytes: Math.max(0, Number(bytes ?? 0)) };
		};
		const waitForReplica = async (capMs = 60_000): Promise<ReplicaLag> => {
			const { lsn } = await queryOne<{ lsn: string }>(
				primaryAdmin,
				'select pg_current_wal_lsn()::text as lsn'
			);
			let first: ReplicaLag | undefined;
			const started = performance.now();
			for (;;) {
				try {
					const { bytes } = await queryOne<{ bytes: string | null }>(
						replicaAdmin,
						'select pg_wal_lsn_diff($1::pg_lsn, pg_last_wal_replay_lsn())::text as bytes',
						[lsn]
					);
					const behind = Math.max(0, Number(bytes ?? Number.MAX_SAFE_INTEGER));
					first ??= { bytes: behind };
					if (behind === 0) return first;
				} catch {
					// The replica is starting up or paused: keep waiting until the cap.
				}
				if (performance.now() - started > capMs)
					throw new Error(`The replica did not replay up to ${lsn} within ${capMs} ms`);
				await new Promise((r) => setTimeout(r, 50));
			}
		};

		return {
			url: db.url,
			version: db.version,
			stop: async () => stopBoth(),
			restart: async (downMs = 0) => {
				await primary.stop();
				await new Promise((r) => setTimeout(r, downMs));
				await primary.start();
			},
			replica: {
				url: replicaUrl.toString(),
				pause: () => standby.stop(),
				resume: () => standby.start(),
				restart: async (downMs = 0) => {
					await standby.stop();
					await new Promise((r) => setTimeout(r, downMs));
					await standby.start();
				}
			},
			waitForReplica,
			replicaLag
		};
	} catch (err) {
		stopBoth();
		throw err;
	}
}
