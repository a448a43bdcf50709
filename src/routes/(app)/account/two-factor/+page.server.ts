import { error } from '@sveltejs/kit';
import { renderSVG } from 'uqr';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/connection';
import { requireUser, safeRedirectTarget } from '$lib/server/auth/guards';
import {
	formatTotpKey,
	hasConfirmedTotp,
	startTotpEnrolment,
	totpKeyUri
} from '$lib/server/auth/totp';
import { countUnusedRecoveryCodes, RECOVERY_CODE_COUNT } from '$lib/server/auth/recovery-codes';
import { listPasskeys } from '$lib/server/auth/passkeys';
import {
	confirmTotpEnrolment,
	disableTwoFactor,
	regenerateRecoveryCodes,
	removePasskey
} from '$lib/server/auth/two-factor';
import { hitActionLimit } from '$lib/server/auth/limits';
import { retryMessage } from '$lib/server/auth/rate-limit';
import { invalid, parseForm } from '$lib/server/forms';
import {
	disableTwoFactorSchema,
	PASSKEY_NAME_MAX,
	removePasskeySchema,
	totpCodeSchema
} from '$lib/schemas/auth';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const passkeys = await listPasskeys(db, user.id);
	const totpEnabled = await hasConfirmedTotp(db, user.id);
	const common = {
		isAdmin: user.role === 'admin',
		redirectTo: safeRedirectTarget(event.url.searchParams.get('redirectTo'), event.url.origin),
		enabled: totpEnabled || passkeys.length > 0,
		passkeys,
		passkeyNameMax: PASSKEY_NAME_MAX,
		recoveryCodesLeft: await countUnusedRecoveryCodes(db, user.id),
		recoveryCodeCount: RECOVERY_CODE_COUNT
	};
	if (totpEnabled) return { ...common, totpEnabled: true as const };
	const key = await startTotpEnrolment(db, user.id);
	// Confirmed in another tab since this request's check: show the page as it is now.
	if (!key) error(409, 'The authenticator app was just turned on. Reload the page.');
	const uri = totpKeyUri(user.email, key);
	return {
		...common,
		totpEnabled: false as const,
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
		const confirmed = await confirmTotpEnrolment(
			getDb(),
			user,
			event.locals.session!.id,
			parsed.data.code
		);
		if (!confirmed) {
			return invalid(form, {
				code: 'That code is not right. Check the key was entered correctly and try the next code.'
			});
		}
		return { saved: 'enabled' as const, recoveryCodes: confirmed.recoveryCodes };
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
	},
	removePasskey: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const parsed = parseForm(removePasskeySchema, form);
		if (!parsed.ok) return invalid(form, parsed.errors);
		const db = getDb();
		// The password is guessed at here as at sign-in, so the same limit applies.
		const limit = await hitActionLimit(db, 'two-factor', user.id, event.getClientAddress());
		if (!limit.allowed)
			return invalid(form, { form: retryMessage('password', limit.retryAfterSeconds) }, 429);
		const problem = await removePasskey(db, user, parsed.data.passkey, parsed.data.password);
		if (problem === 'missing')
			return invalid(form, { passkey: 'That passkey is not one of yours. Reload the page.' });
		if (problem === 'admin')
			return invalid(
				form,
				{
					form: 'Administrators must keep a second factor: add another passkey or the authenticator app first.'
				},
				403
			);
		if (problem === 'password') return invalid(form, { password: 'That is not your password.' });
		return { saved: 'passkey-removed' as const };
	}
};
