import type { RequestEvent } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db/connection';

import { loadReport, parsePeriod } from '$lib/server/diary/report';
import * as clock from '../clock';

/** The report a download asks for (?from=&to=, as on the reports page); a bad period → 400. */
export async function reportFor(event: RequestEvent) {
	const user = requireUser(event);
	const parsed = parsePeriod(event.url.searchParams, clock.today());
	if (!parsed.ok) {
		return { user, error: new Response(Object.values(parsed.errors).join(' '), { status: 400 }) };
	}
	return { user, error: null, data: await loadReport(getDb(), user.id, parsed.period) };
}
