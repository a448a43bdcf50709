import type { RequestHandler } from './$types';
import { buildSessionsIcs } from '$lib/server/diary/exports/ics';
import { reportFor } from '$lib/server/diary/download';
import { attachment } from '$lib/server/http';

export const GET: RequestHandler = async (event) => {
	const { error, data } = await reportFor(event);
	if (error) return error;
	const { from, to } = data.period;
	return attachment(
		buildSessionsIcs(data.entries, { calendarName: 'Sessional diary' }),
		'text/calendar; charset=utf-8',
		`sessional-sessions-${from}-to-${to}.ics`
	);
};
