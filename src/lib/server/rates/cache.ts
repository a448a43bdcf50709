import { gzipSync } from 'node:zlib';
import type { Db } from '../db/index';
import { latestSnapshot, readRateCells, type RateAudience } from './read';
import type { SnapshotInfo, MemberCell, PublicCell, RateCells } from '../../domain/published-cell';

/**
 * The map endpoint's answers, serialized once per snapshot × category × audience and kept in this
 * process. A published snapshot never changes (its cells, the trend snapshots before it, and the
 * category names are all fixed once written), so an answer stays right for as long as its snapshot
 * is the latest; the first request that sees a newer snapshot drops the older answers. The audience
 * is part of the key and each shape is built by readRateCells for that audience alone, so a
 * member's answer can never be handed to anyone else.
 */
export interface CachedRateCells {
	/** Shared by every request that gets this answer: read it, never change it. */
	data: RateCells<PublicCell | MemberCell>;
	json: string;
	gzip: Buffer;
}

interface SnapshotCache {
	/** id and publication time: a database made afresh can reuse an id, never both. */
	snapshotKey: string;
	answers: Map<string, CachedRateCells>;
}

// Per database handle, so tests that open many databases in one process never share answers.
const caches = new WeakMap<Db, SnapshotCache>();

/**
 * How long the map endpoint may keep using the latest snapshot it looked up. Publication in this
 * process forgets it at once (forgetCurrentSnapshot); a snapshot published by another process
 * (`npm run publish`, a second instance) shows within this time. Quarterly data, a second late.
 */
const CURRENT_SNAPSHOT_TTL_MS = 1000;

interface KnownSnapshot {
	snapshot: Promise<SnapshotInfo | null>;
	until: number;
}
const current = new WeakMap<Db, KnownSnapshot>();

/**
 * The latest published snapshot, looked up at most once a second per database handle: under load
 * every map request needs it, and it changes four times a year. Concurrent callers share one
 * lookup; a failed lookup is not kept.
 */
// A cache lifetime on the real clock: which snapshot is current is decided by publication.
// eslint-disable-next-line no-restricted-syntax
export function currentSnapshot(db: Db, now = Date.now()): Promise<SnapshotInfo | null> {
	const known = current.get(db);
	if (known && known.until > now) return known.snapshot;
	const snapshot = latestSnapshot(db);
	const entry = { snapshot, until: now + CURRENT_SNAPSHOT_TTL_MS };
	current.set(db, entry);
	snapshot.catch(() => {
		if (current.get(db) === entry) current.delete(db);
	});
	return snapshot;
}

/** Called when this process publishes: the next map request looks the latest snapshot up again. */
export function forgetCurrentSnapshot(db: Db): void {
	current.delete(db);
}

export async function rateCellsResponse(
	db: Db,
	categoryCode: string,
	audience: RateAudience,
	snapshot: SnapshotInfo | null
): Promise<CachedRateCells | null> {
	const snapshotKey = snapshot ? `${snapshot.id}|${snapshot.publishedAt}` : 'none';
	let cache = caches.get(db);
	if (!cache || cache.snapshotKey !== snapshotKey) {
		cache = { snapshotKey, answers: new Map() };
		caches.set(db, cache);
	}
	const key = `${audience}|${categoryCode}`;
	const hit = cache.answers.get(key);
	if (hit) return hit;

	const data =
		audience === 'member'
			? await readRateCells(db, categoryCode, 'member', snapshot)
			: await readRateCells(db, categoryCode, 'public', snapshot);
	// Unknown categories are not kept: a stranger's made-up names must not grow the cache.
	if (!data) return null;
	const json = JSON.stringify({ audience, ...data });
	const answer = { data, json, gzip: gzipSync(json) };
	// Only keep it if no newer snapshot took the cache's place while this one was being read.
	if (caches.get(db) === cache) cache.answers.set(key, answer);
	return answer;
}

/**
 * The same kept answers for the map pages' loads: one category's cells in the shape of the given
 * audience, built by readRateCells for that audience alone. Shared between requests: not to be
 * changed by the caller.
 */
export async function keptRateCells(
	db: Db,
	categoryCode: string,
	audience: 'public',
	snapshot: SnapshotInfo | null
): Promise<RateCells<PublicCell> | null>;
export async function keptRateCells(
	db: Db,
	categoryCode: string,
	audience: 'member',
	snapshot: SnapshotInfo | null
): Promise<RateCells<MemberCell> | null>;
export async function keptRateCells(
	db: Db,
	categoryCode: string,
	audience: RateAudience,
	snapshot: SnapshotInfo | null
): Promise<RateCells<PublicCell | MemberCell> | null> {
	return (await rateCellsResponse(db, categoryCode, audience, snapshot))?.data ?? null;
}
