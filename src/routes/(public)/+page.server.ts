import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/connection';
import { publicationSettings } from '$lib/server/rates/settings';
import { DEFAULT_OVERTIME_SETTINGS } from '$lib/domain/diary-model';

// The threshold in force (an admin setting), so the page's promise matches what is published, and
// the overtime rates a new diary starts with (each doctor may change their own).
export const load: PageServerLoad = async () => {
	const { minContributors } = await publicationSettings(getDb());
	const { coreMultiplier, outsideCoreMultiplier } = DEFAULT_OVERTIME_SETTINGS;
	return {
		minContributors,
		overtimePercent: { core: coreMultiplier * 100, outsideCore: outsideCoreMultiplier * 100 }
	};
};
