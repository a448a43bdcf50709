// The built server on loopback: start and stop it, time single requests, and load it with
// autocannon.
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { freePort } from './postgres';
import { timeIt, type Timing } from './stats';

export interface RunningServer {
	origin: string;
	stop(): Promise<void>;
}

/** Starts `node build/index.js` on 127.0.0.1 and `port` (default: any free one). */
export async function startServer(
	appDir: string,
	env: Record<string, string>,
	port?: number
): Promise<RunningServer> {
	port ??= await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const child: ChildProcess = spawn(process.execPath, [join(appDir, 'build', 'index.js')], {
		cwd: appDir,
		env: {
			...process.env,
			NODE_ENV: 'production',
			...env,
			PORT: String(port),
			HOST: '127.0.0.1',
			// A production server on loopback over plain http: config.ts allows it only when told.
			ORIGIN: origin,
			ALLOW_HTTP_ORIGIN: '1'
		},
		stdio: ['ignore', 'ignore', 'pipe']
	});
	let stderr = '';
	child.stderr?.on('data', (chunk) => (stderr += String(chunk)));
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const deadline = Date.now() + 120_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`server exited at start:\n${stderr}`);
		try {
			const response = await fetch(`${origin}/healthz`);
			if (response.ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			child.kill('SIGTERM');
			throw new Error(`server did not answer /healthz within 120 s:\n${stderr}`);
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	return {
		origin,
		stop: async () => {
			if (child.exitCode === null) child.kill('SIGTERM');
			await exited;
		}
	};
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

/** One GET on a kept-alive connection; resolves with the status once the body has arrived. */
export function get(
	url: string,
	headers: Record<string, string> = {}
): Promise<{ status: number; bytes: number }> {
	return new Promise((resolve, reject) => {
		const req = request(url, { agent, headers }, (res) => {
			let bytes = 0;
			res.on('data', (chunk: Buffer) => (bytes += chunk.length));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
			res.on('error', reject);
		});
		req.on('error', reject);
		req.end();
	});
}

/** Median time of sequential requests: server time plus a loopback round trip. */
export async function timeRequests(
	url: string,
	headers: Record<string, string>,
	runs: number
): Promise<Timing & { status: number }> {
	const first = await get(url, headers);
	if (first.status !== 200) throw new Error(`GET ${url} answered ${first.status}`);
	const timing = await timeIt(
		async () => {
			const { status } = await get(url, headers);
			if (status !== 200) throw new Error(`GET ${url} answered ${status}`);
		},
		{ runs }
	);
	return { ...timing, status: first.status };
}

export interface LoadResult {
	requestsPerSecond: number;
	errors: number;
	non2xx: number;
	latencyP50: number;
	latencyP99: number;
}

export async function load(
	url: string,
	headers: Record<string, string>,
	seconds: number,
	connections: number
): Promise<LoadResult> {
	const result = await autocannon({ url, connections, duration: seconds, headers });
	return {
		requestsPerSecond: result.requests.average,
		errors: result.errors + result.timeouts,
		non2xx: result.non2xx,
		latencyP50: result.latency.p50,
		latencyP99: result.latency.p99
	};
}
