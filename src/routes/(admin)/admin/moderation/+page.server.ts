import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/connection';
import { requireAdmin } from '$lib/server/auth/guards';
import { decideSubmissions, listHeldSubmissions } from '$lib/server/rates/moderation';
import { invalid } from '$lib/server/forms';
import { moderationSchema } from '$lib/schemas/admin';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	return { held: await listHeldSubmissions(getDb()) };
};

export const actions: Actions = {
	/**
	 * One form holds the whole queue: a row's own button sends `single=approve:<id>`; the buttons
	 * under the table send `decision` with every ticked `id`.
	 */
	decide: async (event) => {
		const admin = requireAdmin(event);
		const form = await event.request.formData();
		const single = form.get('single');
		const [decision, id] =
			typeof single === 'string' && single.includes(':') ? single.split(':', 2) : [];
		const parsed = moderationSchema.safeParse(
			id === undefined
				? {
						decision: form.get('decision'),
						ids: form.getAll('id').filter((v) => typeof v === 'string')
					}
				: { decision, ids: [id] }
		);
		// One message for the whole queue, the first that applies.
		if (!parsed.success) return invalid(form, { form: parsed.error.issues[0].message });
		const changed = await decideSubmissions(
			getDb(),
			{ id: admin.id, label: admin.email },
			parsed.data.ids,
			parsed.data.decision
		);
		if (changed === 0) {
			return invalid(
				form,
				{ form: 'Those submissions are no longer waiting for a decision.' },
				404
			);
		}
		return { decided: parsed.data.decision, changed };
	}
};
