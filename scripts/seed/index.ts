// The whole demo in one call (issue 13): the accounts, their diaries, the synthetic rates and the
// quarters due by `today`, all "as of" one date and from one seed, so the same date and seed give
// the same demo database, whatever day the machine thinks it is. `npm run seed` (and so
// `npm start`) and the end-to-end fixtures both make it here.
import type { Db } from '../../src/lib/server/db/index';
import * as clock from '../../src/lib/server/clock';
import { seedDemoAccounts } from './demo';
import { seedDemoDiary } from './diary';
import {
	countRateSubmissions,
	describeDemoRates,
	seedDemoRates,
	type DemoRatesSummary
} from './rates';
import { describeScale, seedScale, type ScaleOptions, type ScaleSummary } from './scale';
import { DEFAULT_SEED, isSeed } from './random';

export interface SeedDemoOptions {
	/** 'YYYY-MM-DD': the day the demo is made "as of"; clock.today() by default. */
	today?: string;
	/** The overall seed (seed/random.ts); DEFAULT_SEED gives the demo every earlier version made. */
	seed?: number;
	/**
	 * Runs once the rate submissions are stored and before the due quarters are published, so a
	 * caller can add the rows a test needs and have them published with the rest. Runs whenever
	 * this call publishes: on a new database, or one with no rate submissions.
	 */
	beforePublish?: (db: Db) => Promise<void>;
	/** A national-scale population (seed/scale.ts), whose submissions take the demo rates' place. */
	scale?: Omit<ScaleOptions, 'today' | 'seed'>;
}

export interface DemoSummary {
	today: string;
	seed: number;
	/** False when the database had users already: the accounts were left as they were. */
	accountsCreated: boolean;
	diarySeeded: boolean;
	scale: ScaleSummary | null;
	/** Null when the database had rate submissions already and nothing was published. */
	rates: DemoRatesSummary | null;
}

/**
 * Makes the demo on an empty database: accounts, then the demo doctor's and member's diaries, then
 * (with `scale`) the national-scale population, then the synthetic rate submissions, `beforePublish`
 * and the publication of every quarter due by `today`. Idempotent: on an existing database each
 * part that is there already is left as it is, so `npm start` stays fast on every later start.
 */
export async function seedDemo(db: Db, options: SeedDemoOptions = {}): Promise<DemoSummary> {
	const today = options.today ?? clock.today();
	const seed = options.seed ?? DEFAULT_SEED;
	if (!isSeed(seed)) throw new RangeError(`A seed is a whole number from 0 to 4294967295: ${seed}`);

	const accountsCreated = await seedDemoAccounts(db, today);
	// Skips demo accounts that already have a diary, so it is cheap on every later start.
	const diarySeeded = await seedDemoDiary(db, today, { seed });
	const scale = options.scale ? await seedScale(db, { ...options.scale, today, seed }) : null;
	// An existing database with rates skips this: a running app publishes due quarters itself.
	const rates =
		accountsCreated || (await countRateSubmissions(db)) === 0
			? await seedDemoRates(db, today, { seed, beforePublish: options.beforePublish })
			: null;
	return { today, seed, accountsCreated, diarySeeded, scale, rates };
}

/** What seedDemo did, a line each, for the seed script's output. */
export function describeDemo(summary: DemoSummary): string[] {
	const lines = [
		summary.accountsCreated
			? 'Demo data created.'
			: 'Database already has accounts; demo data left as it is.'
	];
	if (summary.diarySeeded) lines.push('Diary: 10 weeks for the demo doctor and member.');
	if (summary.scale) lines.push(describeScale(summary.scale));
	if (summary.rates) lines.push(describeDemoRates(summary.rates));
	return lines;
}
