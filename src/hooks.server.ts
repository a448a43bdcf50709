import {
	isHttpError,
	json,
	type Handle,
	type HandleServerError,
	type ServerInit
} from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { config, useSecureCookies } from '$lib/server/config';
import { getDb, startDb, stopDb } from '$lib/server/db/connection';
import { SYSTEM_ACTOR } from '$lib/server/audit';
import { emailsDelivered } from '$lib/server/email';
import { contributorSecret } from '$lib/server/rates/contributor';
import { publishDueSnapshots } from '$lib/server/rates/publication';
import { publicationSettings } from '$lib/server/rates/settings';

import {
	deleteSessionCookie,
	SESSION_COOKIE,
	setSessionCookie,
	validateSessionToken
} from '$lib/server/auth/session';
import * as clock from '$lib/server/clock';
import { requiresSecondFactor, secondFactorRedirect } from '$lib/server/auth/two-factor';

export const init: ServerInit = async () => {
	config();
	contributorSecret();
	const db = await startDb();
	const pinned = clock.clockPin();
	if (pinned)
		console.info(`[clock] pinned by SESSIONAL_TODAY: running as of ${clock.today()} (${pinned})`);
	// adapter-node emits this once SIGTERM or SIGINT has closed the HTTP server. Closing the
	// database then lets the process end: PGlite keeps a timer armed until it is closed (and
	// writes a shutdown checkpoint when it is), and pg's pool keeps its idle connections.
	// Emails still being handed to SMTP get up to five seconds to record how it went.
	process.once('sveltekit:shutdown', () => {
		const grace = new Promise((resolve) => setTimeout(resolve, 5_000).unref());
		Promise.race([emailsDelivered(), grace])
			.then(() => stopDb())
			.catch((err) => console.error('[db] closing at shutdown failed:', err));
	});
	// Publication is also checked at every start, so a due quarter never waits for an admin.
	try {
		const run = await publishDueSnapshots(
			db,
			clock.today(),
			await publicationSettings(db),
			SYSTEM_ACTOR
		);
		if (run.status === 'done' && run.published.length > 0) {
			console.info(`[publication] published ${run.published.map((p) => p.quarterEnd).join(', ')}`);
		}
	} catch (err) {
		console.error('[publication] start-up check failed:', err);
	}
};

const handleAuth: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE) ?? null;
	event.locals.user = null;
	event.locals.session = null;
	event.locals.secondFactorPending = null;
	if (token) {
		const result = await validateSessionToken(getDb(), token);
		if (result) {
			setSessionCookie(event.cookies, token, result.session.expiresAt);
			// Password given, second factor not yet: signed in nowhere, by construction.
			if (requiresSecondFactor(result.user, result.session) === 'verify') {
				event.locals.secondFactorPending = result;
			} else {
				event.locals.user = result.user;
				event.locals.session = result.session;
			}
		} else {
			deleteSessionCookie(event.cookies);
		}
	}
	return resolve(event);
};

/**
 * No admin page, data request or action runs for a session that still owes its second factor, or
 * for an administrator who has not set one up: checked here for the whole (admin) group, before any
 * load or action, because SvelteKit serves a page's data (`__data.json`) without its layout.
 */
const handleAdminSecondFactor: Handle = async ({ event, resolve }) => {
	if (!event.route.id?.startsWith('/(admin)')) return resolve(event);
	const { user, session, secondFactorPending } = event.locals;
	const need = secondFactorPending
		? 'verify'
		: user && session && user.role === 'admin'
			? requiresSecondFactor(user, session)
			: null;
	if (!need) return resolve(event);
	const location = secondFactorRedirect(need, event.url.pathname);
	// A data request is answered the way SvelteKit answers a redirect thrown in a load.
	if (event.isDataRequest) return json({ type: 'redirect', location });
	return new Response(null, { status: 303, headers: { location } });
};

const handleSecurityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const headers = response.headers;
	headers.set('X-Content-Type-Options', 'nosniff');
	headers.set('X-Frame-Options', 'DENY');
	headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	headers.set('Cross-Origin-Opener-Policy', 'same-origin');
	headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
	// SvelteKit writes the page CSP (with its nonces) into rendered pages only; every other answer
	// (JSON, CSV, PDF, calendars) may load nothing and be framed by nobody.
	if (!headers.has('Content-Security-Policy'))
		headers.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
	if (useSecureCookies())
		headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
	// Pages for a signed-in person are never kept by shared caches.
	if (event.locals.user && !headers.has('Cache-Control'))
		headers.set('Cache-Control', 'private, no-store');
	return response;
};

/**
 * HTML forms may post text/plain, which SvelteKit lets through to actions, but no action or
 * endpoint here reads it and `request.formData()` throws on it: answer 415 before any of them run.
 */
const handleUnreadableBodies: Handle = async ({ event, resolve }) => {
	const type = event.request.headers.get('content-type') ?? '';
	if (event.request.method !== 'GET' && type.toLowerCase().startsWith('text/plain')) {
		return new Response('Send forms as application/x-www-form-urlencoded or multipart/form-data.', {
			status: 415,
			headers: { 'content-type': 'text/plain; charset=utf-8' }
		});
	}
	return resolve(event);
};

/**
 * A database that is down (503) or a full disk (507) met here in the hooks, before any action
 * ran (the session check is the first query of most requests), is answered to an enhanced form
 * the way SvelteKit answers an error thrown in an action: its generic JSON error would leave the
 * form silently as it was.
 */
const handleFailuresBeforeActions: Handle = async ({ event, resolve }) => {
	try {
		return await resolve(event);
	} catch (err) {
		if (
			isHttpError(err) &&
			err.status >= 500 &&
			event.request.headers.get('x-sveltekit-action') === 'true'
		) {
			return json({ type: 'error', error: err.body }, { status: err.status });
		}
		throw err;
	}
};

export const handle = sequence(
	handleUnreadableBodies,
	handleFailuresBeforeActions,
	handleAuth,
	handleAdminSecondFactor,
	handleSecurityHeaders
);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status === 404) return { message: 'Page not found' };
	const id = crypto.randomUUID();
	console.error(`[error ${id}] ${event.request.method} ${event.url.pathname}:`, error);
	return { message: status >= 500 ? 'Something went wrong on our side.' : message, id };
};
