import type { RequestHandler } from './$types';
import { buildEntriesCsv, buildWeeksCsv } from '$lib/server/diary/exports/csv';
import { reportFor } from '$lib/server/diary/download';
import { attachment } from '$lib/server/http';

/** ?kind=weeks gives the weekly summary; otherwise every entry of the period. */
export const GET: RequestHandler = async (event) => {
	const { error, data } = await reportFor(event);
	if (error) return error;
	const weeks = event.url.searchParams.get('kind') === 'weeks';
	const { from, to } = data.period;
	return attachment(
		weeks ? buildWeeksCsv(data.report) : buildEntriesCsv(data.entries),
		'text/csv; charset=utf-8',
		`sessional-${weeks ? 'weeks' : 'entries'}-${from}-to-${to}.csv`
	);
};
