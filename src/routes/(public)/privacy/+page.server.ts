import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/connection';
import { publicationSettings } from '$lib/server/rates/settings';

// The threshold in force (an admin setting), so the page's promise matches what is published.
export const load: PageServerLoad = async () => {
	const { minContributors } = await publicationSettings(getDb());
	return { minContributors };
};
