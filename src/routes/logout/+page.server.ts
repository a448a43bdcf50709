import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/connection';
import { deleteSessionCookie, invalidateSession } from '$lib/server/auth/session';

export const load: PageServerLoad = async () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ locals, cookies }) => {
		// Also the session that gave its password but not yet its second factor.
		const session = locals.session ?? locals.secondFactorPending?.session;
		if (session) await invalidateSession(getDb(), session.id);
		deleteSessionCookie(cookies);
		redirect(303, '/?signedOut=1');
	}
};
