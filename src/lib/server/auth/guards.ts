import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { SessionUser } from './session';
import { requiresSecondFactor, secondFactorRedirect } from './two-factor';

/**
 * Where to send someone after signing in: only a path on this site. The value is parsed as a URL
 * against the app's origin, the way a browser will read the Location header, and kept only when
 * it lands on that same origin; what is sent back is the parsed path, query and fragment
 * re-serialised, so tabs and newlines (which URL parsing drops: `/\t/evil.example` is
 * `//evil.example`), backslashes (read as slashes) and control characters never reach a header.
 * Anything else, including a path that would re-serialise to `//host`, gives the fallback.
 */
export function safeRedirectTarget(
	value: string | null | undefined,
	origin: string,
	fallback = '/account'
): string {
	if (!value || !value.startsWith('/')) return fallback;
	let parsed: URL;
	try {
		parsed = new URL(value, origin);
	} catch {
		return fallback;
	}
	if (parsed.origin !== new URL(origin).origin) return fallback;
	const target = parsed.pathname + parsed.search + parsed.hash;
	if (!target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\'))
		return fallback;
	return target;
}

export function signInUrl(url: URL): string {
	return `/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`;
}

/** Visitors are sent to sign in; the page comes back after. */
export function requireUser(event: Pick<RequestEvent, 'locals' | 'url'>): SessionUser {
	const user = event.locals.user;
	if (!user) redirect(303, signInUrl(event.url));
	return user;
}

/**
 * Visitors are sent to sign in; signed-in people who are not admins get 403; an administrator
 * without a second factor is sent to set one up first.
 */
export function requireAdmin(event: Pick<RequestEvent, 'locals' | 'url'>): SessionUser {
	const user = requireUser(event);
	if (user.role !== 'admin') error(403, 'This page is for the committee’s administrators.');
	const session = event.locals.session;
	const need = session ? requiresSecondFactor(user, session) : 'verify';
	if (need) redirect(303, secondFactorRedirect(need, event.url.pathname + event.url.search));
	return user;
}
