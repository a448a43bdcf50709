import { json } from '@sveltejs/kit';
import type { z } from 'zod';
import { fieldErrors, type FieldErrors } from './forms';

/** A JSON answer carrying a message for people (and field messages), never cached. */
export function jsonMessage(status: number, message: string, errors?: FieldErrors): Response {
	return json(errors ? { message, errors } : { message }, {
		status,
		headers: { 'cache-control': 'no-store' }
	});
}

/**
 * Reads a JSON body against `schema` for an endpoint the app's own scripts post to. Another
 * content type, a body that is not JSON, or one not of the expected shape is a 400 with a
 * message, never a 500. Only application/json is read: a cross-site form cannot send it without
 * the browser asking first, and SvelteKit's CSRF check refuses the form types from elsewhere.
 */
export async function readJsonBody<S extends z.ZodType>(
	request: Request,
	schema: S,
	message: string
): Promise<{ ok: true; data: z.infer<S> } | { ok: false; response: Response }> {
	const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
	if (type !== 'application/json')
		return { ok: false, response: jsonMessage(400, 'Send this request as application/json.') };
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		return { ok: false, response: jsonMessage(400, 'This request is not valid JSON.') };
	}
	const parsed = schema.safeParse(body);
	if (!parsed.success)
		return { ok: false, response: jsonMessage(400, message, fieldErrors(parsed.error)) };
	return { ok: true, data: parsed.data };
}
