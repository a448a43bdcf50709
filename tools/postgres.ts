// A PostgreSQL server for the benchmarks and the fault check: the one BENCH_DATABASE_URL or TEST_DATABASE_URL names
// (a fresh database is made on it and dropped afterwards), or a throwaway server started the way
// .ci/run starts one (Debian's binaries, initdb as the postgres user, 127.0.0.1 on a free port).
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

/** `port`: where a throwaway server listens (default: any free one). */
export async function startPostgres(port?: number): Promise<StartedPostgres> {
	const given = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
	if (given) {
		const db = await freshDatabase(given);
		return { url: db.url, version: db.version, stop: db.drop };
	}
	const bin = postgresBin();
	if (!bin) {
		throw new Error(
			"No PostgreSQL server: set BENCH_DATABASE_URL (or TEST_DATABASE_URL), or install Debian's postgresql package."
		);
	}
	const dir = mkdtempSync(join(tmpdir(), 'sessional-bench-pg-'));
	chmodSync(dir, 0o755);
	if (process.getuid?.() === 0) execFileSync('chown', ['postgres', dir]);
	port ??= await freePort();
	runAsPostgres(`'${bin}/initdb' -D '${dir}/data' -A trust -U postgres --no-sync >/dev/null`);
	// Settings of a small dedicated server rather than the 128 MB defaults; fsync off because the
	// data is thrown away (the write-heavy figures, seeding and publication, say so in the README).
	const startCommand = `'${bin}/pg_ctl' -D '${dir}/data' -l '${dir}/server.log' -w -o "-p ${port} -k '${dir}' -c listen_addresses=127.0.0.1 -c fsync=off -c shared_buffers=512MB -c work_mem=64MB -c maintenance_work_mem=256MB -c max_wal_size=4GB" start >/dev/null`;
	runAsPostgres(startCommand);
	const stopServer = () => {
		try {
			runAsPostgres(`'${bin}/pg_ctl' -D '${dir}/data' -m immediate stop >/dev/null`);
		} catch {
			// already stopped
		}
		rmSync(dir, { recursive: true, force: true });
	};
	try {
		const db = await freshDatabase(`postgres://postgres@127.0.0.1:${port}/postgres`);
		return {
			url: db.url,
			version: db.version,
			stop: async () => stopServer(),
			restart: async (downMs = 0) => {
				await runAsPostgresAsync(`'${bin}/pg_ctl' -D '${dir}/data' -m fast -w stop >/dev/null`);
				await new Promise((r) => setTimeout(r, downMs));
				await runAsPostgresAsync(startCommand);
			}
		};
	} catch (err) {
		stopServer();
		throw err;
	}
}
