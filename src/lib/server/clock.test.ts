import { afterEach, describe, expect, it } from 'vitest';
import * as clock from './clock';
import { loadConfig } from './config';
import { parseClockPin } from '../domain/calendar';
import { todayInLondon } from '../format';

const HOUR = 60 * 60_000;

describe('the clock', () => {
	afterEach(() => clock.pinClock(process.env.SESSIONAL_TODAY || null));

	it('gives the pinned day in London, and moves on from the pinned instant', () => {
		clock.pinClock('2026-11-24');
		expect(clock.today()).toBe('2026-11-24');
		const at = clock.nowMs() - Date.parse('2026-11-24T12:00:00Z');
		// Never before the pin; the real clock advances it, by far less than an hour in a test.
		expect(at).toBeGreaterThanOrEqual(0);
		expect(at).toBeLessThan(HOUR);
		expect(clock.now().getTime()).toBeGreaterThanOrEqual(Date.parse('2026-11-24T12:00:00Z'));
	});

	it('takes "today" from London, not from UTC or the server', () => {
		clock.pinClock('2026-06-30T23:30:00Z');
		expect(clock.today()).toBe('2026-07-01');
		clock.pinClock('2026-12-31T23:30:00Z');
		expect(clock.today()).toBe('2026-12-31');
		clock.pinClock('2027-03-28T00:59:00Z');
		expect(clock.today()).toBe('2027-03-28');
		clock.pinClock('2027-10-30T23:30:00Z');
		expect(clock.today()).toBe('2027-10-31');
	});

	it('refuses a pin it cannot read', () => {
		expect(() => clock.pinClock('next Tuesday')).toThrow(/Not a date/);
	});
});

// .ci/other-days runs this suite once per day, each a vitest project with SESSIONAL_TODAY set: if the
// setting did not reach the clock, every "other day" would silently be today.
describe.runIf(process.env.SESSIONAL_TODAY)('in a process pinned by SESSIONAL_TODAY', () => {
	it('reads that day, in London', () => {
		const pinned = process.env.SESSIONAL_TODAY!;
		expect(clock.clockPin()).toBe(pinned);
		expect(clock.today()).toBe(todayInLondon(parseClockPin(pinned)!));
	});
});

describe('SESSIONAL_TODAY', () => {
	it('is accepted as a day or an instant outside production', () => {
		expect(loadConfig({ SESSIONAL_TODAY: '2026-11-24' }).SESSIONAL_TODAY).toBe('2026-11-24');
		expect(loadConfig({ SESSIONAL_TODAY: '2027-03-28T00:30:00Z' }).SESSIONAL_TODAY).toBe(
			'2027-03-28T00:30:00Z'
		);
	});

	it('is refused with a clear message when it is not a date', () => {
		expect(() => loadConfig({ SESSIONAL_TODAY: '2027-02-29' })).toThrow(
			/SESSIONAL_TODAY: use a date \(2026-11-24\)/
		);
	});

	it('is refused in production', () => {
		expect(() => loadConfig({ NODE_ENV: 'production', SESSIONAL_TODAY: '2026-11-24' })).toThrow(
			/SESSIONAL_TODAY: pins the clock for demos and tests/
		);
		const production = {
			NODE_ENV: 'production',
			ORIGIN: 'https://sessional.example',
			CONTRIBUTOR_KEY_SECRET: 'x'.repeat(32)
		};
		expect(loadConfig(production).SESSIONAL_TODAY).toBeUndefined();
	});
});
