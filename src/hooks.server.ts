import {
	isHttpError,
	json,
	type Handle,
	type HandleServerError,
	type ServerInit
} from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { config, configWarnings, useSecureCookies } from '$lib/server/config';
import { getDb, startDb, stopDb } from '$lib/server/db/connection';
import { emailsDelivered } from '$lib/server/email';
import { contributorSecret } from '$lib/server/rates/contributor';
import { startScheduler } from '$lib/server/jobs/scheduler';
import { logger } from '$lib/server/log';

import {
	deleteSessionCookie,
	markSessionOnResponse,
	SESSION_COOKIE,
	setSessionCookie,
	validateSessionToken
} from '$lib/server/auth/session';
import { handleRouteAccess } from '$lib/server/auth/route-access';
import * as clock from '$lib/server/clock';
import { requiresSecondFactor } from '$lib/server/auth/two-factor';

export const init: ServerInit = async () => {
	const log = logger('server');
	try {
		for (const warning of configWarnings(config())) log.warn({ setting: true }, warning);
		contributorSecret();
	} catch (err) {
		// A setting is missing or wrong: say which, in the operator's words, and do not serve.
		log.fatal((err as Error).message);
		process.exit(1);
	}
	const db = await startDb();
	const pinned = clock.clockPin();
	if (pinned)
		log.info({ pin: pinned }, `clock pinned by SESSIONAL_TODAY: running as of ${clock.today()}`);
	// Publication of due quarters at start and every hour, the outbox's retries and the clean-up
	// (src/lib/server/jobs/). JOBS=off leaves them to another instance.
	const scheduler = config().JOBS === 'on' ? await startScheduler(db) : null;
	if (!scheduler) log.info('JOBS=off: no scheduled jobs run in this process');
	// adapter-node emits this once SIGTERM or SIGINT has closed the HTTP server. Closing the
	// database then lets the process end: PGlite keeps a timer armed until it is closed (and
	// writes a shutdown checkpoint when it is), and pg's pool keeps its idle connections.
	// Emails still being handed to SMTP, and a job run in progress, get up to five seconds to
	// record how it went.
	process.once('sveltekit:shutdown', () => {
		const grace = new Promise((resolve) => setTimeout(resolve, 5_000).unref());
		Promise.race([Promise.all([emailsDelivered(), scheduler?.stop()]), grace])
			.then(() => stopDb())
			.catch((err) => log.error({ err }, 'closing the database at shutdown failed'));
	});
};

/**
 * Every request gets an id, on each of its log lines (through `locals.log`) and in the answer's
 * X-Request-Id header, so an operator can find a person's failed request from what they saw.
 */
const handleRequestId: Handle = async ({ event, resolve }) => {
	const requestId = crypto.randomUUID();
	event.locals.requestId = requestId;
	event.locals.log = logger('http').child({ requestId });
	const started = performance.now();
	const response = await resolve(event);
	response.headers.set('X-Request-Id', requestId);
	event.locals.log.info(
		{
			method: event.request.method,
			path: event.url.pathname,
			route: event.route.id,
			status: response.status,
			ms: Math.round(performance.now() - started)
		},
		'request'
	);
	return response;
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
	const wasLive = event.locals.session !== null;
	const response = await resolve(event);
	// Read after the answer: sign-in, sign-out and a password change replace or delete the cookie.
	markSessionOnResponse(response.headers, token, event.cookies.get(SESSION_COOKIE), wasLive);
	return response;
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

/** The bodies a form can send that actions here read (through `request.formData()`). */
const FORM_BODIES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data']);

function plainAnswer(status: number, message: string): Response {
	return new Response(message, {
		status,
		headers: { 'content-type': 'text/plain; charset=utf-8' }
	});
}

/**
 * A body no action can read is answered here, before any action or endpoint runs, whatever its
 * content type (issue 14 F4): `request.formData()` throws a TypeError on a multipart body with a
 * missing or broken boundary, which would be a 500 in the action.
 * - text/plain, which HTML forms may post and SvelteKit lets through to actions: 415, no action
 *   or endpoint reads it. (Other types, JSON included, reach actions only to be answered 415 by
 *   SvelteKit itself, and /diary/sync reads JSON.)
 * - urlencoded and multipart: read once from a copy of the request; unreadable is 400, and a body
 *   over the size limit stays a 413.
 */
const handleUnreadableBodies: Handle = async ({ event, resolve }) => {
	const { request } = event;
	if (request.method === 'GET' || request.method === 'HEAD') return resolve(event);
	const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
	if (type === 'text/plain') {
		return plainAnswer(
			415,
			'Send forms as application/x-www-form-urlencoded or multipart/form-data.'
		);
	}
	if (FORM_BODIES.has(type)) {
		try {
			await request.clone().formData();
		} catch (err) {
			if (bodyStatus(err) === 413) return plainAnswer(413, 'This form is too large to send.');
			return plainAnswer(400, 'This form could not be read. Send it again from its page.');
		}
	}
	return resolve(event);
};

/** The status a body error carries: SvelteKit's size limit is a 413, possibly as the cause. */
function bodyStatus(err: unknown): number | null {
	for (let e = err, depth = 0; e && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
		const status = (e as { status?: unknown }).status;
		if (typeof status === 'number') return status;
	}
	return null;
}

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

// The route-group lock (src/lib/server/auth/route-access.ts) comes after the session is read
// and inside the security headers, so its refusals carry them too.
export const handle = sequence(
	handleRequestId,
	handleUnreadableBodies,
	handleFailuresBeforeActions,
	handleAuth,
	handleSecurityHeaders,
	handleRouteAccess
);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status === 404) return { message: 'Page not found' };
	// The id people see on the error page is the request's, so its log lines are one search away.
	const id = event.locals.requestId ?? crypto.randomUUID();
	const log = event.locals.log ?? logger('http').child({ requestId: id });
	log.error(
		{ err: error, method: event.request.method, path: event.url.pathname, status },
		'request failed'
	);
	return { message: status >= 500 ? 'Something went wrong on our side.' : message, id };
};
