import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/connection';
import { registerUser } from '$lib/server/auth/accounts';
import { hitActionLimit } from '$lib/server/auth/limits';
import { retryMessage } from '$lib/server/auth/rate-limit';
import { invalid, parseForm } from '$lib/server/forms';
import { registerSchema } from '$lib/schemas/auth';

export const load: PageServerLoad = async ({ locals }) => {
	if (locals.user) redirect(303, '/account');
	return {};
};

export const actions: Actions = {
	default: async ({ request, getClientAddress, url }) => {
		const form = await request.formData();
		const parsed = parseForm(registerSchema, form);
		if (!parsed.ok) return invalid(form, parsed.errors);
		const db = getDb();

		const limit = await hitActionLimit(db, 'register', null, getClientAddress());
		if (!limit.allowed) {
			return invalid(form, { form: retryMessage('registration', limit.retryAfterSeconds) }, 429);
		}
		const result = await registerUser(db, parsed.data, url.origin);
		if (!result.ok) return invalid(form, { [result.field ?? 'form']: result.message });

		// The same answer whether the address was new or already had an account (its owner is
		// emailed instead): a stranger cannot learn who is registered. Nobody is signed in here;
		// they sign in with the password they chose.
		redirect(303, '/verify-email?sent=1');
	}
};
