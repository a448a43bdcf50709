import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isRedirect, type RequestEvent } from '@sveltejs/kit';
import { describe, expect, it, vi } from 'vitest';
import { ACCESS_MATRIX } from '../../../../tests/e2e/access-matrix';
import { handleRouteAccess, routeAccess } from './route-access';
import type { SessionUser } from './session';

const ROUTES_DIR = fileURLToPath(new URL('../../../routes/', import.meta.url));

/** Every page and endpoint under src/routes, by its SvelteKit route id, groups included. */
function routeIdsOnDisk(): string[] {
	const ids = new Set<string>();
	for (const file of readdirSync(ROUTES_DIR, { recursive: true, encoding: 'utf8' })) {
		const parts = file.split(/[\\/]/);
		const name = parts.pop()!;
		if (!/^\+(page(\.server)?\.(ts|js|svelte)|server\.(ts|js))$/.test(name)) continue;
		ids.add(`/${parts.join('/')}`);
	}
	return [...ids].sort();
}

const withoutGroups = (id: string) =>
	'/' +
	id
		.split('/')
		.filter((s) => s && !/^\(.*\)$/.test(s))
		.join('/');

describe('routeAccess', () => {
	it('classifies the groups and the named routes outside them', () => {
		expect(routeAccess('/(admin)/admin')).toBe('admin');
		expect(routeAccess('/(admin)/admin/members/[id]')).toBe('admin');
		expect(routeAccess('/(app)/diary/[date]')).toBe('signed-in');
		expect(routeAccess('/(app)/diary/sync')).toBe('signed-in');
		expect(routeAccess('/(public)')).toBe('public');
		expect(routeAccess('/(public)/login')).toBe('public');
		expect(routeAccess('/api/rates/[category]')).toBe('public');
		expect(routeAccess('/healthz')).toBe('public');
		expect(routeAccess('/logout')).toBe('public');
	});

	it('leaves a route outside the known groups and names unclassified', () => {
		expect(routeAccess('/(staff)/rota')).toBeNull();
		expect(routeAccess('/admin')).toBeNull();
		expect(routeAccess('/api/new-thing')).toBeNull();
		expect(routeAccess('/')).toBeNull();
	});

	it('classifies every route under src/routes', () => {
		const ids = routeIdsOnDisk();
		expect(ids.length).toBeGreaterThan(30);
		expect(ids.filter((id) => routeAccess(id) === null)).toEqual([]);
	});

	it('agrees with the authorization matrix the e2e suite requests', () => {
		const byRoute = new Map(ACCESS_MATRIX.map((entry) => [entry.route, entry]));
		const disagreeing: string[] = [];
		for (const id of routeIdsOnDisk()) {
			const entry = byRoute.get(withoutGroups(id));
			if (!entry) {
				disagreeing.push(`${id}: not in tests/e2e/access-matrix.ts`);
				continue;
			}
			const access = routeAccess(id);
			const { visitor, doctor, member } = entry.expect;
			if (access === 'admin' && !(visitor === 'login' && doctor === 403))
				disagreeing.push(`${id}: admin-only here, not in the matrix`);
			if (access === 'signed-in' && !(visitor === 'login' || visitor === 401))
				disagreeing.push(`${id}: signed-in here, the matrix lets a visitor in`);
			// Public here with a finer check of its own (members only, say) is fine; admin-only is not.
			if (access === 'public' && doctor === 403 && member === 403)
				disagreeing.push(`${id}: public here, admin-only in the matrix`);
		}
		expect(disagreeing).toEqual([]);
	});
});

const doctor = { id: 'd', role: 'doctor' } as unknown as SessionUser;
const admin = { id: 'a', role: 'admin' } as unknown as SessionUser;

function eventFor(
	routeId: string | null,
	path: string,
	user: SessionUser | null,
	init: { method?: string; headers?: Record<string, string>; data?: boolean } = {}
): RequestEvent {
	const url = new URL(path, 'http://localhost');
	return {
		route: { id: routeId },
		url,
		locals: { user, session: null },
		isDataRequest: init.data ?? false,
		request: new Request(url, { method: init.method ?? 'GET', headers: init.headers })
	} as unknown as RequestEvent;
}

