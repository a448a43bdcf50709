import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/connection';
import { registerUser } from '$lib/server/auth/accounts';
import { hitActionLimit } from '$lib/server/auth/limits';
import { retryMessage } from '$lib/server/auth/rate-limit';
import { startSession } from '$lib/server/auth/session';
import { invalid, parseForm } from '$lib/server/forms';
import { registerSchema } from '$lib/schemas/auth';

export const load: PageServerLoad = async ({ locals }) => {
	if (locals.user) redirect(303, '/account');
	return {};
};

export const actions: Actions = {
	default: async ({ request, cookies, getClientAddress, url }) => {
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

		await startSession(db, cookies, result.userId, request.headers.get('user-agent'));
		redirect(303, '/verify-email?sent=1');
	}
};
