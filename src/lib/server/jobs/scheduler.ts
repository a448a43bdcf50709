import { Cron } from 'croner';
import type { Db } from '../db/index';
import { logger } from '../log';
import { runDueJobs } from './index';

export interface Scheduler {
	/** Stops the timer and waits for a run in progress (at shutdown, before the database closes). */
	stop(): Promise<void>;
}

/**
 * Starts the jobs with the server: publication at once (awaited, so a due quarter is out before
 * the first request), then a look every minute. croner's timer only says when to look; whether
 * each job is due is decided by runDueJobs from the app's clock and the stored schedule.
 */
export async function startScheduler(db: Db): Promise<Scheduler> {
	const log = logger('jobs');
	let running: Promise<unknown> = Promise.resolve();
	const tick = (options?: Parameters<typeof runDueJobs>[1]) => {
		running = runDueJobs(db, options).catch((err) =>
			log.error({ err }, 'looking for due jobs failed')
		);
		return running;
	};
	await tick({ only: ['publication'], force: ['publication'] });
	// protect: a tick still running (a slow SMTP server) is not overlapped by the next one.
	const cron = new Cron('* * * * *', { protect: true, name: 'sessional-jobs' }, async () => {
		await tick();
	});
	void tick();
	return {
		async stop() {
			cron.stop();
			await running;
		}
	};
}
