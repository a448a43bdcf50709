import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db/connection';
import { attachment } from '$lib/server/http';
import { rateAudienceFor } from '$lib/server/rates/audience';
import { currentPublishedSnapshot, readPublished } from '$lib/server/rates/published';
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

	const requested = event.url.searchParams.get('category') || null;
	const snapshot = await currentPublishedSnapshot();
	// The list and the cells from one database and one snapshot (rates/published.ts).
	const rates = await readPublished(snapshot, async (published) => {
		const categories = await listRateCategories(published);
		if (requested !== null && !categories.some((c) => c.code === requested)) return 'unknown';
		const codes = requested ? [requested] : categories.map((c) => c.code);
		return readPublishedRates(published, codes, snapshot);
	});
	if (rates === 'unknown')
		error(400, 'No such kind of work: leave out ?category= for all of them.');
	if (!rates) error(404, 'No figures have been published yet.');
	return attachment(
		buildRatesCsv(rates),
		'text/csv; charset=utf-8',
		ratesCsvFilename(rates.snapshot, requested)
	);
};
