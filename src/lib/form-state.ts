// A page with several forms: each posts a hidden `_form` name, and its action's failure comes back
// as { values, errors }, so a message and what was typed show beside the form they came from.

type Fields = Record<string, string | undefined>;

function posted(form: unknown, name: string): { values: Fields; errors?: Fields } | null {
	if (!form || typeof form !== 'object' || !('values' in form)) return null;
	const { values, errors } = form as { values?: Fields; errors?: Fields };
	return values?._form === name ? { values, errors } : null;
}

/** The messages for the form called `name`, if its submission is the one that failed. */
export function errorsFor(form: unknown, name: string): Record<string, string> | null {
	return (posted(form, name)?.errors as Record<string, string> | undefined) ?? null;
}

/** What was typed in `field` of the form called `name`, or `fallback`. */
export function valueFor(form: unknown, name: string, field: string, fallback: string): string {
	return posted(form, name)?.values[field] ?? fallback;
}

/** Every field of the form called `name` as typed, over `fallback`. */
export function valuesFor(
	form: unknown,
	name: string,
	fallback: Record<string, string>
): Record<string, string> {
	const values = posted(form, name)?.values;
	return values ? ({ ...fallback, ...values } as Record<string, string>) : fallback;
}
