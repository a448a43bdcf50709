// Failures of the database as a whole, as opposed to "this query is wrong": a PostgreSQL server
// that restarts, fails over or drops connections is a moment's outage (503, and the pool
// reconnects by itself on the next request); a full disk is a 507. Both reach the person as a
// message instead of "Something went wrong". Errors of the query itself pass through unchanged.
import { error } from '@sveltejs/kit';
import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type { Pool, PoolClient } from 'pg';
import { logger } from '../log';

export const DATABASE_UNAVAILABLE_MESSAGE =
	'The service is briefly unavailable. Please try again in a moment.';
export const OUT_OF_STORAGE_MESSAGE =
	'The server is out of storage space, so this change was not saved. Please try again later.';

/** Socket-level failures: the server is down, restarting, or the network between is. */
const SOCKET_CODES = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ECONNABORTED',
	'EPIPE',
	'ETIMEDOUT',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ENOTFOUND',
	'EAI_AGAIN'
]);

/**
 * SQLSTATEs of a server that is going away or not yet back (PostgreSQL appendix A): 57P01
 * admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, 53300 too_many_connections;
 * the whole of class 08 is connection exceptions.
 */
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300']);

/** SQLSTATE disk_full: PostgreSQL (and PGlite) could not extend a file. */
const DISK_FULL = '53100';

/** What pg and pg-pool say, without a code, when a connection dies or cannot be had in time. */
const MESSAGES = [
	/^Connection terminated/,
	/timeout exceeded when trying to connect/,
	/is not queryable/
];

function fields(err: unknown): {
	code?: unknown;
	message?: unknown;
	errors?: unknown;
	cause?: unknown;
} {
	return typeof err === 'object' && err !== null ? err : {};
}

/** True when the error means "no database connection right now" rather than "this query failed". */
export function isConnectionFailure(err: unknown, depth = 0): boolean {
	if (depth > 3) return false;
	const { code, message, errors, cause } = fields(err);
	if (typeof code === 'string') {
		if (SOCKET_CODES.has(code) || SERVER_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))
			return true;
	}
	if (typeof message === 'string' && MESSAGES.some((m) => m.test(message))) return true;
	// Node's happy-eyeballs connect (localhost: ::1 and 127.0.0.1) fails with an AggregateError.
	if (Array.isArray(errors) && errors.some((e) => isConnectionFailure(e, depth + 1))) return true;
	return cause !== undefined && isConnectionFailure(cause, depth + 1);
}

export function isDiskFull(err: unknown): boolean {
	return fields(err).code === DISK_FULL;
}

let lastLogged = 0;

/**
 * Throws SvelteKit's 503 for a lost connection and 507 for a full disk (the cause is logged, at
 * most every 5 s while it lasts); rethrows any other error as it is.
 */
export function rethrowDatabaseFailure(err: unknown): never {
	const unavailable = isConnectionFailure(err);
	if (!unavailable && !isDiskFull(err)) throw err;
	// Only spaces out log lines (operations, not a decision about anyone's data).
	// eslint-disable-next-line no-restricted-syntax
	const now = Date.now();
	if (now - lastLogged > 5_000) {
		lastLogged = now;
		const { message } = fields(err);
		logger('db').error(
			typeof message === 'string' ? { reason: message } : { err },
			unavailable ? 'database unavailable' : 'out of storage'
		);
	}
	if (unavailable) error(503, DATABASE_UNAVAILABLE_MESSAGE);
	error(507, OUT_OF_STORAGE_MESSAGE);
}

/**
 * The pg pool as Kysely's PostgresDialect sees it, with database failures turned into 503/507
 * (`rethrow`; a read replica's pool passes them on as they are, for its caller to fall back).
 * Each client also gets an error listener of its own: pg emits 'error' on a checked-out client
 * whose socket closes (a server shutdown), which with no listener would end the process.
 */
export function guardPool(
	pool: Pool,
	rethrow: (err: unknown) => never = rethrowDatabaseFailure
): PostgresPool {
	const guarded = new WeakMap<PoolClient, PostgresPoolClient>();
	const wrap = (client: PoolClient): PostgresPoolClient => {
		let wrapper = guarded.get(client);
		if (!wrapper) {
			let broken = false;
			client.on('error', () => {
				// Reported by the query it breaks; the client is dropped when it is released.
				broken = true;
			});
			const query = (sqlOrCursor: unknown, parameters?: readonly unknown[]) => {
				if (typeof sqlOrCursor !== 'string') {
					// A cursor (a streamed query) is handed over as it is.
					return client.query(sqlOrCursor as never);
				}
				return client.query(sqlOrCursor, parameters as unknown[]).catch((err: unknown) => {
					if (isConnectionFailure(err)) broken = true;
					return rethrow(err);
				});
			};
			wrapper = {
				// pg's and Kysely's overloads differ only in how they name the same result.
				query: query as unknown as PostgresPoolClient['query'],
				// A client whose connection failed is destroyed rather than returned to the pool.
				release: () => client.release(broken || undefined)
			};
			guarded.set(client, wrapper);
		}
		return wrapper;
	};
	return {
		connect: () => pool.connect().then(wrap, rethrow),
		end: () => pool.end()
	};
}

/** PGlite with its disk-full errors turned into 507 (it has no connections to lose). */
export function guardPGlite(pglite: PGlite): PGlite {
	const query = pglite.query.bind(pglite);
	pglite.query = ((...args: Parameters<PGlite['query']>) =>
		query(...args).catch(rethrowDatabaseFailure)) as PGlite['query'];
	return pglite;
}
