import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db/connection';

import { isAcceptedDate } from '$lib/domain/calendar';
import { loadWeek } from '$lib/server/diary/week';
import { listTemplates } from '$lib/server/diary/templates';
import { copyAction, logPlannedAction, logTemplateAction } from '$lib/server/diary/form-actions';
import * as clock from '$lib/server/clock';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const today = clock.today();
	const asked = event.url.searchParams.get('week') ?? '';
	const date = isAcceptedDate(asked) ? asked : today;
	const db = getDb();
	const [week, templates] = await Promise.all([
		loadWeek(db, user.id, date, today),
		listTemplates(db, user.id)
	]);
	return {
		week,
		templates: templates.map((t) => ({ id: t.id, name: t.name })),
		saved: event.url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	logPlanned: logPlannedAction,
	logTemplate: logTemplateAction,
	copy: copyAction
};
