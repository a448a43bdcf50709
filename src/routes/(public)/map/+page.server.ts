import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/connection';
import { rateAudienceFor } from '$lib/server/rates/audience';
import { keptRateCells } from '$lib/server/rates/cache';
import { currentPublishedSnapshot, readPublished } from '$lib/server/rates/published';
import { listRateCategories } from '$lib/server/rates/read';
import { publicationSettings } from '$lib/server/rates/settings';

export const load: PageServerLoad = async ({ url, locals }) => {
	const db = getDb();
	const audience = await rateAudienceFor(db, locals.user);
	const snapshot = await currentPublishedSnapshot();
	// Published figures are read on the replica when it has this snapshot (rates/published.ts).
	const { categories, category, rates } = await readPublished(snapshot, async (published) => {
		const categories = await listRateCategories(published);
		const requested = url.searchParams.get('category');
		const category = categories.find((c) => c.code === requested)?.code ?? categories[0].code;
		// The two shapes are built separately so a non-member's page data never holds member
		// fields; both are the map endpoint's kept answers for this snapshot (rates/cache.ts).
		const rates =
			audience === 'member'
				? { audience, ...(await keptRateCells(published, category, 'member', snapshot))! }
				: { audience, ...(await keptRateCells(published, category, 'public', snapshot))! };
		return { categories, category, rates };
	});
	// The threshold in force (an admin setting), so the page's promise matches what it publishes.
	const { minContributors, detailContributors } = await publicationSettings(db);
	return { categories, category, rates, minContributors, detailContributors };
};
