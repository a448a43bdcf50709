import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/connection';
import { requireAdmin } from '$lib/server/auth/guards';
import { publishDueSnapshots } from '$lib/server/rates/publication';
import { publicationSettings } from '$lib/server/rates/settings';
import { todayInLondon } from '$lib/format';

export const load: PageServerLoad = async () => {
	const snapshots = await getDb()
		.selectFrom('rate_snapshots')
		.select(['quarter_end', 'window_from', 'window_to', 'published_at', 'cells_published', 'cells_suppressed'])
		.orderBy('quarter_end', 'desc')
		.execute();
	return {
		snapshots: snapshots.map((s) => ({ ...s, published_at: new Date(s.published_at).toISOString() })),
		settings: publicationSettings()
	};
};

export const actions: Actions = {
	publish: async (event) => {
		const admin = requireAdmin(event);
		const run = await publishDueSnapshots(getDb(), todayInLondon(), publicationSettings(), {
			id: admin.id,
			label: admin.email
		});
		return { run };
	}
};
