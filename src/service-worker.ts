/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
// Installable, and the diary readable offline (issue 9). The app shell (scripts, styles, icons)
// is cached at install; diary pages and their data are fetched network-first and kept, so the
// weeks the doctor has opened read offline. Nothing else is cached: other pages hold other
// people's data or change by the minute.
//
// Kept pages belong to one session (issue 14, F3). Every answer of the app names the session it
// leaves this browser in (X-Session-Tag: a digest, or "none"); a page is kept under the tag of the
// answer that brought it, and served offline only while that tag is the one last heard. Hearing
// another tag or "none" deletes every other session's pages at once. The worker hears it from
// every page, page-data and /session answer it passes on (the layout asks /session when a page
// opens, when the signal returns and when the tab is shown), from the sign-out button's message
// and from the POST to /logout, so it does not depend on the browser honouring Clear-Site-Data.
import { build, files, prerendered, version } from '$service-worker';
import { NO_SESSION, SESSION_ENDED_HEADER, SESSION_TAG_HEADER } from '$lib/offline/session-headers';

const sw = self as unknown as ServiceWorkerGlobalScope;
const SHELL = `shell-${version}`;
const PAGES = `pages-${version}-`;
/** The last session heard of, kept across the worker's restarts. */
const STATE = 'session-state';
const STATE_KEY = '/__session-state';
const SHELL_ASSETS = new Set([...build, ...files, ...prerendered]);
/** Downloads and writes: left to the browser, never kept. */
const NOT_HANDLED = /^\/(diary\/sync|diary\/reports\/(csv|pdf|ics)|account\/export|map\/csv)(\/|$)/;

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(SHELL)
			.then((cache) => cache.addAll([...SHELL_ASSETS]))
			.then(() => sw.skipWaiting())
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) {
				if (key !== SHELL && key !== STATE && !key.startsWith(PAGES)) await caches.delete(key);
			}
			await sw.clients.claim();
		})()
	);
});

/** The session whose pages may be served: undefined until read back, null for none. */
let current: string | null | undefined;
let persisted: string | undefined;
/** Requests are numbered as they start; an answer to an older one never overrides a newer one. */
let started = 0;
let heard = 0;

async function currentSession(): Promise<string | null> {
	if (current === undefined) {
		const stored = await (await caches.open(STATE)).match(STATE_KEY);
		const tag = stored ? await stored.text() : NO_SESSION;
		// Something may have been heard while this was read.
		if (current === undefined) current = tag === NO_SESSION ? null : tag;
	}
	return current;
}

async function dropPagesExcept(session: string | null) {
	for (const key of await caches.keys()) {
		if (key.startsWith('pages-') && key !== `${PAGES}${session}`) await caches.delete(key);
	}
}

async function hear(tag: string, request: number) {
	if (request < heard) return;
	heard = request;
	current = tag === NO_SESSION ? null : tag;
	if (persisted !== tag) {
		persisted = tag;
		await (await caches.open(STATE)).put(STATE_KEY, new Response(tag));
	}
	await dropPagesExcept(current);
}

/** The session an answer names, if it is one of the app's (static files and redirects name none). */
function tagOf(response: Response): string | null {
	if (response.type === 'opaqueredirect') return null;
	if (response.headers.get(SESSION_ENDED_HEADER)) return NO_SESSION;
	return response.headers.get(SESSION_TAG_HEADER);
}

async function signedOut() {
	await hear(NO_SESSION, ++started);
}

sw.addEventListener('message', (event) => {
	if (event.data?.type === 'sign-out') event.waitUntil(signedOut());
});

/** SvelteKit adds a marker of which loads to rerun; the stored data answers for any of them. */
function pageKey(url: URL): string {
	const key = new URL(url);
	key.searchParams.delete('x-sveltekit-invalidated');
	key.searchParams.delete('x-sveltekit-trailing-slash');
	key.hash = '';
	return key.toString();
}

/** Passes a request on and listens to which session the answer names. */
async function listen(request: Request, seq: number): Promise<Response> {
	const response = await fetch(request);
	const tag = tagOf(response);
	if (tag) await hear(tag, seq);
	return response;
}

async function networkFirst(request: Request, url: URL, seq: number): Promise<Response> {
	const key = pageKey(url);
	try {
		const response = await fetch(request);
		const tag = tagOf(response);
		if (tag) await hear(tag, seq);
		// Only the doctor's own page as it rendered: not a redirect to sign in, not an error, and
		// only while its session is still the one signed in.
		if (
			tag &&
			tag !== NO_SESSION &&
			tag === current &&
			response.status === 200 &&
			!response.redirected
		) {
			const name = `${PAGES}${tag}`;
			await (await caches.open(name)).put(key, response.clone());
			// The session changed while it was being stored: it goes too.
			if (current !== tag) await caches.delete(name);
		}
		return response;
	} catch (err) {
		const session = await currentSession();
		const name = `${PAGES}${session}`;
		if (session && (await caches.has(name))) {
			const cache = await caches.open(name);
			const cached = await cache.match(key);
			if (cached) return cached;
			// A diary page never opened: the week view, if it was, says what is there.
			if (request.mode === 'navigate') {
				const week = await cache.match(new URL('/diary', url).toString());
				if (week) return week;
			}
		}
		throw err;
	}
}

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	const seq = ++started;
	if (request.method === 'POST' && url.pathname === '/logout') {
		event.waitUntil(hear(NO_SESSION, seq));
		return;
	}
	if (request.method !== 'GET') return;
	if (SHELL_ASSETS.has(url.pathname)) {
		event.respondWith(caches.match(url.pathname).then((cached) => cached ?? fetch(request)));
		return;
	}
	if (NOT_HANDLED.test(url.pathname)) return;
	if (url.pathname === '/diary' || url.pathname.startsWith('/diary/')) {
		event.respondWith(networkFirst(request, url, seq));
		return;
	}
	// Pages, their data and the session check: answers that say who is signed in here.
	if (
		request.mode === 'navigate' ||
		url.pathname.endsWith('/__data.json') ||
		url.pathname === '/session'
	) {
		event.respondWith(listen(request, seq));
	}
});
