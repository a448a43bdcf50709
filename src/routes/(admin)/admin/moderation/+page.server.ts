import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/connection';
import { requireAdmin } from '$lib/server/auth/guards';
import { decideSubmission, listHeldSubmissions } from '$lib/server/rates/moderation';

export const load: PageServerLoad = async () => ({ held: await listHeldSubmissions(getDb()) });

export const actions: Actions = {
	decide: async (event) => {
		const admin = requireAdmin(event);
		const form = await event.request.formData();
		const decision = form.get('decision');
		const id = String(form.get('id') ?? '');
		if (decision !== 'approve' && decision !== 'reject') {
			return fail(400, { error: 'Choose approve or reject.' });
		}
		const changed = await decideSubmission(getDb(), { id: admin.id, label: admin.email }, id, decision);
		if (!changed) return fail(404, { error: 'That submission is no longer waiting for a decision.' });
		return { decided: decision };
	}
};
