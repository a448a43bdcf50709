import { redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/connection';
import { safeRedirectTarget } from '$lib/server/auth/guards';
import { hitActionLimit, subjectKey } from '$lib/server/auth/limits';
import { clearRateLimit, retryMessage } from '$lib/server/auth/rate-limit';
import { hasConfirmedTotp, verifyTotpCode } from '$lib/server/auth/totp';
import { countPasskeys } from '$lib/server/auth/passkeys';
import { useRecoveryCode } from '$lib/server/auth/recovery-codes';
import { completeSecondFactor } from '$lib/server/auth/two-factor';
import { invalid, parseForm } from '$lib/server/forms';
import { recoveryCodeSchema, totpCodeSchema } from '$lib/schemas/auth';

function target(url: URL, form?: FormData): string {
	return safeRedirectTarget(
		form?.get('redirectTo')?.toString() ?? url.searchParams.get('redirectTo'),
		url.origin
	);
}

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.user) redirect(303, target(url));
	const pending = locals.secondFactorPending;
	if (!pending) redirect(303, '/login');
	const db = getDb();
	return {
		redirectTo: target(url),
		email: pending.user.email,
		hasTotp: await hasConfirmedTotp(db, pending.user.id),
		hasPasskeys: (await countPasskeys(db, pending.user.id)) > 0
	};
};

/**
 * Every way of giving the second factor (these two, and a passkey through ./passkey) shares one
 * limit per account (and per address), so guessing cannot switch between them for more tries.
 */
async function giveSecondFactor(
	event: RequestEvent,
	method: 'totp' | 'recovery',
	check: (
		db: ReturnType<typeof getDb>,
		userId: string,
		form: FormData
	) => Promise<true | Record<string, string>>
) {
	const pending = event.locals.secondFactorPending;
	if (!pending) redirect(303, '/login');
	const form = await event.request.formData();
	const db = getDb();
	const userId = pending.user.id;
	const limit = await hitActionLimit(db, 'two-factor', userId, event.getClientAddress());
	if (!limit.allowed) {
		return invalid(form, { form: retryMessage('code', limit.retryAfterSeconds) }, 429);
	}
	const outcome = await check(db, userId, form);
	if (outcome !== true) return invalid(form, outcome);
	await clearRateLimit(db, subjectKey('two-factor', userId));
	await completeSecondFactor(db, pending, method);
	redirect(303, target(event.url, form));
}

export const actions: Actions = {
	totp: (event) =>
		giveSecondFactor(event, 'totp', async (db, userId, form) => {
			const parsed = parseForm(totpCodeSchema, form);
			if (!parsed.ok) return parsed.errors;
			if (await verifyTotpCode(db, userId, parsed.data.code)) return true;
			return {
				code: 'That code is not right, or has been used already. Wait for the next one and try again.'
			};
		}),
	recovery: (event) =>
		giveSecondFactor(event, 'recovery', async (db, userId, form) => {
			const parsed = parseForm(recoveryCodeSchema, form);
			if (!parsed.ok) return parsed.errors;
			if (await useRecoveryCode(db, userId, parsed.data.recoveryCode)) return true;
			return {
				recoveryCode: 'That recovery code is not right, or has been used already.'
			};
		})
};
