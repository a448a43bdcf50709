import { z } from 'zod';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;
export const DOCTOR_KINDS = ['salaried', 'locum', 'retainer', 'other'] as const;
export const DOCTOR_KIND_LABELS: Record<(typeof DOCTOR_KINDS)[number], string> = {
	salaried: 'Salaried GP',
	locum: 'Locum GP',
	retainer: 'Retainer GP',
	other: 'Other sessional GP'
};

export const email = z
	.string({ error: 'Enter your email address.' })
	.trim()
	.toLowerCase()
	.min(1, 'Enter your email address.')
	.max(254, 'That email address is too long.')
	.pipe(z.email({ error: 'Enter an email address like name@example.com.' }));

export const newPassword = z
	.string({ error: 'Enter a password.' })
	.min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
	.max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);

const name = z
	.string({ error: 'Enter your name.' })
	.trim()
	.min(1, 'Enter your name.')
	.max(100, 'Use at most 100 characters.');

export const registerSchema = z.object({
	name,
	email,
	doctorKind: z.enum(DOCTOR_KINDS, { error: 'Choose the kind of work you mostly do.' }),
	password: newPassword,
	terms: z.literal('on', { error: 'Agree to the terms to register.' })
});

export const signInSchema = z.object({
	email,
	password: z
		.string({ error: 'Enter your password.' })
		.min(1, 'Enter your password.')
		.max(PASSWORD_MAX, 'Wrong email or password.')
});

export const requestResetSchema = z.object({ email });

export const resetPasswordSchema = z
	.object({
		token: z.string().min(1).max(100),
		password: newPassword,
		confirm: z.string({ error: 'Repeat the new password.' })
	})
	.refine((v) => v.password === v.confirm, {
		path: ['confirm'],
		message: 'The two passwords are different.'
	});

export const changePasswordSchema = z
	.object({
		current: z
			.string({ error: 'Enter your current password.' })
			.min(1, 'Enter your current password.'),
		password: newPassword,
		confirm: z.string({ error: 'Repeat the new password.' })
	})
	.refine((v) => v.password === v.confirm, {
		path: ['confirm'],
		message: 'The two passwords are different.'
	});

export const profileSchema = z.object({
	name,
	doctorKind: z.enum(DOCTOR_KINDS, { error: 'Choose the kind of work you mostly do.' })
});

export const deleteAccountSchema = z.object({
	password: z
		.string({ error: 'Enter your password to confirm.' })
		.min(1, 'Enter your password to confirm.'),
	confirmText: z.literal('DELETE', { error: 'Type DELETE to confirm.' })
});

/** Six digits from an authenticator app; spaces are allowed, as some apps show them. */
export const totpCodeSchema = z.object({
	code: z
		.string({ error: 'Enter the 6-digit code from your authenticator app.' })
		.transform((v) => v.replace(/\s/g, ''))
		.pipe(z.string().regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app.'))
});

export const recoveryCodeSchema = z.object({
	recoveryCode: z
		.string({ error: 'Enter one of your recovery codes.' })
		.trim()
		.min(1, 'Enter one of your recovery codes.')
		.max(40, 'That is not a recovery code.')
});

export const disableTwoFactorSchema = z.object({
	password: z
		.string({ error: 'Enter your password.' })
		.min(1, 'Enter your password.')
		.max(PASSWORD_MAX, 'That is not your password.'),
	code: z
		.string({ error: 'Enter a code from your app or a recovery code.' })
		.trim()
		.min(1, 'Enter a code from your app or a recovery code.')
		.max(40, 'That code is not right.')
});

export const PASSKEY_NAME_MAX = 60;

/** What the doctor calls a passkey, so they can tell two apart on the account page. */
export const passkeyName = z
	.string({ error: 'Give the passkey a name, such as “Work laptop”.' })
	.trim()
	.min(1, 'Give the passkey a name, such as “Work laptop”.')
	.max(PASSKEY_NAME_MAX, `Use at most ${PASSKEY_NAME_MAX} characters.`)
	.regex(/^[^\p{Cc}]*$/u, 'Remove the hidden control characters from the name.');

export const passkeyOptionsSchema = z.object({ name: passkeyName });

// The browser's answers to a passkey ceremony, as @simplewebauthn/browser sends them. Only their
// shape is checked here (base64url strings of bounded length); the signatures, challenge and
// origin inside are checked by @simplewebauthn/server.
const base64url = z
	.string()
	.max(16_384)
	.regex(/^[A-Za-z0-9_-]*$/);
const credentialId = base64url.min(1).max(1_024);
const answerBase = {
	id: credentialId,
	rawId: credentialId,
	type: z.literal('public-key'),
	clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
	authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional()
};

export const passkeyRegistrationSchema = z.object({
	name: passkeyName,
	response: z.object({
		...answerBase,
		response: z.object({
			clientDataJSON: base64url,
			attestationObject: base64url,
			transports: z.array(z.string().max(32)).max(16).optional()
		})
	})
});

export const passkeyAuthenticationSchema = z.object({
	redirectTo: z.string().max(2_000).optional(),
	response: z.object({
		...answerBase,
		response: z.object({
			clientDataJSON: base64url,
			authenticatorData: base64url,
			signature: base64url,
			userHandle: base64url.optional()
		})
	})
});

export const removePasskeySchema = z.object({
	passkey: z
		.string({ error: 'Choose the passkey to remove.' })
		.min(1, 'Choose the passkey to remove.')
		.max(1_024, 'Choose the passkey to remove.'),
	password: z
		.string({ error: 'Enter your password.' })
		.min(1, 'Enter your password.')
		.max(PASSWORD_MAX, 'That is not your password.')
});

/** The sign-in options take no input; the body is an empty JSON object. */
export const passkeySignInOptionsSchema = z.strictObject({});
