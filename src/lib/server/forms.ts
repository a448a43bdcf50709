import { fail } from '@sveltejs/kit';
import type { z } from 'zod';

export type FieldErrors = Record<string, string>;

/** Fields never sent back to the browser after a failed submit. */
const SECRET_FIELDS = new Set(['password', 'confirm', 'current', 'token']);

/** What the person typed, minus secrets, so a failed form can show it again. */
export function formValues(form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of form.entries()) {
		if (typeof value === 'string' && !SECRET_FIELDS.has(key)) values[key] = value.slice(0, 2000);
	}
	return values;
}

/** First message for each field; form-wide messages go under `form`. */
export function fieldErrors(error: z.ZodError): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of error.issues) {
		const key = issue.path.length ? String(issue.path[0]) : 'form';
		errors[key] ??= issue.message;
	}
	return errors;
}

export function parseForm<S extends z.ZodType>(
	schema: S,
	form: FormData
): { ok: true; data: z.infer<S> } | { ok: false; errors: FieldErrors } {
	const raw: Record<string, unknown> = {};
	const control: FieldErrors = {};
	for (const [key, value] of form.entries()) {
		if (typeof value !== 'string') continue;
		raw[key] = value;
		// PostgreSQL text cannot hold NUL; refuse it here rather than fail in the database.
		if (value.includes('\u0000'))
			control[key] = 'Remove the hidden control characters from this field.';
	}
	if (Object.keys(control).length > 0) return { ok: false, errors: control };
	const result = schema.safeParse(raw);
	return result.success
		? { ok: true, data: result.data }
		: { ok: false, errors: fieldErrors(result.error) };
}

/**
 * Every form action's failure: the messages by field (form-wide ones under `form`) and what was
 * typed, so the page shows each message beside its field and keeps the input. `form` is null for
 * an action that reads no fields (a button alone).
 */
export function invalid(form: FormData | null, errors: FieldErrors, status = 400) {
	return fail(status, { errors, values: form ? formValues(form) : {} });
}
