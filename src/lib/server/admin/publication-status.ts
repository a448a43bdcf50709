import type { Db } from '../db/index';
import { isPublicationRunning } from '../rates/publication';
import type { PublicationSettings } from '../rates/publication';
import { dueQuarters, nextDueDate } from '../../domain/calendar';

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
