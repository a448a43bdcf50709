/**
 * Which database answers a read of published figures: the one place that decides it.
 *
 * With DATABASE_READ_URL set, the published snapshots and their cells (the map, compare, the map's
 * JSON and CSV) are read on a streaming replica; everything a person writes and then expects to
 * see stays on the primary, because nothing but these reads is ever sent there. Three rules keep
 * the answers right:
 * - Which snapshot is current is the primary's word (looked up at most once a second,
 *   currentSnapshot). The replica answers only for a snapshot it has already replayed, so a
 *   quarter just published is read on the primary until the replica has it: an answer is never a
 *   mix of one database's snapshot and another's cells, and never older than the primary's.
 *   A snapshot never changes once published, so the replica's copy is the primary's.
 * - A replica that fails (down, restarting, a query cancelled by replay) makes the read run on the
 *   primary instead; it is left alone for REPLICA_RETRY_MS, then tried again. One warning a
 *   outage, one line when it answers again, never a line per request.
 * - The reads themselves are the same functions on either database (rates/read.ts, cache.ts), so
 *   the trust rules (published snapshots only, shaped by audience) are the same on both.
 */
import { isHttpError, isRedirect } from '@sveltejs/kit';
import type { Db } from '../db/index';
import { getDb, getReadReplica } from '../db/connection';
import { logger } from '../log';
import { currentSnapshot } from './cache';
import type { SnapshotInfo } from '../../domain/published-cell';

/** How long a replica that failed is left alone before a read tries it again. */
export const REPLICA_RETRY_MS = 5_000;

export interface PublishedDatabases {
	primary: Db;
	/** null: no DATABASE_READ_URL, every read is the primary's. */
	replica: Db | null;
}

/** The process's databases (connection.ts); tests pass their own pair. */
export function publishedDatabases(): PublishedDatabases {
	return { primary: getDb(), replica: getReadReplica() };
}

/** The snapshot the figures show: the latest the primary has published. */
export function currentPublishedSnapshot(
	dbs: PublishedDatabases = publishedDatabases()
): Promise<SnapshotInfo | null> {
	return currentSnapshot(dbs.primary);
}

interface Outage {
	/** performance.now() after which a read tries the replica again. */
	retryAt: number;
}
// Per replica handle, so tests that open several pairs in one process never share an outage.
const outages = new WeakMap<Db, Outage>();

function sameSnapshot(a: SnapshotInfo | null, b: SnapshotInfo | null): boolean {
	return a?.id === b?.id && a?.publishedAt === b?.publishedAt;
}

/** Which database answered the last read: for the tests and the scale drill to see the routing. */
export type PublishedSource = 'replica' | 'primary';

/**
 * Runs `read` for `snapshot` (from currentPublishedSnapshot) on the replica when there is one that
 * is up and has replayed that snapshot, else on the primary. `read` must only read published
 * figures and reference rows: it may run twice (on the replica, then on the primary).
 */
export async function readPublished<T>(
	snapshot: SnapshotInfo | null,
	read: (db: Db) => Promise<T>,
	dbs: PublishedDatabases = publishedDatabases(),
	onSource?: (source: PublishedSource) => void
): Promise<T> {
	const { primary, replica } = dbs;
	if (replica) {
		const outage = outages.get(replica);
		if (!outage || performance.now() >= outage.retryAt) {
			try {
				// The replica's own latest snapshot, also looked up at most once a second.
				const replayed = await currentSnapshot(replica);
				if (outage) {
					outages.delete(replica);
					logger('db').info('read replica answering again: published figures are read there');
				}
				if (sameSnapshot(replayed, snapshot)) {
					const answer = await read(replica);
					onSource?.('replica');
					return answer;
				}
				// Not replayed yet (a quarter published a moment ago): this read is the primary's.
			} catch (err) {
				// A page's own decision (a 404, a redirect) is not the replica failing.
				if (isHttpError(err) || isRedirect(err)) throw err;
				const ongoing = outages.has(replica);
				outages.set(replica, { retryAt: performance.now() + REPLICA_RETRY_MS });
				if (!ongoing) {
					const reason = err instanceof Error ? err.message : String(err);
					logger('db').warn(
						{ reason },
						'read replica unavailable: published figures are read on the primary until it answers again'
					);
				}
			}
		}
	}
	const answer = await read(primary);
	onSource?.('primary');
	return answer;
}
