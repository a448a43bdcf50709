import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formValues, parseForm } from './forms';

const schema = z.object({
	name: z.string().min(1, 'Enter your name.'),
	note: z.string().optional()
});

function form(entries: Record<string, string>): FormData {
	const data = new FormData();
	for (const [k, v] of Object.entries(entries)) data.append(k, v);
	return data;
}

describe('parseForm', () => {
	it('returns the parsed values when they are valid', () => {
		expect(parseForm(schema, form({ name: 'Dr A', note: 'x' }))).toEqual({
			ok: true,
			data: { name: 'Dr A', note: 'x' }
		});
	});

	it('returns the first message per field', () => {
		expect(parseForm(schema, form({ name: '' }))).toEqual({
			ok: false,
			errors: { name: 'Enter your name.' }
		});
	});

	it('refuses NUL characters, which PostgreSQL text cannot store', () => {
		const result = parseForm(schema, form({ name: 'Dr\u0000A' }));
		expect(result.ok).toBe(false);
		expect(!result.ok && result.errors.name).toMatch(/control characters/);
	});
});

describe('formValues', () => {
	it('keeps what was typed but never sends passwords or tokens back', () => {
		expect(
			formValues(form({ email: 'a@b.org', password: 'secret-1234', confirm: 'x', token: 't' }))
		).toEqual({ email: 'a@b.org' });
	});
});
