// The notice every page and export that shows rates carries, near the figures (DESIGN §3.7). UK
// competition law forbids a professional group from recommending or coordinating fees, so the words
// are fixed here once and shared by the page component, CSV and PDF exports; copy-scan.test.ts checks them.

export const RATES_NOTICE_LEAD = 'Reported rates — information only.';

export const RATES_NOTICE_BODY =
	'These figures summarise rates that individual doctors reported for work already done. ' +
	'They are not recommended, suggested, minimum or agreed rates. ' +
	'Every doctor sets their own fees independently.';

/** The whole notice as one line of plain text, for CSV and PDF exports. */
export const RATES_NOTICE_TEXT = `${RATES_NOTICE_LEAD} ${RATES_NOTICE_BODY}`;
