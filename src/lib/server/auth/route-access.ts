import { json, redirect, type Handle, type RequestEvent } from '@sveltejs/kit';
import { signInUrl } from './guards';
import { requiresSecondFactor, secondFactorRedirect } from './two-factor';
import { logger } from '../log';

/**
 * Who may reach a route at all. The lock for every route group is here, checked once in the
 * server hook before any load, action or endpoint runs: SvelteKit can ask for a page's data
 * alone (`/admin/__data.json?x-sveltekit-invalidated=001`) and actions never run layout loads,
 * so a layout's guard protects nothing by itself. Finer rules (members only, someone's own
 * rows) stay in the routes, on top of this.
 */
export type RouteAccess = 'public' | 'signed-in' | 'admin';

/** Every route inside one of these groups gets the group's access. */
const GROUPS: Record<string, RouteAccess> = {
	'(public)': 'public',
	'(app)': 'signed-in',
	'(admin)': 'admin'
};

/** Routes outside any group, named one by one: a new one is unclassified until it is listed. */
const UNGROUPED: Record<string, RouteAccess> = {
	'/api/rates/[category]': 'public',
	'/healthz': 'public',
	'/logout': 'public'
};

/**
 * The access a route id (as SvelteKit names it, groups included: '/(admin)/admin/members/[id]')
 * requires, or null when it is not classified. The hook treats unclassified routes as the
 * administrators' (fail closed), and a unit test fails while any route under src/routes is.
 */
export function routeAccess(routeId: string): RouteAccess | null {
	const first = routeId.split('/')[1] ?? '';
	if (/^\(.*\)$/.test(first)) return GROUPS[first] ?? null;
	return UNGROUPED[routeId] ?? null;
}

const SIGN_IN_MESSAGE = 'Sign in to see this page.';
const ADMIN_MESSAGE = 'This page is for the committee’s administrators.';

function isEnhancedAction(event: RequestEvent): boolean {
	return (
		event.request.method === 'POST' && event.request.headers.get('x-sveltekit-action') === 'true'
	);
}

function isFormPost(event: RequestEvent): boolean {
	const type = (event.request.headers.get('content-type') ?? '').toLowerCase();
	return (
		event.request.method === 'POST' &&
		(type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data'))
	);
}

function wantsHtml(event: RequestEvent): boolean {
	const accept = event.request.headers.get('accept') ?? '';
	return accept.includes('text/html');
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// The refusal page's look: the app's colours and type, inline because the page is answered before
// SvelteKit renders anything (its stylesheet comes with the layout, whose loads are what is refused).
const REFUSAL_STYLE = `
	:root { color: #1b1f23; background: #fff; line-height: 1.5;
		font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; }
	body { margin: 0; }
	header { background: #0b4f6c; padding: 0.75rem 1rem; }
	header a { color: #fff; font-weight: 700; font-size: 1.125rem; text-decoration: none; }
	main { max-width: 40rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
	h1 { font-size: 1.5rem; line-height: 1.25; margin: 0 0 0.75rem; }
	p { margin: 0 0 1rem; }
	nav ul { list-style: none; padding: 0; margin: 1.5rem 0 0; display: flex; flex-wrap: wrap; gap: 0.75rem; }
	nav a { display: inline-flex; align-items: center; min-height: 48px; padding: 0 1rem;
		border: 2px solid #0b4f6c; border-radius: 8px; color: #0b4f6c; font-weight: 600; text-decoration: none; }
	nav a.primary { background: #0b4f6c; color: #fff; }
	a:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
`;
// Inline style only: no script, no image, nothing from elsewhere, never in a frame.
const REFUSAL_CSP =
	"default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/**
 * The refusal, shaped for whoever asked: SvelteKit's client reads a JSON error for page data and
 * an action result for an enhanced form; a browser asking for a page gets a page of its own, in
 * the app's look, saying why and where to go (the app's layout cannot be rendered without running
 * its loads, which is what is being refused).
 */
function refusal(event: RequestEvent, status: 401 | 403, message: string): Response {
	if (event.isDataRequest) return json({ message }, { status });
	if (isEnhancedAction(event)) return json({ type: 'error', error: { message } }, { status });
	if (wantsHtml(event)) {
		const heading = status === 401 ? 'Sign in first' : 'Not available to you';
		const ways =
			status === 401
				? `<li><a class="primary" href="${escapeHtml(signInUrl(event.url))}">Sign in</a></li>
					<li><a href="/">Home</a></li>`
				: `<li><a class="primary" href="/diary">Your diary</a></li>
					<li><a href="/map">Rate map</a></li>
					<li><a href="/account">Your account</a></li>`;
		return new Response(
			`<!doctype html>
<html lang="en-GB">
	<head>
		<meta charset="utf-8" />
		<meta name="viewport" content="width=device-width, initial-scale=1" />
		<title>${status === 401 ? 'Sign in' : 'Not available'} · Sessional</title>
		<style>${REFUSAL_STYLE}</style>
	</head>
	<body>
		<header><a href="/">Sessional</a></header>
		<main>
			<h1>${heading}</h1>
			<p>${escapeHtml(message)}</p>
			<p>Error ${status}. If you think you should see this page, ask the committee’s administrators.</p>
			<nav aria-label="Where to go">
				<ul>
					${ways}
				</ul>
			</nav>
		</main>
	</body>
</html>
`,
			{
				status,
				headers: {
					'content-type': 'text/html; charset=utf-8',
					'cache-control': 'no-store',
					'content-security-policy': REFUSAL_CSP
				}
			}
		);
	}
	return json({ message }, { status });
}

/**
 * The hook: runs after the session is read, before SvelteKit resolves the route.
 * - Visitors asking for a page, its data, or sending a form are redirected to sign in
 *   (SvelteKit turns the redirect into the JSON the client expects for data and enhanced forms);
 *   anything else from a visitor (a JSON POST to an endpoint) is 401.
 * - Signed-in people who are not administrators get 403 on every administrators' route.
 */
export const handleRouteAccess: Handle = async ({ event, resolve }) => {
	const id = event.route.id;
	// No route: SvelteKit answers 404 without running anything of the app's.
	if (id === null) return resolve(event);
	const access = routeAccess(id);
	if (access === 'public') return resolve(event);
	if (access === null)
		(event.locals.log ?? logger('access')).error(
			{ route: id },
			'route not classified; treated as admin-only'
		);

	const { user, session, secondFactorPending } = event.locals;
	// A session that still owes its second factor is nobody yet; administrators must have one.
	const need = secondFactorPending
		? 'verify'
		: access !== 'signed-in' && user && session && user.role === 'admin'
			? requiresSecondFactor(user, session)
			: null;
	if (need) {
		const location = secondFactorRedirect(need, event.url.pathname);
		// A data request is answered the way SvelteKit answers a redirect thrown in a load.
		if (event.isDataRequest) return json({ type: 'redirect', location });
		if (isEnhancedAction(event)) redirect(303, location);
		return new Response(null, { status: 303, headers: { location } });
	}
	if (!user) {
		const method = event.request.method;
		if (method === 'GET' || method === 'HEAD' || isEnhancedAction(event) || isFormPost(event))
			redirect(303, signInUrl(event.url));
		return refusal(event, 401, SIGN_IN_MESSAGE);
	}
	if (access !== 'signed-in' && user.role !== 'admin') return refusal(event, 403, ADMIN_MESSAGE);
	return resolve(event);
};
