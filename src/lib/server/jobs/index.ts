// The jobs that run themselves while the server runs (issue 16). Each is claimed in the database
// before it runs, so with several instances ticking exactly one runs it per due time, and a
// restart carries on from the stored schedule. Whether a job is due is read from the app's clock
// (src/lib/server/clock.ts): the timer in scheduler.ts only says "look now", so a test can pin the
// clock past a due date and call runDueJobs itself.
import { sql } from 'kysely';
import type { Db } from '../db/index';
import type { JobOutcome } from '../db/schema';
import * as clock from '../clock';
import { config } from '../config';
import { SYSTEM_ACTOR, type Actor } from '../audit';
import { deliverDueEmails } from '../email';
import { publishDueSnapshots, type PublicationRun } from '../rates/publication';
import { publicationSettings } from '../rates/settings';
import { deleteExpiredRows } from './clean-up';
import { logger } from '../log';
import { londonMidnight, nextDueDate } from '../../domain/calendar';
import { todayInLondon } from '../../format';

export type JobName = 'publication' | 'email-outbox' | 'clean-up';

interface JobResult {
	outcome: JobOutcome;
	detail: string;
}

interface Job {
	name: JobName;
	label: string;
	/** The wait from one run's start to the next run being due. */
	everyMs: number;
	/** An earlier next due time than `everyMs` gives, when the job knows one (from a run at `now`). */
	dueBefore?(db: Db, now: Date): Promise<Date>;
	run(db: Db): Promise<JobResult>;
}

const MINUTE = 60_000;
/** A claimed run holds its job this long at most; after that another instance may take it over. */
const RUN_LEASE_MS = 30 * MINUTE;

/** What a publication run did, as a job run records it. */
function publicationResult(run: PublicationRun): JobResult {
	if (run.status === 'busy')
		return { outcome: 'skipped', detail: 'another run held the publication lock' };
	if (run.published.length === 0) return { outcome: 'ok', detail: 'nothing was due' };
	return {
		outcome: 'ok',
		detail: `published ${run.published.map((p) => `the quarter ending ${p.quarterEnd}`).join(', ')}`
	};
}

export const JOBS: readonly Job[] = [
	{
		name: 'publication',
		label: 'Publication of due quarters',
		// Hourly (and at every start), and at the London midnight the next quarter falls due, so
		// the quarter is out in the first minute of its day.
		everyMs: 60 * MINUTE,
		async dueBefore(db, now) {
			const { lagMonths } = await publicationSettings(db);
			return londonMidnight(nextDueDate(todayInLondon(now), lagMonths).dueOn);
		},
		async run(db) {
			return publicationResult(
				await publishDueSnapshots(db, clock.today(), await publicationSettings(db), SYSTEM_ACTOR)
			);
		}
	},
	{
		name: 'email-outbox',
		label: 'Email outbox: retries',
		everyMs: MINUTE,
		async run(db) {
			if (!config().SMTP_URL)
				return { outcome: 'skipped', detail: 'no SMTP_URL: emails stay in the outbox' };
			const run = await deliverDueEmails(db);
			const total = run.sent + run.retrying + run.givenUp;
			if (total === 0) return { outcome: 'ok', detail: 'nothing to send' };
			const parts = [`sent ${run.sent}`];
			if (run.retrying) parts.push(`${run.retrying} to retry`);
			if (run.givenUp) parts.push(`${run.givenUp} given up`);
			return { outcome: run.sent === 0 ? 'failed' : 'ok', detail: parts.join(', ') };
		}
	},
	{
		name: 'clean-up',
		label: 'Clean-up of expired sessions, tokens and limits',
		everyMs: 60 * MINUTE,
		async run(db) {
			const r = await deleteExpiredRows(db);
			return {
				outcome: 'ok',
				detail: `removed ${r.sessions} sessions, ${r.tokens} tokens, ${r.challenges} passkey challenges, ${r.rateLimits} rate-limit rows, ${r.jobRuns} old job runs`
			};
		}
	}
];

/**
 * Takes the job if it is due (or `force`d) and no live run holds it, moving its next due time on
 * in the same statement: of several instances only one gets the row back.
 */
async function claimJob(db: Db, job: Job, force: boolean): Promise<boolean> {
	const now = clock.now();
	const every = new Date(now.getTime() + job.everyMs);
	const early = job.dueBefore ? await job.dueBefore(db, now) : every;
	const nextDueAt = early < every && early > now ? early : every;
	await db
		.insertInto('scheduled_jobs')
		.values({ name: job.name, next_due_at: now })
		.onConflict((oc) => oc.column('name').doNothing())
		.execute();
	const claimed = await db
		.updateTable('scheduled_jobs')
		.set({
			next_due_at: nextDueAt,
			running_until: new Date(now.getTime() + RUN_LEASE_MS)
		})
		.where('name', '=', job.name)
		.where((eb) =>
			eb.and([
				force ? sql<boolean>`true` : eb('next_due_at', '<=', now),
				eb.or([eb('running_until', 'is', null), eb('running_until', '<=', now)])
			])
		)
		.returning('name')
		.executeTakeFirst();
	return claimed !== undefined;
}

