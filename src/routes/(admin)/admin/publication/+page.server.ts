import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/connection';
import { requireAdmin } from '$lib/server/auth/guards';
import { publicationSettings } from '$lib/server/rates/settings';
import { publicationStatus } from '$lib/server/admin/publication-status';
import { jobStatuses, publishNow } from '$lib/server/jobs/index';
import { config } from '$lib/server/config';
import * as clock from '$lib/server/clock';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	const db = getDb();
	const settings = await publicationSettings(db);
	return {
		settings,
		status: await publicationStatus(db, clock.today(), settings),
		jobs: await jobStatuses(db),
		jobsOn: config().JOBS === 'on'
	};
};

export const actions: Actions = {
	publish: async (event) => {
		const admin = requireAdmin(event);
		const db = getDb();
		const started = performance.now();
		const run = await publishNow(db, { id: admin.id, label: admin.email }, 'Publish now');
		return { run, seconds: Math.round((performance.now() - started) / 100) / 10 };
	}
};
