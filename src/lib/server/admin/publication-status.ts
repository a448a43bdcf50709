import type { Db } from '../db/index';
import { dueQuarters, isQuarterDue, lastClosedQuarter } from '../../domain/rate-stats';
import { addDays, addMonths } from '../../format';
import { isPublicationRunning } from '../rates/publication';
import type { PublicationSettings } from '../rates/publication';

/** The first day of the month a quarter ending on `quarterEnd` becomes due (DESIGN §3.4). */
export function dueDateOf(quarterEnd: string, lagMonths: number): string {
	return addMonths(`${quarterEnd.slice(0, 7)}-01`, 1 + lagMonths);
}

/** The quarter after the one ending on `quarterEnd`. */
function nextQuarterEnd(quarterEnd: string): string {
	return addDays(addMonths(`${quarterEnd.slice(0, 7)}-01`, 4), -1);
}

/**
 * When the next quarter becomes due: the first quarter that is not due yet. Quarters already due
 * but not published are reported separately (they wait for a run).
 */
export function nextDueDate(
	today: string,
	lagMonths: number
): { quarterEnd: string; dueOn: string } {
	let quarter = lastClosedQuarter(today);
	while (isQuarterDue(quarter, today, lagMonths)) quarter = nextQuarterEnd(quarter);
	return { quarterEnd: quarter, dueOn: dueDateOf(quarter, lagMonths) };
}

/** What the publication page shows: snapshots, what is due, and whether a run holds the lock. */
export async function publicationStatus(db: Db, today: string, settings: PublicationSettings) {
	const [snapshots, earliest, running] = await Promise.all([
		db
			.selectFrom('rate_snapshots')
			.select([
				'quarter_end',
				'window_from',
				'window_to',
				'published_at',
				'cells_published',
				'cells_suppressed',
				'min_contributors'
			])
			.orderBy('quarter_end', 'desc')
			.execute(),
		db
			.selectFrom('rate_submissions')
			.select((eb) => eb.fn.min('work_month').as('month'))
			.where('status', '=', 'accepted')
			.executeTakeFirst(),
		isPublicationRunning(db)
	]);
	const published = new Set(snapshots.map((s) => s.quarter_end));
	const waiting = dueQuarters(today, settings.lagMonths, earliest?.month ?? null).filter(
		(q) => !published.has(q)
	);
	return {
		running,
		waiting,
		next: nextDueDate(today, settings.lagMonths),
		snapshots: snapshots.map((s) => ({
			quarterEnd: s.quarter_end,
			windowFrom: s.window_from,
			windowTo: s.window_to,
			publishedAt: new Date(s.published_at).toISOString(),
			cellsPublished: s.cells_published,
			cellsSuppressed: s.cells_suppressed,
			minContributors: s.min_contributors
		}))
	};
}
