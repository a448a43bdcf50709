// The one way benchmarks, fault checks and tests start the built server: a child process on a
// loopback port, ready once /healthz answers 200.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './build';
import { freePort, portIsFree } from './ports';

export interface StartOptions {
	/** The built copy to run (default: the checkout, whose build/ `npm run build` made). */
	appDir?: string;
	/** What to run, relative to appDir (default the adapter-node build, `build/index.js`). */
	entry?: string;
	/** Default: any free port. */
	port?: number;
	/**
	 * Over the process's own environment and these defaults: production mode on 127.0.0.1 with
	 * ORIGIN the loopback address over plain http, which config.ts allows only when told
	 * (ALLOW_HTTP_ORIGIN=1). PORT is always the harness's.
	 */
	env?: Record<string, string>;
	/** How long the server may take to answer /healthz (default 120 s; it starts in seconds). */
	readyMs?: number;
	/** How long stop() waits after its signal before SIGKILL (default 60 s). */
	stopLimitMs?: number;
	/** Told the process as soon as it is spawned, for a caller that kills everything on Ctrl-C. */
	onSpawn?: (child: ChildProcess) => void;
}

export interface RunningServer {
	origin: string;
	port: number;
	child: ChildProcess;
	/** Standard output and error so far. */
	log(): string;
	alive(): boolean;
	/** Milliseconds from spawn until /healthz answered. */
	startMs: number;
	/**
	 * SIGTERM (or the given signal) and wait for the process to end: the time it took, or Infinity
	 * when it had not ended within stopLimitMs and was killed.
	 */
	stop(signal?: NodeJS.Signals): Promise<number>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startBuiltServer(options: StartOptions = {}): Promise<RunningServer> {
	const { appDir = ROOT, entry = join('build', 'index.js'), readyMs = 120_000 } = options;
	const stopLimitMs = options.stopLimitMs ?? 60_000;
	const port = options.port ?? (await freePort());
	// Else /healthz would be answered by whatever holds the port (a server a timed-out run left).
	if (options.port !== undefined && !(await portIsFree(port)))
		throw new Error(`port ${port} is taken: is a server from an earlier run still there?`);
	const env = {
		...process.env,
		NODE_ENV: 'production',
		HOST: '127.0.0.1',
		ORIGIN: `http://127.0.0.1:${port}`,
		ALLOW_HTTP_ORIGIN: '1',
		...options.env,
		PORT: String(port)
	};
	const started = Date.now();
	const child = spawn(process.execPath, [join(appDir, entry)], {
		cwd: appDir,
		env,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	options.onSpawn?.(child);
	// The last megabyte is kept: enough for any start-up message, bounded under a long load run.
	let output = '';
	const keep = (chunk: unknown) => (output = (output + String(chunk)).slice(-1_000_000));
	child.stdout?.on('data', keep);
	child.stderr?.on('data', keep);
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	// A caller that ends without stopping it (a test that timed out) leaves no server behind.
	const orphanGuard = () => child.kill('SIGKILL');
	process.once('exit', orphanGuard);
	void exited.then(() => process.off('exit', orphanGuard));
	const alive = () => child.exitCode === null && child.signalCode === null;
	const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
		if (!alive()) return 0;
		const asked = Date.now();
		child.kill(signal);
		const ended = await Promise.race([exited.then(() => true), sleep(stopLimitMs)]);
		if (ended) return Date.now() - asked;
		child.kill('SIGKILL');
		await exited;
		return Infinity;
	};
	// The server listens on HOST; 127.0.0.1 reaches it whether that is 127.0.0.1 or 0.0.0.0.
	const health = `http://127.0.0.1:${port}/healthz`;
	for (;;) {
		if (!alive())
			throw new Error(`${entry} on port ${port} exited at start:\n${output.slice(-2000)}`);
		try {
			const response = await fetch(health, { signal: AbortSignal.timeout(2_000) });
			if (response.ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() - started > readyMs) {
			await stop('SIGKILL');
			throw new Error(
				`${entry} on port ${port} did not answer /healthz within ${readyMs / 1000} s:\n${output.slice(-2000)}`
			);
		}
		await sleep(200);
	}
	return {
		origin: env.ORIGIN,
		port,
		child,
		log: () => output,
		alive,
		startMs: Date.now() - started,
		stop
	};
}
