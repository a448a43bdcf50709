// Offline logging (issue 9): diary changes made with no signal wait here, in the browser's
// IndexedDB, until they can be sent to POST /diary/sync in the order they were made. Each carries
// a client-made id, so a sync whose answer was lost can be sent again without doubling anything.
// Browser only: import it from onMount or event handlers.
import type { SyncResult, SyncEntryVersion } from '$lib/schemas/offline-sync';

const DB_NAME = 'sessional-offline';
const STORE = 'changes';
/** Fired on window whenever the queue changes, so every view of it can read it again. */
export const QUEUE_EVENT = 'sessional:queue';

export interface QueuedChange {
	seq?: number;
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

/** Every queued change, oldest first. */
export async function listQueued(): Promise<QueuedChange[]> {
	return withStore('readonly', (store) => request(store.getAll() as IDBRequest<QueuedChange[]>));
}

/**
 * Keeps a change made offline. A second offline edit of an entry that is already waiting replaces
 * the first, so the server sees one edit made against the version the doctor last saw.
 */
export async function queueChange(
	change: Pick<QueuedChange, 'op' | 'entryId' | 'baseUpdatedAt' | 'fields'>
): Promise<void> {
	const queued = await listQueued();
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
export async function syncQueue(): Promise<number> {
	// One sync at a time; a sync asked for meanwhile runs after it, so it sees the latest queue.
	while (running) await running;
	running = sendQueued().finally(() => {
		running = null;
	});
	return running;
}

async function sendQueued(): Promise<number> {
	try {
		const pending = (await listQueued()).filter((q) => q.state === 'pending');
		if (pending.length === 0) return 0;
		const response = await fetch('/diary/sync', {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({
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
