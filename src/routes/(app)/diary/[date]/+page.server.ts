import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db/connection';

import { entryToFormValues } from '$lib/schemas/diary';
import { isAcceptedDate } from '$lib/domain/calendar';
import { findEntry } from '$lib/server/diary/entries';
import { loadWeek } from '$lib/server/diary/week';
import { findEntryUpdatedAt } from '$lib/server/diary/sync';
import { findTemplate, listTemplates } from '$lib/server/diary/templates';
import {
	deleteEntryAction,
	logPlannedAction,
	logTemplateAction,
	saveEntryAction
} from '$lib/server/diary/form-actions';
import * as clock from '$lib/server/clock';
import { CONTACT_MODES, ACTIVITY_KINDS, ADMIN_COUNT_KINDS } from '$lib/domain/vocabulary';

const zeros = <K extends string>(keys: readonly K[]) =>
	Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const date = event.params.date;
	if (!isAcceptedDate(date)) error(404, 'There is no such date.');
	const today = clock.today();
	const db = getDb();
	const [week, templates] = await Promise.all([
		loadWeek(db, user.id, date, today),
		listTemplates(db, user.id)
	]);
	const day = week.days.find((d) => d.date === date)!;

	const entryId = event.url.searchParams.get('entry');
	let values: Record<string, string>;
	let editing: string | null = null;
	let editingUpdatedAt: string | null = null;
	if (entryId) {
		const entry = await findEntry(db, user.id, entryId);
		if (!entry || entry.date !== date) error(404, 'That entry was not found.');
		values = entryToFormValues(entry);
		editing = entry.id;
		editingUpdatedAt = (await findEntryUpdatedAt(db, user.id, entry.id)) ?? null;
	} else {
		const templateId = event.url.searchParams.get('template');
		const template = templateId ? await findTemplate(db, user.id, templateId) : undefined;
		const slot = day.planned.find((p) => !p.logged);
		const active = week.workplaces.filter((w) => !w.archived);
		values = entryToFormValues(
			template?.fields ?? {
				workplaceId: slot?.workplaceId ?? active[0]?.id ?? '',
				sessionType: slot?.sessionType ?? 'surgery',
				start: slot?.start ?? null,
				finish: slot?.end ?? null,
				breakMinutes: 0,
				activities: zeros(ACTIVITY_KINDS),
				contacts: zeros(CONTACT_MODES),
				adminCounts: zeros(ADMIN_COUNT_KINDS),
				remoteOohMinutes: 0,
				notes: null,
				feePence: null,
				feeBasis: null,
				feeExtrasPence: null
			}
		);
	}
	const workplaces = week.workplaces
		.filter((w) => !w.archived || w.id === values.workplaceId)
		.map((w) => ({ id: w.id, name: w.name, basis: w.basis }));

	return {
		date,
		today,
		day,
		values,
		editing,
		editingUpdatedAt,
		workplaces,
		templates: templates.map((t) => ({ id: t.id, name: t.name })),
		logged: event.url.searchParams.has('logged'),
		deleted: event.url.searchParams.has('deleted')
	};
};

export const actions: Actions = {
	save: saveEntryAction,
	delete: deleteEntryAction,
	logPlanned: logPlannedAction,
	logTemplate: logTemplateAction
};
