import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/connection';
import { requireAdmin } from '$lib/server/auth/guards';
import { invalid, parseForm } from '$lib/server/forms';
import { readSettings, saveSettings } from '$lib/server/settings';
import { MIN_CONTRIBUTORS_FLOOR } from '$lib/domain/rate-stats';
import { settingsFormSchema } from '$lib/schemas/admin';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	return { settings: await readSettings(getDb()), floor: MIN_CONTRIBUTORS_FLOOR };
};

export const actions: Actions = {
	save: async (event) => {
		const admin = requireAdmin(event);
		const form = await event.request.formData();
		const parsed = parseForm(settingsFormSchema, form);
		if (!parsed.ok) return invalid(form, parsed.errors);
		const saved = await saveSettings(getDb(), { id: admin.id, label: admin.email }, parsed.data);
		if (!saved.ok) {
			// The fee is typed in pounds under another name than the setting it fills.
			const { membershipFeePence, ...errors } = saved.errors;
			return invalid(
				form,
				membershipFeePence ? { ...errors, membershipFee: membershipFeePence } : errors
			);
		}
		return { saved: Object.keys(saved.changed).length };
	}
};
