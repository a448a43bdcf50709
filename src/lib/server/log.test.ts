import { describe, expect, it } from 'vitest';
import { maskEmail } from './log';
import { MAX_SEND_ATTEMPTS, nextAttemptAfter } from './email';

describe('maskEmail', () => {
	it('keeps the first letter and the domain of every address in a text', () => {
		expect(maskEmail('doctor@example.org')).toBe('d…@example.org');
		expect(maskEmail('to a.b+c@nhs.net and z@x.io')).toBe('to a…@nhs.net and z…@x.io');
		expect(maskEmail(42)).toBe(42);
	});
});

describe('the outbox back-off', () => {
	it('waits a minute after the first failure, doubling, and gives up after the last attempt', () => {
		const at = Date.parse('2027-01-01T00:00:00Z');
		expect(nextAttemptAfter(1, at)?.getTime()).toBe(at + 60_000);
		expect(nextAttemptAfter(2, at)?.getTime()).toBe(at + 120_000);
		expect(nextAttemptAfter(3, at)?.getTime()).toBe(at + 240_000);
		expect(nextAttemptAfter(MAX_SEND_ATTEMPTS, at)).toBeNull();
	});
});
