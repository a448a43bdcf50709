/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
// Installable, and the diary readable offline (issue 9). The app shell (scripts, styles, icons)
// is cached at install; diary pages and their data are fetched network-first and kept, so the
// weeks the doctor has opened read offline. Nothing else is cached: other pages hold other
// people's data or change by the minute. Sign-out empties the page cache (the layout's sign-out
// button posts a message, and the worker also sees the POST to /logout of a form without JS).
import { build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const SHELL = `shell-${version}`;
const PAGES = `pages-${version}`;
const SHELL_ASSETS = new Set([...build, ...files, ...prerendered]);
/** Diary paths that are downloads or writes, never kept. */
const NOT_CACHED = /^\/diary\/(sync|reports\/(csv|pdf|ics))/;

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
				if (key !== SHELL && key !== PAGES) await caches.delete(key);
			}
			await sw.clients.claim();
		})()
	);
});

async function clearPages() {
	for (const key of await caches.keys()) if (key.startsWith('pages-')) await caches.delete(key);
}

sw.addEventListener('message', (event) => {
	if (event.data?.type === 'sign-out') event.waitUntil(clearPages());
});

/** SvelteKit adds a marker of which loads to rerun; the stored data answers for any of them. */
function pageKey(url: URL): string {
	const key = new URL(url);
	key.searchParams.delete('x-sveltekit-invalidated');
	key.searchParams.delete('x-sveltekit-trailing-slash');
	key.hash = '';
	return key.toString();
}

async function networkFirst(request: Request, url: URL): Promise<Response> {
	const cache = await caches.open(PAGES);
	const key = pageKey(url);
	try {
		const response = await fetch(request);
		// Only the doctor's own page as it rendered: not a redirect to sign in, not an error.
		if (response.status === 200 && !response.redirected) await cache.put(key, response.clone());
		return response;
	} catch (err) {
		const cached = await cache.match(key);
		if (cached) return cached;
		// A diary page never opened: the week view, if it was, says what is there.
		if (request.mode === 'navigate') {
			const week = await cache.match(new URL('/diary', url).toString());
			if (week) return week;
		}
		throw err;
	}
}

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	if (request.method === 'POST' && url.pathname === '/logout') {
		event.waitUntil(clearPages());
		return;
	}
	if (request.method !== 'GET') return;
	if (SHELL_ASSETS.has(url.pathname)) {
		event.respondWith(caches.match(url.pathname).then((cached) => cached ?? fetch(request)));
		return;
	}
	if (
		(url.pathname === '/diary' || url.pathname.startsWith('/diary/')) &&
		!NOT_CACHED.test(url.pathname)
	) {
		event.respondWith(networkFirst(request, url));
	}
});
