// The parts of autocannon 9's API the benchmarks use (the package ships no types).
declare module 'autocannon' {
	/** One request of a connection's rotation (`requests`); the connection loops over them. */
	export interface Request {
		method?: 'GET' | 'POST';
		path?: string;
		headers?: Record<string, string>;
		body?: string | Buffer;
		/** Called just before the request is sent; returns the request to send. */
		setupRequest?: (request: Request, context: Record<string, unknown>) => Request;
		onResponse?: (
			status: number,
			body: string,
			context: Record<string, unknown>,
			headers: Record<string, string | string[]>
		) => void;
	}
	/** One connection; emits 'response' (status, bytes, milliseconds) for every answer. */
	export interface Client {
		on(
			event: 'response',
			listener: (status: number, bytes: number, responseTime: number) => void
		): void;
	}
	export interface Options {
		url: string;
		connections?: number;
		duration?: number;
		headers?: Record<string, string>;
		requests?: Request[];
		setupClient?: (client: Client) => void;
		/** Requests per second from each connection; no limit by default. */
		connectionRate?: number;
		overallRate?: number;
		ignoreCoordinatedOmission?: boolean;
		/** Seconds before a request counts as timed out (default 10). */
		timeout?: number;
	}
	export interface Histogram {
		average: number;
		mean: number;
		p50: number;
		p99: number;
		total: number;
	}
	export interface Result {
		requests: Histogram;
		latency: Histogram;
		errors: number;
		timeouts: number;
		non2xx: number;
		'2xx': number;
		statusCodeStats: Record<string, { count: number }>;
	}
	/** The running instance: awaits to the result, and reports each failed request as it happens. */
	export interface Instance extends PromiseLike<Result> {
		on(event: 'reqError', listener: (error: Error & { code?: string }) => void): Instance;
		/** Ends the run at its next one-second tick; the result then resolves. */
		stop(): void;
	}
	function autocannon(options: Options): Instance;
	export default autocannon;
}
