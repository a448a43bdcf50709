import type { PageServerLoad } from './$types';
import { AREAS } from '../../../../../data/geography';
import { countBand, OUTLIER_Z_THRESHOLD } from '$lib/domain/rate-stats';
import {
	HARD_BOUNDS,
	RATE_CATEGORIES,
	SOFT_BOUNDS,
	STANDARD_SESSION_MINUTES,
	perSessionEquivalentPence
} from '$lib/domain/rate-units';
import { TREND_QUARTERS } from '$lib/server/rates/read';
import { publicationSettings } from '$lib/server/rates/settings';
import { getDb } from '$lib/server/db/connection';
import { WINDOW_MONTHS } from '$lib/domain/calendar';

// The page explains the rules in force, so every figure on it comes from the code that applies them.
export const load: PageServerLoad = async () => {
	// The settings in force at this request (the admin settings page, else the environment), with
	// the rule that detail never starts below k.
	const { minContributors, detailContributors, lagMonths } = await publicationSettings(getDb());

	// The bands a published cell can show, found by asking countBand rather than restating its bins.
	// 1000 is the largest k the configuration allows, so every bin's lower edge is below it.
	const bands = new Map<string, { label: string; confidence: string }>();
	for (let count = minContributors; count <= Math.max(minContributors, 1000); count++) {
		const band = countBand(count, minContributors);
		bands.set(band.countBand, {
			label: band.countBand.replace('-', '–'),
			confidence: band.confidence
		});
	}

	const areaCount = (type: (typeof AREAS)[number]['type']) =>
		AREAS.filter((a) => a.type === type).length;

	const examplePerHour = 90;

	return {
		minContributors,
		detailContributors,
		lagMonths,
		windowMonths: WINDOW_MONTHS,
		categories: RATE_CATEGORIES.map(({ code, name, description }) => ({ code, name, description })),
		countBands: [...bands.values()],
		trendQuarters: TREND_QUARTERS,
		sessionMinutes: STANDARD_SESSION_MINUTES,
		example: {
			perHour: examplePerHour,
			perSession: perSessionEquivalentPence(examplePerHour * 100) / 100
		},
		bounds: {
			hardMinPerHour: HARD_BOUNDS.minPencePerHour / 100,
			hardMaxPerHour: HARD_BOUNDS.maxPencePerHour / 100,
			minHours: HARD_BOUNDS.minHoursWorked,
			maxHours: HARD_BOUNDS.maxHoursWorked,
			softMinPerHour: SOFT_BOUNDS.minPencePerHour / 100,
			softMaxPerHour: SOFT_BOUNDS.maxPencePerHour / 100,
			outlierZ: OUTLIER_Z_THRESHOLD
		},
		areas: {
			icbs: areaCount('icb'),
			healthBoards: areaCount('health_board'),
			localHealthBoards: areaCount('local_health_board')
		}
	};
};
