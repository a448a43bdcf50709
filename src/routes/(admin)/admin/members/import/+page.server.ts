import { fail } from '@sveltejs/kit';
import type { Actions } from './$types';
import { getDb } from '$lib/server/db/connection';
import { requireAdmin } from '$lib/server/auth/guards';
import { invalid } from '$lib/server/forms';
import {
	applyImport,
	MAX_IMPORT_BYTES,
	previewImport,
	type ImportPlan
} from '$lib/server/membership/csv-import';

const PREVIEW_ROWS_SHOWN = 1000;

/** The file, or the pasted text when no file was chosen. */
async function csvFrom(
	form: FormData
): Promise<{ text: string; fileName: string | null } | string> {
	const file = form.get('file');
	if (file instanceof File && file.size > 0) {
		if (file.size > MAX_IMPORT_BYTES)
			return `The file is larger than ${MAX_IMPORT_BYTES / 1024} KB. Split it.`;
		return { text: await file.text(), fileName: file.name.slice(0, 200) };
	}
	const pasted = form.get('csv');
	if (typeof pasted === 'string' && pasted.trim()) {
		return { text: pasted, fileName: String(form.get('fileName') ?? '').slice(0, 200) || null };
	}
	return 'Choose a CSV file, or paste its rows.';
}

/**
 * The file as the preview's confirm form sends it back: whole, where a failed form's values
 * (formValues) are cut short.
 */
function sent(csv: { text: string; fileName: string | null }) {
	return { csv: csv.text, fileName: csv.fileName ?? '' };
}

/** The preview sent to the page: every row's outcome, without account ids. */
function shown(plan: ImportPlan) {
	return {
		counts: plan.counts,
		total: plan.rows.length,
		rows: plan.rows.slice(0, PREVIEW_ROWS_SHOWN).map((r) => ({
			line: r.line,
			email: r.email,
			outcome: r.outcome,
			detail:
				r.outcome === 'rejected'
					? r.reason
					: r.outcome === 'pending'
						? `${r.note}; until ${r.validUntil}`
						: r.outcome === 'unchanged'
							? `already a member until ${r.currentUntil}`
							: r.currentUntil
								? `extended from ${r.currentUntil} to ${r.validUntil}`
								: `member until ${r.validUntil}`
		}))
	};
}

export const actions: Actions = {
	preview: async (event) => {
		requireAdmin(event);
		const form = await event.request.formData();
		const csv = await csvFrom(form);
		if (typeof csv === 'string') return invalid(form, { form: csv });
		const result = await previewImport(getDb(), csv.text);
		if (!result.ok) return invalid(form, { form: result.error });
		return { values: sent(csv), preview: shown(result.plan) };
	},
	confirm: async (event) => {
		const admin = requireAdmin(event);
		const form = await event.request.formData();
		const csv = await csvFrom(form);
		if (typeof csv === 'string') return invalid(form, { form: csv });
		const validRowsOnly = form.get('validRowsOnly') === 'on';
		const result = await applyImport(getDb(), { id: admin.id, label: admin.email }, csv.text, {
			validRowsOnly,
			fileName: csv.fileName
		});
		if (!result.ok) {
			// The failure's shape, with the preview again when there is one to confirm anew.
			return fail(400, {
				errors: { form: result.error },
				values: sent(csv),
				preview: result.plan ? shown(result.plan) : undefined
			});
		}
		return { summary: result.summary };
	}
};
