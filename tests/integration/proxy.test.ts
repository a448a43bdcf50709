import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, hasBuild, ROOT } from '../../tools/build';
import { selfSignedPem } from '../../tools/certificate';
import { freePort } from '../../tools/ports';
import { startBuiltServer, type RunningServer } from '../../tools/server';

// Issue 16, behind a reverse proxy: the built server (the checkout's build/, or a private build
// when there is none) behind a real HAProxy
// running deploy/haproxy.cfg as shipped (its ports and certificate from the environment), the app
// told to trust the last X-Forwarded-For entry. Two clients at different addresses (127.0.0.1 and
// 127.0.0.2, both loopback) get limits of their own, and a forged header cannot lift one.
// Starting the server and HAProxy takes a while on a loaded machine: the timeout guards a hang.
const SIGN_IN_LIMIT = 1; // per email; an address gets ten times as many (auth/limits.ts)
const PER_ADDRESS = SIGN_IN_LIMIT * 10;

// Nothing here reads the date: vite.config.ts runs it in the main run only, not once more per
// pinned day (.ci/other-days).
describe('behind HAProxy (deploy/haproxy.cfg)', { timeout: 600_000 }, () => {
	const dir = mkdtempSync(join(tmpdir(), 'sessional-proxy-'));
	let server: RunningServer;
	let haproxy: ChildProcess;
	let haproxyLog = '';
	let httpsPort: number;
	let httpPort: number;

	beforeAll(async () => {
		const pem = selfSignedPem(dir);

		// CI and `npm test` build before; a bare `vitest` on a fresh clone builds a copy of its own.
		const appDir = hasBuild(ROOT) ? ROOT : buildApp();
		server = await startBuiltServer({
			appDir,
			env: {
				DATA_DIR: join(dir, 'data'),
				DATABASE_URL: '',
				SESSIONAL_TODAY: '',
				CONTRIBUTOR_KEY_SECRET: randomBytes(32).toString('hex'),
				RATE_LIMIT_SIGN_IN: String(SIGN_IN_LIMIT),
				// What README "Behind a reverse proxy" tells an operator to set.
				ADDRESS_HEADER: 'x-forwarded-for',
				XFF_DEPTH: '1',
				PROTOCOL_HEADER: 'x-forwarded-proto'
			}
		});

		httpsPort = await freePort();
		httpPort = await freePort();
		const check = spawnSync('haproxy', ['-v'], { encoding: 'utf8' });
		if (check.error) throw new Error('HAProxy is not installed: apt-get install -y haproxy');
		haproxy = spawn('haproxy', ['-db', '-f', join(ROOT, 'deploy', 'haproxy.cfg')], {
			env: {
				...process.env,
				SESSIONAL_HTTPS_BIND: `127.0.0.1:${httpsPort}`,
				SESSIONAL_HTTP_BIND: `127.0.0.1:${httpPort}`,
				SESSIONAL_CERT: pem,
				SESSIONAL_APP: new URL(server.origin).host
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		haproxy.stdout?.on('data', (c) => (haproxyLog += String(c)));
		haproxy.stderr?.on('data', (c) => (haproxyLog += String(c)));
		const deadline = Date.now() + 60_000;
		while (!(await accepts(httpsPort))) {
			if (haproxy.exitCode !== null || Date.now() > deadline)
				throw new Error(`HAProxy did not start:\n${haproxyLog}`);
			await new Promise((r) => setTimeout(r, 200));
		}
	}, 600_000);

	afterAll(async () => {
		if (haproxy && haproxy.exitCode === null) {
			const exited = new Promise((r) => haproxy.once('exit', r));
			haproxy.kill('SIGTERM');
			await exited;
		}
		await server?.stop();
		rmSync(dir, { recursive: true, force: true });
	});

	/**
	 * A failed sign-in through HAProxy's TLS port, from a client bound to `from`: 'wrong' when the
	 * password was checked, 'limited' when the rate limit refused it first.
	 */
	function signIn(from: string, email: string, headers: Record<string, string> = {}) {
		const body = new URLSearchParams({ email, password: 'not-the-password-1' }).toString();
		return new Promise<'wrong' | 'limited' | string>((done, fail) => {
			const req = request(
				{
					host: '127.0.0.1',
					port: httpsPort,
					path: '/login',
					method: 'POST',
					localAddress: from,
					servername: 'localhost',
					rejectUnauthorized: false,
					headers: {
						'content-type': 'application/x-www-form-urlencoded',
						'content-length': String(Buffer.byteLength(body)),
						// The app's ORIGIN (the harness serves it on loopback); the CSRF check compares it.
						origin: server.origin,
						...headers
					}
				},
				(res) => {
					let html = '';
					res.setEncoding('utf8');
					res.on('data', (c: string) => (html += c));
					res.on('end', () =>
						done(
							/Too many sign-in attempts/.test(html)
								? 'limited'
								: /Wrong email or password/.test(html)
									? 'wrong'
									: `${res.statusCode}: ${html.slice(0, 200)}`
						)
					);
				}
			);
			req.on('error', fail);
			req.end(body);
		});
	}
	let n = 0;
	const newEmail = () => `nobody-${++n}@example.org`;

	it('plain http is only redirected to https', async () => {
		const status = await new Promise<{ code: number; location?: string }>((done, fail) => {
			httpRequest({ host: '127.0.0.1', port: httpPort, path: '/login' }, (res) => {
				res.resume();
				done({ code: res.statusCode ?? 0, location: res.headers.location });
			})
				.on('error', fail)
				.end();
		});
		expect(status.code).toBe(301);
		expect(status.location).toMatch(/^https:\/\//);
	});

	it('each client address has a limit of its own, and a forged X-Forwarded-For cannot lift it', async () => {
		// Each attempt names a new email, so only the per-address limit can refuse.
		for (let i = 0; i < PER_ADDRESS; i++)
			expect(await signIn('127.0.0.1', newEmail())).toBe('wrong');
		expect(await signIn('127.0.0.1', newEmail())).toBe('limited');

		// A colleague at another address is not caught by the first one's limit.
		expect(await signIn('127.0.0.2', newEmail())).toBe('wrong');

		// Claiming to be somewhere else: HAProxy appends the real address, which is the one read.
		for (const forged of ['203.0.113.7', '127.0.0.2', '203.0.113.7, 127.0.0.2'])
			expect(await signIn('127.0.0.1', newEmail(), { 'x-forwarded-for': forged })).toBe('limited');
		// ... nor can a forged header put the first client's limit on the second.
		expect(await signIn('127.0.0.2', newEmail(), { 'x-forwarded-for': '127.0.0.1' })).toBe('wrong');
	});
});

function accepts(port: number): Promise<boolean> {
	return new Promise((done) => {
		const socket = connect({ host: '127.0.0.1', port }, () => {
			socket.destroy();
			done(true);
		});
		socket.on('error', () => done(false));
	});
}
