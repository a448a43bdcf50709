// Offline logging (issue 9): diary changes made with no signal wait here, in the browser's
// IndexedDB, until they can be sent to POST /diary/sync in the order they were made. Each carries
// a client-made id, so a sync whose answer was lost can be sent again without doubling anything.
// Browser only: import it from onMount or event handlers.
//
// Each change belongs to the account that queued it (issue 14, F3): it is listed and sent only
// while that account is signed in here (the server refuses a batch for any other account too), and
// it leaves the browser as soon as the browser learns that its session ended or that someone else
// signed in (`settleQueue`). Such changes are dropped, not kept aside: on a shared computer a
// change kept for later is the doctor's diary left readable to whoever sits down next, which is
// what this prevents. The owner is told when they sign in here again: only a count and a date are
// kept, in a cookie (which survives the Clear-Site-Data "storage" a sign-out sends), never content.
import type { SyncResult, SyncEntryVersion } from '$lib/schemas/offline-sync';

const DB_NAME = 'sessional-offline';
const STORE = 'changes';
/** Fired on window whenever the queue changes, so every view of it can read it again. */
export const QUEUE_EVENT = 'sessional:queue';

export interface QueuedChange {
	seq?: number;
	/** The tag of the account that queued it (`data.user.account`); changes of older builds have none. */
	account?: string;
	clientId: string;
	op: 'create' | 'update' | 'delete';
	entryId?: string;
	baseUpdatedAt?: string;
	fields: Record<string, string>;
	/** pending: waiting to sync; conflict: the doctor must choose; invalid: the server refused it. */
	state: 'pending' | 'conflict' | 'invalid';
	theirs?: SyncEntryVersion;
	errors?: Record<string, string>;
	queuedAt: string;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
}

function openQueue(): Promise<IDBDatabase> {
	const req = indexedDB.open(DB_NAME, 1);
	req.onupgradeneeded = () => {
		req.result.createObjectStore(STORE, { keyPath: 'seq', autoIncrement: true });
	};
	return request(req);
}

async function withStore<T>(
	mode: IDBTransactionMode,
	work: (store: IDBObjectStore) => Promise<T>
): Promise<T> {
	const db = await openQueue();
	try {
		const tx = db.transaction(STORE, mode);
		const done = new Promise<void>((resolve, reject) => {
			tx.oncomplete = () => resolve();
			tx.onerror = () => reject(tx.error);
			tx.onabort = () => reject(tx.error);
		});
		const result = await work(tx.objectStore(STORE));
		await done;
		return result;
	} finally {
		db.close();
	}
}

function announce() {
	window.dispatchEvent(new CustomEvent(QUEUE_EVENT));
}

function listAll(): Promise<QueuedChange[]> {
	return withStore('readonly', (store) => request(store.getAll() as IDBRequest<QueuedChange[]>));
}

/** Every change the account queued, oldest first; nobody else's, and nothing with no account. */
export async function listQueued(account: string | null | undefined): Promise<QueuedChange[]> {
	if (!account) return [];
	return (await listAll()).filter((q) => q.account === account);
}

/**
 * Keeps a change made offline. A second offline edit of an entry that is already waiting replaces
 * the first, so the server sees one edit made against the version the doctor last saw.
 */
export async function queueChange(
	account: string,
	change: Pick<QueuedChange, 'op' | 'entryId' | 'baseUpdatedAt' | 'fields'>
): Promise<void> {
	const queued = await listQueued(account);
	const waiting =
		change.op !== 'create' &&
		queued.find(
			(q) => q.state === 'pending' && q.op === 'update' && q.entryId && q.entryId === change.entryId
		);
	await withStore('readwrite', async (store) => {
		if (waiting) {
			await request(
				store.put({
					...waiting,
					op: change.op,
					fields: change.fields,
					clientId: crypto.randomUUID()
				})
			);
		} else {
			await request(
				store.add({
					...change,
					account,
					clientId: crypto.randomUUID(),
					state: 'pending',
					// The phone's own clock: when this device queued the change, shown to its owner.
					// eslint-disable-next-line no-restricted-syntax
					queuedAt: new Date().toISOString()
				} satisfies QueuedChange)
			);
		}
	});
	announce();
}

export async function removeQueued(seq: number): Promise<void> {
	await withStore('readwrite', (store) => request(store.delete(seq)));
	announce();
}

/** Sends the doctor's version again, this time as an edit of the version the conflict showed. */
export async function keepMine(change: QueuedChange): Promise<void> {
	if (!change.theirs) return;
	await withStore('readwrite', (store) =>
		request(
			store.put({
				...change,
				state: 'pending',
				clientId: crypto.randomUUID(),
				baseUpdatedAt: change.theirs!.updatedAt,
				theirs: undefined
			} satisfies QueuedChange)
		)
	);
	announce();
}

/** The entry form's fields as a queued change: what the form would have posted. */
export function changeFromForm(
	form: FormData
): Pick<QueuedChange, 'op' | 'entryId' | 'baseUpdatedAt' | 'fields'> {
	const fields: Record<string, string> = {};
	for (const [key, value] of form.entries()) {
		if (typeof value === 'string') fields[key] = value;
	}
	const { id, baseUpdatedAt, templateName: _t, shareRate: _s, ...entry } = fields;
	return id
		? { op: 'update', entryId: id, baseUpdatedAt: baseUpdatedAt || undefined, fields: entry }
		: { op: 'create', fields: entry };
}

let running: Promise<number> | null = null;

