import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db/connection';

import { CSV_TABLES, exportAll, exportCsv, type CsvTable } from '$lib/server/diary/export';
import { attachment } from '$lib/server/http';
import * as clock from '$lib/server/clock';

/** ?format=json: everything in one file; ?format=csv&table=…: one table as CSV. */
export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const data = await exportAll(getDb(), user.id);
	const format = event.url.searchParams.get('format') ?? 'json';
	const stamp = clock.today();
	if (format === 'json') {
		const body = JSON.stringify(
			{
				exportedAt: clock.now().toISOString(),
				account: { name: user.name, email: user.email },
				...data
			},
			null,
			2
		);
		return attachment(body, 'application/json; charset=utf-8', `sessional-export-${stamp}.json`);
	}
	const table = event.url.searchParams.get('table') ?? 'entries';
	if (format !== 'csv' || !(CSV_TABLES as readonly string[]).includes(table)) {
		error(400, 'Ask for format=json, or format=csv with a table.');
	}
	return attachment(
		exportCsv(data, table as CsvTable),
		'text/csv; charset=utf-8',
		`sessional-${table.replace('_', '-')}-${stamp}.csv`
	);
};
