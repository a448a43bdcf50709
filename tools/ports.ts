// Loopback ports for the servers that benchmarks, fault checks and tests start.
import { createServer } from 'node:net';

/** Any port the system has free on 127.0.0.1 now. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

export function portIsFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const server = createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

/**
 * A free port in `from`–`to` (a range a tool may use on a machine shared with other work), tried
 * from a random place in it when `random`, else from the bottom; never one of `taken`.
 */
export async function freePortIn(
	{ from, to }: { from: number; to: number },
	{ taken = [], random = false }: { taken?: number[]; random?: boolean } = {}
): Promise<number> {
	const size = to - from + 1;
	const offset = random ? Math.floor(Math.random() * size) : 0;
	for (let i = 0; i < size; i++) {
		const port = from + ((offset + i) % size);
		if (!taken.includes(port) && (await portIsFree(port))) return port;
	}
	throw new Error(`no free port in ${from}–${to}`);
}
