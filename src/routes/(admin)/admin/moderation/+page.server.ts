import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/connection';
import { requireAdmin } from '$lib/server/auth/guards';
import { decideSubmissions, listHeldSubmissions } from '$lib/server/rates/moderation';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	return { held: await listHeldSubmissions(getDb()) };
};

type Decision = 'approve' | 'reject';
const isDecision = (v: unknown): v is Decision => v === 'approve' || v === 'reject';

export const actions: Actions = {
	/**
	 * One form holds the whole queue: a row's own button sends `single=approve:<id>`; the buttons
	 * under the table send `decision` with every ticked `id`.
	 */
	decide: async (event) => {
		const admin = requireAdmin(event);
		const form = await event.request.formData();
		let ids: string[];
		let decision: unknown;
		const single = form.get('single');
		if (typeof single === 'string' && single.includes(':')) {
			const [d, id] = single.split(':', 2);
			decision = d;
			ids = [id];
		} else {
			decision = form.get('decision');
			ids = form.getAll('id').filter((v): v is string => typeof v === 'string');
		}
		if (!isDecision(decision)) return fail(400, { error: 'Choose approve or reject.' });
		if (ids.length === 0) return fail(400, { error: 'Tick at least one submission first.' });
		if (ids.length > 200) return fail(400, { error: 'Decide at most 200 submissions at once.' });
		const changed = await decideSubmissions(
			getDb(),
			{ id: admin.id, label: admin.email },
			ids,
			decision
		);
		if (changed === 0) {
			return fail(404, { error: 'Those submissions are no longer waiting for a decision.' });
		}
		return { decided: decision, changed };
	}
};