async function run(event: RequestEvent) {
	const resolve = vi.fn(async () => new Response('resolved'));
	try {
		const response = await handleRouteAccess({ event, resolve });
		return { resolved: resolve.mock.calls.length > 0, response, redirect: null };
	} catch (err) {
		if (!isRedirect(err)) throw err;
		return { resolved: resolve.mock.calls.length > 0, response: null, redirect: err.location };
	}
}

describe('handleRouteAccess', () => {
	it('lets everyone through to public routes and unmatched paths', async () => {
		expect((await run(eventFor('/(public)/map', '/map', null))).resolved).toBe(true);
		expect((await run(eventFor('/healthz', '/healthz', null))).resolved).toBe(true);
		expect((await run(eventFor(null, '/nowhere', null))).resolved).toBe(true);
	});

	it('sends a visitor asking for an admin page, or its data alone, to sign in without resolving', async () => {
		for (const data of [false, true]) {
			const result = await run(eventFor('/(admin)/admin', '/admin', null, { data }));
			expect(result).toEqual({
				resolved: false,
				response: null,
				redirect: '/login?redirectTo=%2Fadmin'
			});
		}
	});

	it('refuses a signed-in doctor every admin route, page, data, action or download, without resolving', async () => {
		const cases = [
			eventFor('/(admin)/admin', '/admin', doctor, { headers: { accept: 'text/html' } }),
			eventFor('/(admin)/admin', '/admin', doctor, { data: true }),
			eventFor('/(admin)/admin/settings', '/admin/settings?/save', doctor, {
				method: 'POST',
				headers: { 'x-sveltekit-action': 'true', accept: 'application/json' }
			}),
			eventFor('/(admin)/admin/settings', '/admin/settings?/save', doctor, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded' }
			})
		];
		for (const event of cases) {
			const result = await run(event);
			expect(result.resolved).toBe(false);
			expect(result.response?.status).toBe(403);
		}
		const page = await run(cases[0]);
		expect(await page.response!.text()).toContain('Not available to you');
		const data = await run(cases[1]);
		expect(await data.response!.json()).toEqual({
			message: 'This page is for the committee’s administrators.'
		});
		const action = await run(cases[2]);
		expect(await action.response!.json()).toMatchObject({ type: 'error' });
	});

	it('sends a visitor’s form to sign in, and answers a visitor’s JSON POST 401, without resolving', async () => {
		const form = await run(
			eventFor('/(admin)/admin/settings', '/admin/settings?/save', null, {
				method: 'POST',
				headers: { 'x-sveltekit-action': 'true' }
			})
		);
		expect(form).toMatchObject({
			resolved: false,
			redirect: '/login?redirectTo=%2Fadmin%2Fsettings%3F%2Fsave'
		});
		const sync = await run(
			eventFor('/(app)/diary/sync', '/diary/sync', null, {
				method: 'POST',
				headers: { 'content-type': 'application/json' }
			})
		);
		expect(sync.resolved).toBe(false);
		expect(sync.response?.status).toBe(401);
	});

	it('lets a doctor into their own routes and an admin into the admin routes', async () => {
		expect((await run(eventFor('/(app)/diary', '/diary', doctor, { data: true }))).resolved).toBe(
			true
		);
		expect((await run(eventFor('/(admin)/admin', '/admin', admin, { data: true }))).resolved).toBe(
			true
		);
	});

	it('treats an unclassified route as the administrators’', async () => {
		const error = vi.spyOn(console, 'error').mockImplementation(() => {});
		const result = await run(eventFor('/(staff)/rota', '/rota', doctor));
		expect(result.resolved).toBe(false);
		expect(result.response?.status).toBe(403);
		expect((await run(eventFor('/(staff)/rota', '/rota', admin))).resolved).toBe(true);
		error.mockRestore();
	});
});