/**
 * Sends every waiting change in order and files the answers: applied ones leave the queue,
 * conflicts and refusals stay for the doctor. Returns how many were applied; a network failure
 * leaves the queue as it was, to be sent again (the client ids make that safe).
 */
export async function syncQueue(account: string): Promise<number> {
	// One sync at a time; a sync asked for meanwhile runs after it, so it sees the latest queue.
	while (running) await running;
	running = sendQueued(account).finally(() => {
		running = null;
	});
	return running;
}

async function sendQueued(account: string): Promise<number> {
	try {
		const pending = (await listQueued(account)).filter((q) => q.state === 'pending');
		if (pending.length === 0) return 0;
		const response = await fetch('/diary/sync', {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({
				account,
				changes: pending.map(({ clientId, op, entryId, baseUpdatedAt, fields }) => ({
					clientId,
					op,
					entryId,
					baseUpdatedAt,
					fields
				}))
			})
		});
		if (!response.ok) return 0;
		const { results } = (await response.json()) as { results: SyncResult[] };
		const byClient = new Map(results.map((r) => [r.clientId, r]));
		let applied = 0;
		await withStore('readwrite', async (store) => {
			for (const change of pending) {
				const result = byClient.get(change.clientId);
				if (!result) continue;
				if (result.status === 'applied' || result.status === 'not_found') {
					if (result.status === 'applied') applied += 1;
					await request(store.delete(change.seq!));
				} else if (result.status === 'conflict') {
					await request(store.put({ ...change, state: 'conflict', theirs: result.theirs }));
				} else {
					await request(store.put({ ...change, state: 'invalid', errors: result.errors }));
				}
			}
		});
		announce();
		return applied;
	} catch {
		return 0;
	}
}

/** The note left for an account whose unsent changes were dropped: no diary content. */
export interface DiscardedNote {
	account: string;
	count: number;
	/** The day the oldest of them was queued (YYYY-MM-DD). */
	since: string;
}

const NOTE_COOKIE = 'sessional-offline-discarded';
/** A note waits this long for its owner to sign in here again. */
const NOTE_MAX_AGE_S = 90 * 24 * 60 * 60;

function readNotes(): DiscardedNote[] {
	const raw = document.cookie
		.split('; ')
		.find((c) => c.startsWith(`${NOTE_COOKIE}=`))
		?.slice(NOTE_COOKIE.length + 1);
	if (!raw) return [];
	try {
		const notes = JSON.parse(decodeURIComponent(raw));
		return Array.isArray(notes) ? notes.filter((n) => typeof n?.account === 'string') : [];
	} catch {
		return [];
	}
}

function writeNotes(notes: DiscardedNote[]) {
	const value = encodeURIComponent(JSON.stringify(notes.slice(-10)));
	const maxAge = notes.length ? NOTE_MAX_AGE_S : 0;
	document.cookie = `${NOTE_COOKIE}=${value}; Path=/; Max-Age=${maxAge}; SameSite=Lax`;
}

/**
 * Makes the queue hold only the changes of the account signed in here now (`null`: nobody).
 * Everyone else's leave the browser unsent, each account getting a note for when it signs in
 * here again. Call it with what the server said, never with what a page loaded offline says.
 */
export async function settleQueue(account: string | null): Promise<number> {
	const foreign = (await listAll()).filter((q) => !account || q.account !== account);
	if (foreign.length === 0) return 0;
	await withStore('readwrite', async (store) => {
		for (const change of foreign) await request(store.delete(change.seq!));
	});
	const notes = readNotes();
	for (const change of foreign) {
		if (!change.account) continue;
		const day = change.queuedAt.slice(0, 10);
		const note = notes.find((n) => n.account === change.account);
		if (note) {
			note.count += 1;
			if (day < note.since) note.since = day;
		} else {
			notes.push({ account: change.account, count: 1, since: day });
		}
	}
	writeNotes(notes);
	announce();
	return foreign.length;
}

/** The note for this account, if its changes were dropped here: read once, then forgotten. */
export function takeDiscardedNote(account: string): DiscardedNote | null {
	const notes = readNotes();
	const note = notes.find((n) => n.account === account) ?? null;
	if (note) writeNotes(notes.filter((n) => n !== note));
	return note;
}

/** A signal that has just returned often does not carry the first request (nor does the worker's). */
const RETRY_AFTER_MS = [500, 1500, 3000];

/**
 * Who is signed in on this browser, as the server says now: an account tag, null for nobody, or
 * undefined when the server cannot be asked (offline), in which case nothing may be concluded.
 */
export async function askWhoIsSignedIn(): Promise<string | null | undefined> {
	for (let attempt = 0; ; attempt += 1) {
		try {
			const response = await fetch('/session', { cache: 'no-store' });
			if (!response.ok) return undefined;
			const { account } = (await response.json()) as { account: string | null };
			return account;
		} catch {
			if (attempt >= RETRY_AFTER_MS.length || !navigator.onLine) return undefined;
			await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_MS[attempt]));
		}
	}
}

/** On sign-out: nothing of this doctor's diary stays on the device. */
export async function clearOfflineData(): Promise<void> {
	await new Promise<void>((resolve) => {
		const req = indexedDB.deleteDatabase(DB_NAME);
		req.onsuccess = req.onerror = req.onblocked = () => resolve();
	});
	if ('caches' in window) {
		for (const key of await caches.keys()) if (key.startsWith('pages-')) await caches.delete(key);
	}
	navigator.serviceWorker?.controller?.postMessage({ type: 'sign-out' });
}
