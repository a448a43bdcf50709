// The authorization matrix (DESIGN §1): every route × every role → what the server answers.
// Kept as data so a reader sees the whole policy at once; tests/e2e/authorization-matrix.spec.ts
// requests every cell over HTTP against the running app, and fails when a route under src/routes
// has no entry here.

export const ROLES = ['visitor', 'doctor', 'member', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * 200: shown; 'login': redirected to /login?redirectTo=<the path>; 401, 403 or 404: refused;
 * 400: let in, and the (deliberately empty) input refused; `{ redirect }`: sent to another page
 * (signed-in people asking for the sign-in form, say).
 */
export type Outcome = 200 | 'login' | 400 | 401 | 403 | 404 | { redirect: string };

export interface RouteAccess {
	/** The route as SvelteKit names it, without groups: '/diary/[date]'. */
	route: string;
	/** A concrete address to request for it. */
	path: string;
	/** Endpoints that only take a POST are asked with this JSON body. */
	post?: unknown;
	expect: Record<Role, Outcome>;
	/** Why a cell is what it is, where it is not obvious. */
	note?: string;
}

/** A well-formed id that no row has. */
export const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

const everyone: Record<Role, Outcome> = { visitor: 200, doctor: 200, member: 200, admin: 200 };
const signedIn: Record<Role, Outcome> = { visitor: 'login', doctor: 200, member: 200, admin: 200 };
const adminOnly: Record<Role, Outcome> = { visitor: 'login', doctor: 403, member: 403, admin: 200 };
const visitorsOnly: Record<Role, Outcome> = {
	visitor: 200,
	doctor: { redirect: '/account' },
	member: { redirect: '/account' },
	admin: { redirect: '/account' }
};

export const ACCESS_MATRIX: RouteAccess[] = [
	// Public pages. The map, its API and the compare page answer everyone; what they contain is
	// shaped per role on the server (checked in authorization-matrix.spec.ts and the map tests).
	{ route: '/', path: '/', expect: everyone },
	{ route: '/about/method', path: '/about/method', expect: everyone },
	{ route: '/privacy', path: '/privacy', expect: everyone },
	{ route: '/terms', path: '/terms', expect: everyone },
	{ route: '/map', path: '/map?level=area', expect: everyone },
	{ route: '/map/compare', path: '/map/compare', expect: everyone },
	{ route: '/api/rates/[category]', path: '/api/rates/in_hours_session', expect: everyone },
	{ route: '/healthz', path: '/healthz', expect: everyone },
	{
		route: '/session',
		path: '/session',
		expect: everyone,
		note: 'Who is signed in here, as a digest: the offline diary asks it (null for a visitor).'
	},
	{ route: '/login', path: '/login', expect: visitorsOnly },
	{ route: '/register', path: '/register', expect: visitorsOnly },
	{
		route: '/login/two-factor',
		path: '/login/two-factor',
		expect: {
			visitor: { redirect: '/login' },
			doctor: { redirect: '/account' },
			member: { redirect: '/account' },
			admin: { redirect: '/account' }
		},
		note: 'Only for a session that gave its password and owes its second factor (two-factor.spec.ts).'
	},
	{
		route: '/login/two-factor/passkey/options',
		path: '/login/two-factor/passkey/options',
		post: {},
		expect: { visitor: 401, doctor: 401, member: 401, admin: 401 },
		note: 'A passkey’s challenge, only for a session that owes its second factor (passkeys.spec.ts).'
	},
	{
		route: '/login/two-factor/passkey',
		path: '/login/two-factor/passkey',
		post: {},
		expect: { visitor: 401, doctor: 401, member: 401, admin: 401 },
		note: 'The passkey’s answer, only for a session that owes its second factor.'
	},
	{ route: '/reset-password', path: '/reset-password', expect: everyone },
	{ route: '/verify-email', path: '/verify-email', expect: everyone },
	{
		route: '/logout',
		path: '/logout',
		expect: {
			visitor: { redirect: '/' },
			doctor: { redirect: '/' },
			member: { redirect: '/' },
			admin: { redirect: '/' }
		},
		note: 'Signing out is a POST; a GET goes home.'
	},

	// A signed-in person's own things.
	{ route: '/account', path: '/account', expect: signedIn },
	{ route: '/account/export', path: '/account/export?format=json', expect: signedIn },
	{ route: '/account/two-factor', path: '/account/two-factor', expect: signedIn },
	{
		route: '/account/two-factor/passkeys/options',
		path: '/account/two-factor/passkeys/options',
		post: { name: '' },
		expect: { visitor: 401, doctor: 400, member: 400, admin: 400 },
		note: 'The account page’s script asks for a new passkey’s options as JSON; an empty name is refused.'
	},
	{
		route: '/account/two-factor/passkeys',
		path: '/account/two-factor/passkeys',
		post: {},
		expect: { visitor: 401, doctor: 400, member: 400, admin: 400 },
		note: 'The new passkey, checked and kept; an empty answer is refused.'
	},
	{ route: '/diary', path: '/diary', expect: signedIn },
	{ route: '/diary/[date]', path: '/diary/2026-01-05', expect: signedIn },
	{ route: '/diary/setup', path: '/diary/setup', expect: signedIn },
	{ route: '/diary/conflicts', path: '/diary/conflicts', expect: signedIn },
	{
		route: '/diary/sync',
		path: '/diary/sync',
		post: { account: '0'.repeat(32), changes: [] },
		expect: { visitor: 401, doctor: 400, member: 400, admin: 400 },
		note: 'The offline queue posts JSON; a visitor is refused before the body is read.'
	},
	{ route: '/diary/reports', path: '/diary/reports', expect: signedIn },
	{ route: '/diary/reports/csv', path: '/diary/reports/csv', expect: signedIn },
	{ route: '/diary/reports/ics', path: '/diary/reports/ics', expect: signedIn },
	{ route: '/diary/reports/pdf', path: '/diary/reports/pdf', expect: signedIn },
	{ route: '/rates/submit', path: '/rates/submit', expect: signedIn },
	{ route: '/rates/mine', path: '/rates/mine', expect: signedIn },
	{
		route: '/rates/mine/[id]',
		path: `/rates/mine/${NO_SUCH_ID}`,
		expect: { visitor: 'login', doctor: 404, member: 404, admin: 404 },
		note: 'Someone else’s submission and a missing one both read as not found.'
	},

	// Members only (administrators see what members see).
	{
		route: '/map/csv',
		path: '/map/csv',
		expect: { visitor: 'login', doctor: 403, member: 200, admin: 200 },
		note: 'The CSV of published cells; a signed-in non-member is refused with how to join.'
	},

	// The committee's pages.
	{ route: '/admin', path: '/admin', expect: adminOnly },
	{ route: '/admin/members', path: '/admin/members?q=demo', expect: adminOnly },
	{
		route: '/admin/members/[id]',
		path: `/admin/members/${NO_SUCH_ID}`,
		expect: { visitor: 'login', doctor: 403, member: 403, admin: 404 },
		note: 'The role is checked before the id is looked up, so a refusal says nothing about ids.'
	},
	{ route: '/admin/members/import', path: '/admin/members/import', expect: adminOnly },
	{ route: '/admin/moderation', path: '/admin/moderation', expect: adminOnly },
	{ route: '/admin/publication', path: '/admin/publication', expect: adminOnly },
	{ route: '/admin/settings', path: '/admin/settings', expect: adminOnly },
	{ route: '/admin/audit', path: '/admin/audit', expect: adminOnly }
];
