import type { RequestHandler } from './$types';
import { buildReportPdf } from '$lib/server/diary/exports/pdf';
import { reportFor } from '$lib/server/diary/download';
import { attachment } from '$lib/server/http';

export const GET: RequestHandler = async (event) => {
	const { user, error, data } = await reportFor(event);
	if (error) return error;
	const pdf = await buildReportPdf({
		doctor: { name: user.name, email: user.email },
		report: data.report,
		entries: data.entries,
		settings: data.settings
	});
	const { from, to } = data.period;
	return attachment(
		new Uint8Array(pdf),
		'application/pdf',
		`sessional-report-${from}-to-${to}.pdf`
	);
};
