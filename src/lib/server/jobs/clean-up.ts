import type { Db } from '../db/index';
import * as clock from '../clock';

/** How long the record of each job run is kept for the admin page. */
export const JOB_RUNS_KEPT_DAYS = 30;

export interface CleanUpRun {
	sessions: number;
	tokens: number;
	challenges: number;
	rateLimits: number;
	jobRuns: number;
}

/**
 * Deletes what has expired by the app's clock: sessions, email and reset tokens, passkey
 * challenges, rate-limit windows that have ended, and job runs older than a month. Each of these
 * is already refused once expired where it is read; this only keeps the tables small.
 */
export async function deleteExpiredRows(db: Db): Promise<CleanUpRun> {
	const now = clock.now();
	const count = (r: { numDeletedRows: bigint }) => Number(r.numDeletedRows);
	// Challenges first: they belong to sessions, and deleting a session takes its challenges too.
	const challenges = await db
		.deleteFrom('webauthn_challenges')
		.where('expires_at', '<=', now)
		.executeTakeFirst();
	const sessions = await db
		.deleteFrom('sessions')
		.where('expires_at', '<=', now)
		.executeTakeFirst();
	const tokens = await db
		.deleteFrom('auth_tokens')
		.where('expires_at', '<=', now)
		.executeTakeFirst();
	const rateLimits = await db
		.deleteFrom('rate_limit_buckets')
		.where('window_ends_at', '<=', now)
		.executeTakeFirst();
	const jobRuns = await db
		.deleteFrom('job_runs')
		.where('started_at', '<', new Date(now.getTime() - JOB_RUNS_KEPT_DAYS * 86_400_000))
		.executeTakeFirst();
	return {
		sessions: count(sessions),
		tokens: count(tokens),
		challenges: count(challenges),
		rateLimits: count(rateLimits),
		jobRuns: count(jobRuns)
	};
}
