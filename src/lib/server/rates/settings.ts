import { config } from '../config';
import type { PublicationSettings } from './publication';

/** The publication thresholds in force (environment now; the admin settings page later). */
export function publicationSettings(): PublicationSettings {
	const c = config();
	return {
		minContributors: c.RATE_MIN_CONTRIBUTORS,
		quartileContributors: Math.max(c.RATE_DETAIL_CONTRIBUTORS, c.RATE_MIN_CONTRIBUTORS),
		lagMonths: c.PUBLICATION_LAG_MONTHS
	};
}
