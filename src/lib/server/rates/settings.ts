import type { Db } from '../db/index';
import { readSettings, type AppSettings } from '../settings';
import type { PublicationSettings } from './publication';

/** The publication thresholds in force, from the runtime settings (admin page, else environment). */
export async function publicationSettings(db: Db): Promise<PublicationSettings> {
	return publicationSettingsFrom(await readSettings(db));
}

/** Detail never starts below k, whatever was stored. */
function publicationSettingsFrom(s: AppSettings): PublicationSettings {
	return {
		minContributors: s.minContributors,
		detailContributors: Math.max(s.detailContributors, s.minContributors),
		lagMonths: s.publicationLagMonths
	};
}
