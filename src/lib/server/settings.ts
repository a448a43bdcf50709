import { z } from 'zod';
import type { Db } from './db/index';
import { config, type Config } from './config';
import { recordAudit, type Actor } from './audit';
import * as clock from './clock';
import { MAX_CONTRIBUTORS_SETTING, MIN_CONTRIBUTORS_FLOOR } from '../domain/rate-stats';
import { DEFAULT_OVERTIME_SETTINGS, type OvertimeSettings } from '../domain/diary-model';
import { logger } from './log';

/**
 * Settings the committee changes at run time (DESIGN §3.4, §3.5, §5, §2), stored as one row per
 * key in `settings`. A key with no row, or a row that no longer validates, reads as its default, so
 * an installation works before anyone has saved the page. Read on every use (one small query), so
 * a change applies to the next request of every instance without a restart.
 */
export interface AppSettings {
	/** k: cells with fewer distinct doctors are suppressed. Never below MIN_CONTRIBUTORS_FLOOR. */
	minContributors: number;
	/** From this many doctors a cell also shows quartiles, contacts per hour and trend points. */
	detailContributors: number;
	/** A quarter is published once it ended at least this many months ago. */
	publicationLagMonths: number;
	/** The group's membership fee, in pence (£26 by default). */
	membershipFeePence: number;
	/** How long a grant lasts by default, in months. */
	membershipLengthMonths: number;
	/** Overtime defaults of the BMA salaried-GP toolkit: pay multipliers and TOIL hours per hour. */
	overtimeCoreMultiplier: number;
	overtimeOutsideMultiplier: number;
	toilCoreHours: number;
	toilOutsideHours: number;
}

export type SettingKey = keyof AppSettings;

const DEFAULT_MEMBERSHIP_FEE_PENCE = 2600;
const DEFAULT_MEMBERSHIP_LENGTH_MONTHS = 12;

const wholeNumber = (label: string, min: number, max: number) =>
	z
		.number({ error: `Enter ${label} as a whole number.` })
		.int(`Enter ${label} as a whole number.`)
		.min(min, `${capitalise(label)} must be at least ${min}.`)
		.max(max, `${capitalise(label)} must be at most ${max}.`);

const factor = (label: string) =>
	z
		.number({ error: `Enter ${label} as a number such as 1.5.` })
		.min(1, `${capitalise(label)} must be at least 1.`)
		.max(5, `${capitalise(label)} must be at most 5.`)
		// Two decimal places are enough for any multiplier a contract uses.
		.refine((v) => Math.round(v * 100) === v * 100, `Use at most two decimal places.`);

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One schema per key: used for what is stored and for what the form sends. */
const SETTING_SCHEMAS = {
	minContributors: wholeNumber(
		'the minimum number of contributors',
		MIN_CONTRIBUTORS_FLOOR,
		MAX_CONTRIBUTORS_SETTING
	),
	detailContributors: wholeNumber(
		'the detail threshold',
		MIN_CONTRIBUTORS_FLOOR,
		MAX_CONTRIBUTORS_SETTING
	),
	publicationLagMonths: wholeNumber('the publication lag', 0, 12),
	membershipFeePence: wholeNumber('the fee', 0, 100_000),
	membershipLengthMonths: wholeNumber('the membership length', 1, 60),
	overtimeCoreMultiplier: factor('the core-hours multiplier'),
	overtimeOutsideMultiplier: factor('the outside-core-hours multiplier'),
	toilCoreHours: factor('TOIL per core hour'),
	toilOutsideHours: factor('TOIL per hour outside core hours')
} satisfies Record<SettingKey, z.ZodType<number>>;

const SETTING_KEYS = Object.keys(SETTING_SCHEMAS) as SettingKey[];

export const settingsSchema = z
	.object(SETTING_SCHEMAS)
	.refine((s) => s.detailContributors >= s.minContributors, {
		path: ['detailContributors'],
		message: 'The detail threshold cannot be below the minimum number of contributors.'
	});

