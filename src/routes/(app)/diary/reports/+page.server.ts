import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db/connection';

import { loadReport, parsePeriod } from '$lib/server/diary/report';
import * as clock from '$lib/server/clock';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const parsed = parsePeriod(event.url.searchParams, clock.today());
	const { report, settings, entries, workplaces } = await loadReport(
		getDb(),
		user.id,
		parsed.period
	);
	return {
		period: parsed.period,
		errors: parsed.ok ? null : parsed.errors,
		asked: {
			from: event.url.searchParams.get('from') ?? parsed.period.from,
			to: event.url.searchParams.get('to') ?? parsed.period.to
		},
		report,
		contactLimit: settings.contactLimit,
		overtime: {
			core: settings.coreMultiplier,
			outside: settings.outsideCoreMultiplier,
			toilCore: settings.toilHoursPerCoreHour,
			toilOutside: settings.toilHoursPerOutsideCoreHour
		},
		entryCount: entries.length,
		hasWorkplaces: workplaces.length > 0
	};
};
