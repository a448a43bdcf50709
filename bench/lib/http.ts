// Requests to the built server on loopback (tools/server.ts starts it): time single requests, and
// load it with autocannon.
import { Agent, request } from 'node:http';
import autocannon from 'autocannon';
import { timeIt, type Timing } from './stats';

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
