import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMix, type LoadUser, type Step } from './load-mix';

// The load mix must count a request whose connection closed before any answer (an instance killed
// under it, as in the scale drill) and keep pairing every later answer with its own request. A
// server on loopback answers GETs with 200 and saves with 303, and drops the connection under the
// first save without answering.
describe('the load mix on a connection closed under a request', { timeout: 60_000 }, () => {
	let server: Server;
	let origin: string;
	let dropped = 0;

	beforeAll(async () => {
		server = createServer((req, res) => {
			if (req.method === 'POST') {
				req.resume();
				req.on('end', () => {
					if (dropped++ === 0) return req.socket.destroy();
					res.writeHead(303, { location: '/diary?saved=1' }).end();
				});
				return;
			}
			res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

	it('counts the lost save once, and every other answer against its own request', async () => {
		const steps: Step[] = [
			{ label: 'GET /diary', method: 'GET', expect: 200, make: () => ({ path: '/diary' }) },
			{
				label: 'POST /diary/[date]?/save',
				method: 'POST',
				expect: 303,
				make: () => ({ path: '/diary/2026-11-23?/save', body: 'notes=x' })
			},
			{
				label: 'GET /diary?week',
				method: 'GET',
				expect: 200,
				make: () => ({ path: '/diary?week' })
			}
		];
		const user: LoadUser = { role: 'doctor', rate: 4, cookie: null, steps };
		// Paced at four requests a second: the warm-up alone makes the loop go round several times.
		const run = await runMix([user], origin, 1, true);

		expect(dropped).toBeGreaterThan(1);
		expect(run.lost).toBe(1);
		expect(run.failures).toEqual([
			{ request: 'POST /diary/2026-11-23?/save → no answer (connection closed)', count: 1 }
		]);
		// Without the pairing on the client's events, every answer after the drop was put against
		// the request before it: GETs "answered 303", saves "answered 200".
		expect(run.failedAnswers).toBe(0);
		expect(run.errors).toBe(1);
		// Every save but the dropped one was answered 303 (but one still in flight when the run stopped).
		expect(run.postsStored).toBeLessThanOrEqual(dropped - 1);
		expect(run.postsStored).toBeGreaterThanOrEqual(dropped - 2);
	});
});
