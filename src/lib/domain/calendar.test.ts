import { describe, expect, it } from 'vitest';
import { parseClockPin } from './calendar';

describe('parseClockPin', () => {
	it('reads a day as noon in London, in winter and in summer time', () => {
		expect(parseClockPin('2026-11-24')?.toISOString()).toBe('2026-11-24T12:00:00.000Z');
		expect(parseClockPin('2027-07-01')?.toISOString()).toBe('2027-07-01T11:00:00.000Z');
		// The days the clocks change: noon is after the change in both.
		expect(parseClockPin('2027-03-28')?.toISOString()).toBe('2027-03-28T11:00:00.000Z');
		expect(parseClockPin('2027-10-31')?.toISOString()).toBe('2027-10-31T12:00:00.000Z');
	});

	it('reads an instant with its offset', () => {
		expect(parseClockPin('2027-03-28T00:59:00Z')?.toISOString()).toBe('2027-03-28T00:59:00.000Z');
		expect(parseClockPin('2027-10-31T01:30:00+01:00')?.toISOString()).toBe(
			'2027-10-31T00:30:00.000Z'
		);
		expect(parseClockPin('2028-02-29T23:00Z')?.toISOString()).toBe('2028-02-29T23:00:00.000Z');
	});

	it('refuses what is not a day or an instant with an offset', () => {
		for (const text of [
			'',
			'tomorrow',
			'2027-02-29',
			'2026-13-01',
			'24/11/2026',
			'2026-11-24T12:00',
			'2026-11-24T25:00:00Z',
			'2026-11-24 12:00:00Z'
		]) {
			expect(parseClockPin(text), text).toBeNull();
		}
	});
});
