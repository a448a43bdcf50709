// Browser side of passkeys (the account page and the second step of sign-in). The ceremony
// itself is @simplewebauthn/browser's, imported where it is used so other pages never load it.

export type WebAuthnSupport = 'supported' | 'unsupported';

/** Whether this browser can make and use passkeys at all (asked once the page has loaded). */
export function webAuthnSupport(): WebAuthnSupport {
	return typeof window !== 'undefined' &&
		typeof window.PublicKeyCredential === 'function' &&
		typeof navigator.credentials?.create === 'function'
		? 'supported'
		: 'unsupported';
}

export type JsonAnswer =
	| { ok: true; body: unknown }
	| { ok: false; status: number; message: string; errors?: Record<string, string> };

const UNREACHABLE = 'Sessional could not be reached. Check your connection and try again.';

/** Posts `body` as JSON to one of the app's passkey endpoints; never throws. */
export async function postJson(path: string, body: unknown): Promise<JsonAnswer> {
	let response: Response;
	try {
		response = await fetch(path, {
			method: 'POST',
			headers: { 'content-type': 'application/json', accept: 'application/json' },
			body: JSON.stringify(body)
		});
	} catch {
		return { ok: false, status: 0, message: UNREACHABLE };
	}
	let parsed: unknown = null;
	try {
		parsed = await response.json();
	} catch {
		// An answer that is not JSON (a proxy's error page, say) is told as a failure below.
	}
	if (response.ok && parsed !== null) return { ok: true, body: parsed };
	const answer = (parsed ?? {}) as { message?: unknown; errors?: Record<string, string> };
	return {
		ok: false,
		status: response.status,
		message:
			typeof answer.message === 'string'
				? answer.message
				: `Something went wrong (${response.status}). Try again.`,
		errors: answer.errors
	};
}
