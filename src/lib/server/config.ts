import { z } from 'zod';
import { parseClockPin } from '../domain/calendar';
import {
	DEFAULT_CELL_SETTINGS,
	MAX_CONTRIBUTORS_SETTING,
	MIN_CONTRIBUTORS_FLOOR
} from '../domain/rate-stats';

const contributorThreshold = (fallback: number) =>
	z.coerce
		.number()
		.int()
		.min(MIN_CONTRIBUTORS_FLOOR)
		.max(MAX_CONTRIBUTORS_SETTING)
		.default(fallback);

const boolFromEnv = z
	.enum(['true', 'false', '1', '0'])
	.optional()
	.transform((v) => v === 'true' || v === '1');

const schema = z
	.object({
		NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
		DATABASE_URL: z.string().url().optional(),
		DATA_DIR: z.string().min(1).default('.data'),
		ORIGIN: z.string().url().optional(),
		SMTP_URL: z.string().url().optional(),
		MAIL_FROM: z.string().min(3).default('Sessional <no-reply@sessional.local>'),
		SECURE_COOKIES: boolFromEnv,
		LOG_LEVEL: z.enum(['error', 'warn', 'info', 'debug']).default('info'),
		RATE_LIMIT_SIGN_IN: z.coerce.number().int().positive().default(5),
		RATE_LIMIT_REGISTER: z.coerce.number().int().positive().default(10),
		RATE_LIMIT_RESET: z.coerce.number().int().positive().default(5),
		RATE_LIMIT_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
		RATE_LIMIT_SUBMISSIONS: z.coerce.number().int().positive().default(30),
		/** k: cells with fewer distinct doctors are suppressed (DESIGN §3.5); never below the floor. */
		RATE_MIN_CONTRIBUTORS: contributorThreshold(DEFAULT_CELL_SETTINGS.minContributors),
		/** From this many doctors a cell also shows quartiles, contacts per hour and trend points. */
		RATE_DETAIL_CONTRIBUTORS: contributorThreshold(DEFAULT_CELL_SETTINGS.quartileContributors),
		/** A quarter is published once it ended at least this many months ago. */
		PUBLICATION_LAG_MONTHS: z.coerce.number().int().min(0).max(12).default(1),
		/** HMAC key for contributor keys; required with DATABASE_URL, kept in DATA_DIR otherwise. */
		CONTRIBUTOR_KEY_SECRET: z.string().min(32, 'use at least 32 characters').optional(),
		/** Runs the process "as of" a date (src/lib/server/clock.ts): demos and tests only. */
		SESSIONAL_TODAY: z
			.string()
			.refine((v) => parseClockPin(v) !== null, {
				message: 'use a date (2026-11-24) or an instant with its offset (2027-03-28T00:30:00Z)'
			})
			.optional()
	})
	.refine((c) => !(c.NODE_ENV === 'production' && c.SESSIONAL_TODAY), {
		path: ['SESSIONAL_TODAY'],
		message:
			'pins the clock for demos and tests; a production server (NODE_ENV=production) runs on the real date, so unset it'
	});

export type Config = z.infer<typeof schema>;

/** Parses the environment once; a bad value stops the process with a message naming it. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
	const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
	const parsed = schema.safeParse(cleaned);
	if (!parsed.success) {
		const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
		throw new Error(`Invalid environment settings:\n${lines.join('\n')}`);
	}
	return parsed.data;
}

let cached: Config | undefined;
export function config(): Config {
	cached ??= loadConfig();
	return cached;
}

/** Cookies are Secure in production unless explicitly turned off (e.g. plain-HTTP demo). */
export function useSecureCookies(c: Config = config()): boolean {
	if (process.env.SECURE_COOKIES !== undefined && process.env.SECURE_COOKIES !== '')
		return c.SECURE_COOKIES;
	return c.NODE_ENV === 'production' && (c.ORIGIN?.startsWith('https://') ?? false);
}
