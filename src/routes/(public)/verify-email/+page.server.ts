import type { Actions, PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import { invalid } from '$lib/server/forms';
import { getDb } from '$lib/server/db/connection';
import {
	describeTokenLifetime,
	sendVerificationEmail,
	TOKEN_PROBLEM_MESSAGES,
	verifyEmail
} from '$lib/server/auth/accounts';
import { hitActionLimit } from '$lib/server/auth/limits';
import { retryMessage } from '$lib/server/auth/rate-limit';

export const load: PageServerLoad = async ({ url, locals }) => {
	const token = url.searchParams.get('token');
	if (token) {
		const result = await verifyEmail(getDb(), token.slice(0, 100));
		// A fresh request, so the layout reads the account as verified; the token leaves the URL.
		if (result.ok) redirect(303, '/verify-email?verified=1');
		return {
			outcome: 'problem' as const,
			message: TOKEN_PROBLEM_MESSAGES.verify_email[result.problem]
		};
	}
	if (url.searchParams.has('verified')) return { outcome: 'verified' as const };
	if (locals.user?.emailVerified) return { outcome: 'already' as const };
	return {
		outcome: url.searchParams.has('sent') ? ('sent' as const) : ('waiting' as const),
		linkLifetime: describeTokenLifetime('verify_email')
	};
};

export const actions: Actions = {
	resend: async ({ locals, url, getClientAddress }) => {
		const user = locals.user;
		if (!user) return invalid(null, { form: 'Sign in first, then ask for a new link.' }, 401);
		if (user.emailVerified) return { resent: false, already: true };
		const db = getDb();
		const limit = await hitActionLimit(db, 'verify-resend', user.id, getClientAddress());
		if (!limit.allowed) {
			return invalid(null, { form: retryMessage('resend', limit.retryAfterSeconds) }, 429);
		}
		await sendVerificationEmail(db, user, url.origin);
		return { resent: true };
	}
};
