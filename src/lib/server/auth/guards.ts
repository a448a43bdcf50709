import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { SessionUser } from './session';
import { requiresSecondFactor, secondFactorRedirect } from './two-factor';

/** Only same-site paths, so a crafted link cannot send someone elsewhere after signing in. */
export function safeRedirectTarget(
	value: string | null | undefined,
	fallback = '/account'
): string {
	if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\'))
		return fallback;
	return value;
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
