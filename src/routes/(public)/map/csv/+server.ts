import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db/connection';
import { attachment } from '$lib/server/http';
import { rateAudienceFor } from '$lib/server/rates/audience';
import { listRateCategories } from '$lib/server/rates/read';
import {
	buildRatesCsv,
	RATES_CSV_MEMBERS_ONLY,
	ratesCsvFilename,
	readPublishedRates
} from '$lib/server/rates/export';

/**
 * Members' CSV of the latest snapshot's published cells: every kind of work, or ?category=… for
 * one. Visitors are sent to sign in; a signed-in non-member is refused before anything is read.
 */
export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	if ((await rateAudienceFor(db, user)) !== 'member') error(403, RATES_CSV_MEMBERS_ONLY);

	const categories = await listRateCategories(db);
	const requested = event.url.searchParams.get('category') || null;
	if (requested !== null && !categories.some((c) => c.code === requested)) {
		error(400, 'No such kind of work: leave out ?category= for all of them.');
	}
	const rates = await readPublishedRates(
		db,
		requested ? [requested] : categories.map((c) => c.code)
	);
	if (!rates) error(404, 'No figures have been published yet.');
	return attachment(
		buildRatesCsv(rates),
		'text/csv; charset=utf-8',
		ratesCsvFilename(rates.snapshot, requested)
	);
};
