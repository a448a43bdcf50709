import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/connection';
import {
	describeTokenLifetime,
	inspectAuthToken,
	requestPasswordReset,
	resetPassword,
	TOKEN_PROBLEM_MESSAGES
} from '$lib/server/auth/accounts';
import { hitActionLimit } from '$lib/server/auth/limits';
import { retryMessage } from '$lib/server/auth/rate-limit';
import { deleteSessionCookie } from '$lib/server/auth/session';
import { invalid, parseForm } from '$lib/server/forms';
import { requestResetSchema, resetPasswordSchema } from '$lib/schemas/auth';

export const load: PageServerLoad = async ({ url }) => {
	const token = url.searchParams.get('token');
	if (!token) return { stage: 'request' as const };
	const check = await inspectAuthToken(getDb(), token.slice(0, 100), 'reset_password');
	if (!check.ok) {
		return {
			stage: 'request' as const,
			linkProblem: TOKEN_PROBLEM_MESSAGES.reset_password[check.problem]
		};
	}
	return { stage: 'choose' as const, token };
};

export const actions: Actions = {
	request: async ({ request, url, getClientAddress }) => {
		const form = await request.formData();
		const parsed = parseForm(requestResetSchema, form);
		if (!parsed.ok) return invalid(form, parsed.errors);
		const db = getDb();
		const limit = await hitActionLimit(db, 'reset', parsed.data.email, getClientAddress());
		if (!limit.allowed) {
			return invalid(form, { form: retryMessage('reset', limit.retryAfterSeconds) }, 429);
		}
		await requestPasswordReset(db, parsed.data.email, url.origin);
		return {
			requested: true,
			email: parsed.data.email,
			linkLifetime: describeTokenLifetime('reset_password')
		};
	},
	reset: async ({ request, cookies }) => {
		const form = await request.formData();
		const parsed = parseForm(resetPasswordSchema, form);
		if (!parsed.ok) return invalid(form, parsed.errors);
		const result = await resetPassword(getDb(), parsed.data.token, parsed.data.password);
		if (!result.ok) return invalid(form, { [result.field ?? 'form']: result.message });
		// Every session ended with the old password, this browser's too.
		deleteSessionCookie(cookies);
		redirect(303, '/login?reset=1');
	}
};
