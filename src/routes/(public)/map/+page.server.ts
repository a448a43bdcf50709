import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/connection';
import { rateAudienceFor } from '$lib/server/rates/audience';
import { latestSnapshot, listRateCategories, readRateCells } from '$lib/server/rates/read';

export const load: PageServerLoad = async ({ url, locals }) => {
	const db = getDb();
	const categories = await listRateCategories(db);
	const requested = url.searchParams.get('category');
	const category = categories.find((c) => c.code === requested)?.code ?? categories[0].code;
	const audience = await rateAudienceFor(db, locals.user);
	const snapshot = await latestSnapshot(db);
	// The two shapes are read separately so a non-member's page data never holds member fields.
	const rates =
		audience === 'member'
			? { audience, ...(await readRateCells(db, category, 'member', snapshot))! }
			: { audience, ...(await readRateCells(db, category, 'public', snapshot))! };
	return { categories, category, rates };
};
