import { error } from '@sveltejs/kit';
import { renderSVG } from 'uqr';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/connection';
import { requireUser, safeRedirectTarget } from '$lib/server/auth/guards';
import { formatTotpKey, startTotpEnrolment, totpKeyUri } from '$lib/server/auth/totp';
import { countUnusedRecoveryCodes, RECOVERY_CODE_COUNT } from '$lib/server/auth/recovery-codes';
import {
	confirmTotpEnrolment,
	disableTwoFactor,
	regenerateRecoveryCodes
} from '$lib/server/auth/two-factor';
import { hitActionLimit } from '$lib/server/auth/limits';
import { retryMessage } from '$lib/server/auth/rate-limit';
import { invalid, parseForm } from '$lib/server/forms';
import { disableTwoFactorSchema, totpCodeSchema } from '$lib/schemas/auth';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const common = {
		isAdmin: user.role === 'admin',
		redirectTo: safeRedirectTarget(event.url.searchParams.get('redirectTo'), event.url.origin)
	};
	if (user.twoFactorEnabled) {
		return {
			...common,
			enabled: true as const,
			recoveryCodesLeft: await countUnusedRecoveryCodes(db, user.id),
			recoveryCodeCount: RECOVERY_CODE_COUNT
		};
	}
	const key = await startTotpEnrolment(db, user.id);
	// Confirmed in another tab since this request's session was read: show the enabled page.
	if (!key) error(409, 'Two-factor sign-in was just turned on. Reload the page.');
	const uri = totpKeyUri(user.email, key);
	return {
		...common,
		enabled: false as const,
		// Drawn here, on the server: the key never goes to a third party to be turned into a picture.
		qrCode: `data:image/svg+xml;base64,${Buffer.from(renderSVG(uri, { border: 2 })).toString('base64')}`,
		keyText: formatTotpKey(key)
	};
};

export const actions: Actions = {
	confirm: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const parsed = parseForm(totpCodeSchema, form);
		if (!parsed.ok) return invalid(form, parsed.errors);
		const codes = await confirmTotpEnrolment(
			getDb(),
			user,
			event.locals.session!.id,
			parsed.data.code
		);
		if (!codes) {
			return invalid(form, {
				code: 'That code is not right. Check the key was entered correctly and try the next code.'
			});
		}
		return { saved: 'enabled' as const, recoveryCodes: codes };
	},
	regenerate: async (event) => {
		const user = requireUser(event);
		if (!user.twoFactorEnabled) error(409, 'Two-factor sign-in is not turned on.');
		const codes = await regenerateRecoveryCodes(getDb(), user);
		return { saved: 'regenerated' as const, recoveryCodes: codes };
	},
	disable: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const parsed = parseForm(disableTwoFactorSchema, form);
		if (!parsed.ok) return invalid(form, parsed.errors);
		const db = getDb();
		// A password and codes are guessed at here as at sign-in, so the same limit applies.
		const limit = await hitActionLimit(db, 'two-factor', user.id, event.getClientAddress());
		if (!limit.allowed)
			return invalid(form, { form: retryMessage('code', limit.retryAfterSeconds) }, 429);
		const problem = await disableTwoFactor(db, user, parsed.data.password, parsed.data.code);
		if (problem === 'admin')
			return invalid(form, { form: 'Administrators must keep two-factor sign-in on.' }, 403);
		if (problem === 'password') return invalid(form, { password: 'That is not your password.' });
		if (problem === 'code')
			return invalid(form, { code: 'That code is not right, or has been used already.' });
		return { saved: 'disabled' as const };
	}
};