export function defaultSettings(c: Config = config()): AppSettings {
	return {
		minContributors: c.RATE_MIN_CONTRIBUTORS,
		detailContributors: Math.max(c.RATE_DETAIL_CONTRIBUTORS, c.RATE_MIN_CONTRIBUTORS),
		publicationLagMonths: c.PUBLICATION_LAG_MONTHS,
		membershipFeePence: DEFAULT_MEMBERSHIP_FEE_PENCE,
		membershipLengthMonths: DEFAULT_MEMBERSHIP_LENGTH_MONTHS,
		overtimeCoreMultiplier: DEFAULT_OVERTIME_SETTINGS.coreMultiplier,
		overtimeOutsideMultiplier: DEFAULT_OVERTIME_SETTINGS.outsideCoreMultiplier,
		toilCoreHours: DEFAULT_OVERTIME_SETTINGS.toilHoursPerCoreHour,
		toilOutsideHours: DEFAULT_OVERTIME_SETTINGS.toilHoursPerOutsideCoreHour
	};
}

function isSettingKey(key: string): key is SettingKey {
	return Object.hasOwn(SETTING_SCHEMAS, key);
}

/** The settings in force: stored values over the defaults. */
export async function readSettings(db: Db, defaults: AppSettings = defaultSettings()) {
	const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
	const settings: AppSettings = { ...defaults };
	for (const row of rows) {
		if (!isSettingKey(row.key)) continue;
		const parsed = SETTING_SCHEMAS[row.key].safeParse(row.value);
		if (parsed.success) settings[row.key] = parsed.data;
		else logger('settings').warn({ key: row.key }, 'ignoring a stored setting: not valid any more');
	}
	// A stored k above the stored detail threshold would otherwise show detail below k.
	settings.detailContributors = Math.max(settings.detailContributors, settings.minContributors);
	return settings;
}

export type SettingsChange = Partial<Record<SettingKey, { from: number; to: number }>>;

/**
 * Validates the whole set and stores the keys that changed, with one audit entry naming each
 * change. Returns the field errors instead when anything is out of bounds; nothing is stored then.
 */
export async function saveSettings(
	db: Db,
	actor: Actor,
	next: unknown
): Promise<{ ok: true; changed: SettingsChange } | { ok: false; errors: Record<string, string> }> {
	const parsed = settingsSchema.safeParse(next);
	if (!parsed.success) {
		const errors: Record<string, string> = {};
		for (const issue of parsed.error.issues)
			errors[String(issue.path[0] ?? 'form')] ??= issue.message;
		return { ok: false, errors };
	}
	return db.transaction().execute(async (trx) => {
		const current = await readSettings(trx);
		const changed: SettingsChange = {};
		for (const key of SETTING_KEYS) {
			const value = parsed.data[key];
			if (current[key] === value) continue;
			changed[key] = { from: current[key], to: value };
			await trx
				.insertInto('settings')
				.values({ key, value: JSON.stringify(value), updated_by: actor.id })
				.onConflict((oc) =>
					oc.column('key').doUpdateSet({
						value: JSON.stringify(value),
						updated_at: clock.now(),
						updated_by: actor.id
					})
				)
				.execute();
		}
		if (Object.keys(changed).length > 0)
			await recordAudit(trx, actor, 'settings.update', null, changed);
		return { ok: true as const, changed };
	});
}

/** The overtime multipliers in force, in the shape the diary's rules take (DESIGN §2). */
export function overtimeDefaultsFrom(
	s: AppSettings
): Pick<
	OvertimeSettings,
	| 'coreMultiplier'
	| 'outsideCoreMultiplier'
	| 'toilHoursPerCoreHour'
	| 'toilHoursPerOutsideCoreHour'
> {
	return {
		coreMultiplier: s.overtimeCoreMultiplier,
		outsideCoreMultiplier: s.overtimeOutsideMultiplier,
		toilHoursPerCoreHour: s.toilCoreHours,
		toilHoursPerOutsideCoreHour: s.toilOutsideHours
	};
}
