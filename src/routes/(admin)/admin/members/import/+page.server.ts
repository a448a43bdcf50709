import { fail } from '@sveltejs/kit';
import type { Actions } from './$types';
import { getDb } from '$lib/server/db/connection';
import { requireAdmin } from '$lib/server/auth/guards';
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
		if (typeof csv === 'string') return fail(400, { step: 'upload' as const, error: csv });
		const result = await previewImport(getDb(), csv.text);
		if (!result.ok) return fail(400, { step: 'upload' as const, error: result.error });
		return {
			step: 'preview' as const,
			csv: csv.text,
			fileName: csv.fileName,
			preview: shown(result.plan)
		};
	},
	confirm: async (event) => {
		const admin = requireAdmin(event);
		const form = await event.request.formData();
		const csv = await csvFrom(form);
		if (typeof csv === 'string') return fail(400, { step: 'upload' as const, error: csv });
		const validRowsOnly = form.get('validRowsOnly') === 'on';
		const result = await applyImport(getDb(), { id: admin.id, label: admin.email }, csv.text, {
			validRowsOnly,
			fileName: csv.fileName
		});
		if (!result.ok) {
			return fail(400, {
				step: result.plan ? ('preview' as const) : ('upload' as const),
				error: result.error,
				csv: csv.text,
				fileName: csv.fileName,
				preview: result.plan ? shown(result.plan) : undefined
			});
		}
		return { step: 'done' as const, summary: result.summary };
	}
};