/** Records a run (shown on the admin's publication page) and logs it. Never throws. */
async function recordRun(db: Db, job: JobName, startedAt: Date, result: JobResult) {
	try {
		await db
			.insertInto('job_runs')
			.values({ job, started_at: startedAt, finished_at: clock.now(), ...result })
			.execute();
	} catch (err) {
		logger('jobs').error({ err, job }, 'recording a job run failed');
	}
	const level = result.outcome === 'failed' ? 'warn' : 'info';
	logger('jobs')[level]({ job, outcome: result.outcome }, result.detail);
}

/**
 * Publication asked for by a person (the admin's "Publish now", `npm run publish`) rather than
 * the schedule: publishes every due quarter now, as the job does, and records the run under the
 * publication job with who asked, so the admin's page shows the latest publication whoever ran it.
 */
export async function publishNow(db: Db, actor: Actor, askedBy: string): Promise<PublicationRun> {
	const startedAt = clock.now();
	const run = await publishDueSnapshots(db, clock.today(), await publicationSettings(db), actor);
	const result = publicationResult(run);
	await recordRun(db, 'publication', startedAt, {
		...result,
		detail: `${result.detail} (${askedBy})`
	});
	return run;
}

export interface JobRunReport extends JobResult {
	job: JobName;
}

/**
 * Runs every job that is due now by the app's clock and that this instance manages to claim, one
 * after another, records each run, and says what ran. The scheduler calls it every minute; tests
 * call it directly. A job that throws is recorded as failed and runs again when next due.
 */
export async function runDueJobs(
	db: Db,
	options: { force?: readonly JobName[]; only?: readonly JobName[] } = {}
): Promise<JobRunReport[]> {
	const reports: JobRunReport[] = [];
	const lookedAt = clock.now();
	for (const job of JOBS) {
		if (options.only && !options.only.includes(job.name)) continue;
		if (!(await claimJob(db, job, options.force?.includes(job.name) ?? false))) continue;
		const startedAt = clock.now();
		let result: JobResult;
		try {
			result = await job.run(db);
		} catch (err) {
			logger('jobs').error({ err, job: job.name }, 'job failed');
			const message = err instanceof Error ? err.message : String(err);
			result = { outcome: 'failed', detail: message.slice(0, 300) };
		}
		await recordRun(db, job.name, startedAt, result);
		try {
			await db
				.updateTable('scheduled_jobs')
				.set({ running_until: null })
				.where('name', '=', job.name)
				.execute();
		} catch (err) {
			logger('jobs').error({ err, job: job.name }, 'releasing a job failed');
		}
		reports.push({ job: job.name, ...result });
	}
	// Every look, at debug level: the app's time (pinned or not) and what this instance ran.
	logger('jobs').debug(
		{ at: lookedAt.toISOString(), ran: reports.map((r) => r.job) },
		'looked for due jobs'
	);
	return reports;
}

export interface JobStatus {
	name: JobName;
	label: string;
	lastRun: { startedAt: Date; finishedAt: Date | null; outcome: JobOutcome; detail: string } | null;
	nextDueAt: Date | null;
}

/** Each job's last run and next due time, for the admin's publication page. */
export async function jobStatuses(db: Db): Promise<JobStatus[]> {
	const [runs, schedule] = await Promise.all([
		db
			.selectFrom('job_runs')
			.distinctOn('job')
			.select(['job', 'started_at', 'finished_at', 'outcome', 'detail'])
			.orderBy('job')
			.orderBy('started_at', 'desc')
			.orderBy('id', 'desc')
			.execute(),
		db.selectFrom('scheduled_jobs').select(['name', 'next_due_at']).execute()
	]);
	return JOBS.map((job) => {
		const run = runs.find((r) => r.job === job.name);
		const due = schedule.find((s) => s.name === job.name);
		return {
			name: job.name,
			label: job.label,
			lastRun: run
				? {
						startedAt: new Date(run.started_at),
						finishedAt: run.finished_at ? new Date(run.finished_at) : null,
						outcome: run.outcome,
						detail: run.detail
					}
				: null,
			nextDueAt: due ? new Date(due.next_due_at) : null
		};
	});
}
