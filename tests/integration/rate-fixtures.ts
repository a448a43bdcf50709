import type { Db } from '../../src/lib/server/db/index';
import { contributorKey } from '../../src/lib/server/rates/contributor';
import type { PublicationSettings } from '../../src/lib/server/rates/publication';
import { insertSubmissionRows, submissionRow } from '../../scripts/seed/rates';
import type { AreaCode } from '../../src/lib/domain/geography';
import type { RateCategory } from '../../src/lib/domain/rate-units';
import type { RateSubmissionInput } from '../../src/lib/schemas/rates';

// What the rate tests share. Publication runs take an explicit day, so the windows do not move
// with the calendar: on 24 Nov 2026 with a lag of one month the last due quarter ends 30 Sep 2026,
// and its window is the work months 2025-10 to 2026-09.
export const TODAY = '2026-11-24';
export const SETTINGS: PublicationSettings = {
	minContributors: 10,
	detailContributors: 20,
	lagMonths: 1
};
export const IN_WINDOW = '2026-08';
export const IN_HOURS: RateCategory = 'in_hours_session';
export const DEVON: AreaCode = 'E54000037';
export const CORNWALL: AreaCode = 'E54000036';

export interface Doctors {
	/** Distinguishes groups of doctors within one case. */
	prefix: string;
	pounds: (i: number) => number;
	month?: string | ((i: number) => string);
	area?: string;
	category?: RateCategory;
}

/** n doctors with one £/h submission each (4 hours, 14 booked contacts), inserted directly. */
export async function addDoctors(db: Db, n: number, d: Doctors): Promise<void> {
	const rows = Array.from({ length: n }, (_, i) =>
		submissionRow({
			contributorKey: contributorKey(`${d.prefix}-${i}`),
			category: d.category ?? IN_HOURS,
			workMonth: typeof d.month === 'function' ? d.month(i) : (d.month ?? IN_WINDOW),
			areaCode: d.area ?? DEVON,
			amountPence: Math.round(d.pounds(i) * 100),
			basis: 'per_hour',
			hoursWorked: 4,
			bookedContacts: 14
		})
	);
	await insertSubmissionRows(db, rows);
}

/** A valid submission form's values: £90 an hour in Devon, in the window; override any. */
export function submissionInput(overrides: Partial<RateSubmissionInput> = {}): RateSubmissionInput {
	return {
		category: IN_HOURS,
		workMonth: IN_WINDOW,
		areaCode: DEVON,
		amountPence: 90_00,
		basis: 'per_hour',
		hoursWorked: 4,
		bookedContacts: 14,
		homeVisitsIncluded: false,
		adminIncluded: true,
		bookingRoute: 'direct',
		...overrides
	};
}
