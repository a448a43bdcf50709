import { describe, expect, it } from 'vitest';
import { configWarnings, loadConfig } from './config';

const SECRET = 'a'.repeat(64);
/** Everything a production server needs, with an https origin. */
const PRODUCTION = {
	NODE_ENV: 'production',
	ORIGIN: 'https://sessional.example.org',
	CONTRIBUTOR_KEY_SECRET: SECRET,
	DATABASE_URL: 'postgres://sessional@db.example.org/sessional',
	SMTP_URL: 'smtps://user:pass@smtp.example.org:465'
};

describe('production settings', () => {
	it('start with every required setting and warn about nothing', () => {
		const c = loadConfig(PRODUCTION);
		expect(c.ORIGIN).toBe('https://sessional.example.org');
		expect(configWarnings(c)).toEqual([]);
	});

	it('refuse to start without CONTRIBUTOR_KEY_SECRET', () => {
		expect(() => loadConfig({ ...PRODUCTION, CONTRIBUTOR_KEY_SECRET: undefined })).toThrow(
			/CONTRIBUTOR_KEY_SECRET: required in production/
		);
		// An empty value is no value.
		expect(() => loadConfig({ ...PRODUCTION, CONTRIBUTOR_KEY_SECRET: '' })).toThrow(
			/CONTRIBUTOR_KEY_SECRET: required in production/
		);
		expect(() => loadConfig({ ...PRODUCTION, CONTRIBUTOR_KEY_SECRET: 'short' })).toThrow(
			/CONTRIBUTOR_KEY_SECRET: use at least 32 characters/
		);
	});

	it('refuse to start without ORIGIN', () => {
		expect(() => loadConfig({ ...PRODUCTION, ORIGIN: undefined })).toThrow(
			/ORIGIN: required in production: the public https URL/
		);
	});

	it('refuse an http ORIGIN unless told the server is a test', () => {
		const http = { ...PRODUCTION, ORIGIN: 'http://sessional.example.org' };
		expect(() => loadConfig(http)).toThrow(/ORIGIN: must be https:\/\/ in production/);
		expect(() => loadConfig({ ...http, ALLOW_HTTP_ORIGIN: '0' })).toThrow(/ORIGIN: must be https/);
		expect(loadConfig({ ...http, ALLOW_HTTP_ORIGIN: '1' }).ORIGIN).toBe(http.ORIGIN);
		expect(loadConfig({ ...http, ALLOW_HTTP_ORIGIN: 'true' }).ALLOW_HTTP_ORIGIN).toBe(true);
	});

	it('name every missing setting at once, a line each', () => {
		let message = '';
		try {
			loadConfig({ NODE_ENV: 'production' });
		} catch (err) {
			message = (err as Error).message;
		}
		expect(message.split('\n')).toEqual([
			'Invalid environment settings:',
			expect.stringMatching(/^ {2}CONTRIBUTOR_KEY_SECRET: required in production/),
			expect.stringMatching(/^ {2}ORIGIN: required in production/)
		]);
	});

	it('allow the embedded database and no SMTP server, with a warning for each', () => {
		const c = loadConfig({ ...PRODUCTION, DATABASE_URL: undefined, SMTP_URL: undefined });
		const warnings = configWarnings(c);
		expect(warnings).toHaveLength(2);
		expect(warnings[0]).toMatch(/^DATABASE_URL is not set: using the embedded database in \.data/);
		expect(warnings[1]).toMatch(/^SMTP_URL is not set: .*nobody receives them/);
	});
});

describe('outside production (the demo, development and tests)', () => {
	it('need none of them and warn about nothing', () => {
		const c = loadConfig({});
		expect(c.NODE_ENV).toBe('development');
		expect(c.ORIGIN).toBeUndefined();
		expect(configWarnings(c)).toEqual([]);
		expect(loadConfig({ NODE_ENV: 'test', ORIGIN: 'http://127.0.0.1:3000' }).ORIGIN).toBe(
			'http://127.0.0.1:3000'
		);
	});
});

describe('jobs and logs', () => {
	it('run the jobs and log at info unless told otherwise, and refuse an unknown value', () => {
		expect(loadConfig({})).toMatchObject({ JOBS: 'on', LOG_LEVEL: 'info' });
		expect(loadConfig({ JOBS: 'off', LOG_LEVEL: 'warn' })).toMatchObject({
			JOBS: 'off',
			LOG_LEVEL: 'warn'
		});
		expect(() => loadConfig({ JOBS: 'sometimes' })).toThrow(/JOBS/);
		expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
	});
});

describe('a read replica (DATABASE_READ_URL)', () => {
	const PRIMARY = 'postgres://sessional@db.example.org/sessional';
	const REPLICA = 'postgres://sessional@replica.example.org/sessional';

	it('is optional, and taken with DATABASE_URL', () => {
		expect(loadConfig({ DATABASE_URL: PRIMARY }).DATABASE_READ_URL).toBeUndefined();
		expect(
			loadConfig({ DATABASE_URL: PRIMARY, DATABASE_READ_URL: REPLICA }).DATABASE_READ_URL
		).toBe(REPLICA);
		expect(loadConfig({ ...PRODUCTION, DATABASE_READ_URL: REPLICA }).DATABASE_READ_URL).toBe(
			REPLICA
		);
	});

	it('is refused without DATABASE_URL: the embedded database has no replica', () => {
		expect(() => loadConfig({ DATABASE_READ_URL: REPLICA })).toThrow(
			/DATABASE_READ_URL: names a PostgreSQL replica of DATABASE_URL, which is not set/
		);
		// Beside another wrong setting, both are named.
		let message = '';
		try {
			loadConfig({
				...PRODUCTION,
				DATABASE_URL: undefined,
				DATABASE_READ_URL: REPLICA,
				ORIGIN: ''
			});
		} catch (err) {
			message = (err as Error).message;
		}
		expect(message).toMatch(/DATABASE_READ_URL: names a PostgreSQL replica/);
		expect(message).toMatch(/ORIGIN: required in production/);
	});

	it('is refused unless it is a PostgreSQL URL', () => {
		expect(() => loadConfig({ DATABASE_URL: PRIMARY, DATABASE_READ_URL: 'replica' })).toThrow(
			/DATABASE_READ_URL/
		);
		expect(() =>
			loadConfig({ DATABASE_URL: PRIMARY, DATABASE_READ_URL: 'mysql://replica/sessional' })
		).toThrow(/DATABASE_READ_URL: use a postgres:\/\/ URL/);
	});
});
