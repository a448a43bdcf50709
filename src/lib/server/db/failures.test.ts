import { freePort } from '../../../../tools/ports';
import { isHttpError } from '@sveltejs/kit';
import { sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	DATABASE_UNAVAILABLE_MESSAGE,
	isConnectionFailure,
	isDiskFull,
	OUT_OF_STORAGE_MESSAGE,
	rethrowDatabaseFailure
} from './failures';
import { openDb } from './index';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

function caught(fn: () => void): unknown {
	try {
		fn();
	} catch (err) {
		return err;
	}
	throw new Error('expected a throw');
}

afterEach(() => vi.restoreAllMocks());

describe('isConnectionFailure', () => {
	it.each([
		['refused', withCode('ECONNREFUSED')],
		['reset', withCode('ECONNRESET')],
		['admin shutdown (pg_ctl stop -m fast)', withCode('57P01', 'terminating connection')],
		['starting up or shutting down', withCode('57P03', 'the database system is starting up')],
		['connection exception class 08', withCode('08006')],
		['too many connections', withCode('53300')],
		['socket closed mid-query', new Error('Connection terminated unexpectedly')],
		['pool connect timeout', new Error('timeout exceeded when trying to connect')],
		[
			'broken client reused',
			new Error('Client has encountered a connection error and is not queryable')
		],
		[
			'happy eyeballs (::1 and 127.0.0.1)',
			Object.assign(new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')]), {})
		],
		['wrapped cause', new Error('outer', { cause: withCode('ECONNREFUSED') })]
	])('%s', (_, err) => {
		expect(isConnectionFailure(err)).toBe(true);
	});

	it.each([
		['unique violation', withCode('23505')],
		['syntax error', withCode('42601')],
		['disk full', withCode('53100')],
		['a plain bug', new TypeError('x is undefined')],
		['not an object', 'ECONNREFUSED'],
		['null', null]
	])('not %s', (_, err) => {
		expect(isConnectionFailure(err)).toBe(false);
	});
});

describe('rethrowDatabaseFailure', () => {
	it('turns a lost connection into a 503 with a message', () => {
		vi.spyOn(console, 'error').mockImplementation(() => {});
		const err = caught(() => rethrowDatabaseFailure(withCode('57P01')));
		expect(isHttpError(err, 503)).toBe(true);
		expect(isHttpError(err) && err.body.message).toBe(DATABASE_UNAVAILABLE_MESSAGE);
	});

	it('turns disk_full into a 507 with a message', () => {
		vi.spyOn(console, 'error').mockImplementation(() => {});
		expect(isDiskFull(withCode('53100'))).toBe(true);
		const err = caught(() => rethrowDatabaseFailure(withCode('53100')));
		expect(isHttpError(err, 507)).toBe(true);
		expect(isHttpError(err) && err.body.message).toBe(OUT_OF_STORAGE_MESSAGE);
	});

	it('rethrows any other error unchanged', () => {
		const original = withCode('23505', 'duplicate key');
		expect(caught(() => rethrowDatabaseFailure(original))).toBe(original);
	});
});

describe('openDb on a PostgreSQL server that is not there', () => {
	// The 30 s only stops a run that hangs; the answer comes without any timer (below).
	it(
		'answers 503 from the refused connection, without waiting for a timeout',
		{ timeout: 30_000 },
		async () => {
			vi.spyOn(console, 'error').mockImplementation(() => {});
			const db = await openDb({
				kind: 'postgres',
				// A loopback port nothing listens on.
				url: `postgres://nobody@127.0.0.1:${await freePort()}/none`
			});
			// With the timers stopped, the pool's connect timeout (5 s) can never fire: a 503 that
			// still comes is the refused connection's, so it waits for no timeout, on any machine.
			vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
			try {
				const err = await sql`select 1`.execute(db).then(
					() => null,
					(e: unknown) => e
				);
				expect(isHttpError(err, 503)).toBe(true);
			} finally {
				vi.useRealTimers();
				await db.destroy();
			}
		}
	);
});
