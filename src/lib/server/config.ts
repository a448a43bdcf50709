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
		/** A streaming replica of DATABASE_URL for published figures (src/lib/server/rates/published.ts). */
		DATABASE_READ_URL: z
			.string()
			.url()
			.refine((v) => /^postgres(ql)?:\/\//.test(v), {
				message: 'use a postgres:// URL: a PostgreSQL streaming replica of DATABASE_URL'
			})
			.optional(),
		DATA_DIR: z.string().min(1).default('.data'),
		/** The public URL; in production required, and https unless ALLOW_HTTP_ORIGIN says this is a test. */
		ORIGIN: z.string().url().optional(),
		ALLOW_HTTP_ORIGIN: boolFromEnv,
		SMTP_URL: z.string().url().optional(),
		MAIL_FROM: z.string().min(3).default('Sessional <no-reply@sessional.local>'),
		SECURE_COOKIES: boolFromEnv,
		LOG_LEVEL: z
			.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
			.default('info'),
		/** Scheduled jobs (src/lib/server/jobs/): 'off' leaves them to another instance or to npm run publish. */
		JOBS: z.enum(['on', 'off']).default('on'),
		RATE_LIMIT_SIGN_IN: z.coerce.number().int().positive().default(5),
		RATE_LIMIT_REGISTER: z.coerce.number().int().positive().default(10),
		RATE_LIMIT_RESET: z.coerce.number().int().positive().default(5),
		RATE_LIMIT_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
		RATE_LIMIT_SUBMISSIONS: z.coerce.number().int().positive().default(30),
		/** k: cells with fewer distinct doctors are suppressed (DESIGN §3.5); never below the floor. */
		RATE_MIN_CONTRIBUTORS: contributorThreshold(DEFAULT_CELL_SETTINGS.minContributors),
		/** From this many doctors a cell also shows quartiles, contacts per hour and trend points. */
		RATE_DETAIL_CONTRIBUTORS: contributorThreshold(DEFAULT_CELL_SETTINGS.detailContributors),
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
	.refine((c) => !(c.DATABASE_READ_URL && !c.DATABASE_URL), {
		path: ['DATABASE_READ_URL'],
		message:
			'names a PostgreSQL replica of DATABASE_URL, which is not set: the embedded database has no replica; set DATABASE_URL to the primary, or unset DATABASE_READ_URL'
	})
	.refine((c) => !(c.NODE_ENV === 'production' && c.SESSIONAL_TODAY), {
		path: ['SESSIONAL_TODAY'],
		message:
			'pins the clock for demos and tests; a production server (NODE_ENV=production) runs on the real date, so unset it'
	})
	.superRefine((c, ctx) => {
		if (c.NODE_ENV !== 'production') return;
		// A production server is safe by default: what it cannot guess is asked for, not defaulted.
		if (!c.CONTRIBUTOR_KEY_SECRET)
			ctx.addIssue({
				code: 'custom',
				path: ['CONTRIBUTOR_KEY_SECRET'],
				message:
					'required in production: 32+ random characters (openssl rand -hex 32), kept for good; it links each doctor to their past rate submissions'
			});
		if (!c.ORIGIN)
			ctx.addIssue({
				code: 'custom',
				path: ['ORIGIN'],
				message:
					'required in production: the public https URL people type, e.g. https://sessional.example.org'
			});
		else if (!c.ORIGIN.startsWith('https://') && !c.ALLOW_HTTP_ORIGIN)
			ctx.addIssue({
				code: 'custom',
				path: ['ORIGIN'],
				message:
					'must be https:// in production (passwords and session cookies would cross the network in clear); ALLOW_HTTP_ORIGIN=1 allows http for a test server'
			});
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

/**
 * What a production server may run without but an operator should know, a line each (printed at
 * start). The embedded database is allowed in production: a small group on one machine may choose
 * it, and back up DATA_DIR.
 */
export function configWarnings(c: Config): string[] {
	if (c.NODE_ENV !== 'production') return [];
	const warnings: string[] = [];
	if (!c.DATABASE_URL)
		warnings.push(
			`DATABASE_URL is not set: using the embedded database in ${c.DATA_DIR} (one server process only; back that folder up). Set DATABASE_URL for PostgreSQL.`
		);
	if (!c.SMTP_URL)
		warnings.push(
			'SMTP_URL is not set: emails (address checks, password resets) are only written to the log and the email_outbox table, so nobody receives them.'
		);
	return warnings;
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
