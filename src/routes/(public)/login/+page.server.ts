import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/connection';
import { authenticate } from '$lib/server/auth/accounts';
import { safeRedirectTarget } from '$lib/server/auth/guards';
import { hitActionLimit, refundSignIn } from '$lib/server/auth/limits';
import { retryMessage } from '$lib/server/auth/rate-limit';
import { startSession } from '$lib/server/auth/session';
import { hasSecondFactor, secondFactorRedirect } from '$lib/server/auth/two-factor';
import { invalid, parseForm } from '$lib/server/forms';
import { signInSchema } from '$lib/schemas/auth';

export const load: PageServerLoad = async ({ locals, url }) => {
	const redirectTo = safeRedirectTarget(url.searchParams.get('redirectTo'), url.origin);
	if (locals.user) redirect(303, redirectTo);
	if (locals.secondFactorPending) redirect(303, secondFactorRedirect('verify', redirectTo));
	return {
		redirectTo,
		reset: url.searchParams.has('reset'),
		deleted: url.searchParams.has('deleted')
	};
};

export const actions: Actions = {
	default: async ({ request, cookies, getClientAddress, url }) => {
		const form = await request.formData();
		const parsed = parseForm(signInSchema, form);
		if (!parsed.ok) return invalid(form, parsed.errors);
		const { email, password } = parsed.data;
		const db = getDb();

		const limit = await hitActionLimit(db, 'sign-in', email, getClientAddress());
		if (!limit.allowed) {
			return invalid(form, { form: retryMessage('sign-in', limit.retryAfterSeconds) }, 429);
		}
		const user = await authenticate(db, email, password);
		if (!user) {
			return invalid(form, {
				form: 'Wrong email or password.',
				password: 'Wrong email or password.'
			});
		}
		await refundSignIn(db, email, getClientAddress());
		await startSession(db, cookies, user.id, request.headers.get('user-agent'));
		const target = safeRedirectTarget(
			form.get('redirectTo')?.toString() ?? url.searchParams.get('redirectTo'),
			url.origin
		);
		// With a second factor the new session is not signed in until it is given; an
		// administrator without one sets it up before anything else.
		if (await hasSecondFactor(db, user.id)) redirect(303, secondFactorRedirect('verify', target));
		if (user.role === 'admin') redirect(303, secondFactorRedirect('enrol', target));
		redirect(303, target);
	}
};
