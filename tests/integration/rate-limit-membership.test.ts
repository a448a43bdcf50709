import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestDatabase, type TestDatabase } from './harness';
import { createTestUser } from './factory';
import { clearRateLimit, hitRateLimit } from '../../src/lib/server/auth/rate-limit';
import { grantMembership, isMemberOn, membershipStatus } from '../../src/lib/server/membership';
import { migrate } from '../../src/lib/server/db/index';
import * as clock from '../../src/lib/server/clock';

describe.each(DATABASES)('database-backed rules on %s', (name) => {
	let t: TestDatabase;
	beforeAll(async () => {
		t = await openTestDatabase(name);
	});
	afterAll(async () => t?.close());

	it('runs migrations idempotently', async () => {
		expect(await migrate(t.db)).toEqual([]);
	});

	it('allows a limited number of hits per key per window, counting concurrent hits exactly', async () => {
		const results = await Promise.all(
			Array.from({ length: 12 }, () => hitRateLimit(t.db, 'test:burst', 5, 15))
		);
		expect(results.filter((r) => r.allowed)).toHaveLength(5);
		expect(results.find((r) => !r.allowed)!.retryAfterSeconds).toBeGreaterThan(14 * 60);
		expect((await hitRateLimit(t.db, 'test:other', 5, 15)).allowed).toBe(true);
	});

	it('opens a new window once the old one has ended, and can be cleared', async () => {
		for (let i = 0; i < 3; i++) await hitRateLimit(t.db, 'test:window', 2, 15);
		expect((await hitRateLimit(t.db, 'test:window', 2, 15)).allowed).toBe(false);
		await t.db
			.updateTable('rate_limit_buckets')
			.set({ window_ends_at: new Date(clock.nowMs() - 1000) })
			.where('key', '=', 'test:window')
			.execute();
		expect((await hitRateLimit(t.db, 'test:window', 2, 15)).allowed).toBe(true);
		await hitRateLimit(t.db, 'test:window', 2, 15);
		expect((await hitRateLimit(t.db, 'test:window', 2, 15)).allowed).toBe(false);
		await clearRateLimit(t.db, 'test:window');
		expect((await hitRateLimit(t.db, 'test:window', 2, 15)).allowed).toBe(true);
	});

	it('says a doctor is a member on exactly the days a record covers, unless revoked', async () => {
		const user = await createTestUser(t.db, 'M', {
			email: `m.${name}@example.org`,
			name: 'M',
			verified: false
		});
		expect(await isMemberOn(t.db, user.id, '2026-06-01')).toBe(false);
		const grant = await grantMembership(t.db, {
			userId: user.id,
			validFrom: '2026-01-01',
			validUntil: '2026-12-31',
			source: 'admin_grant',
			amountPence: 2600
		});
		expect(await isMemberOn(t.db, user.id, '2025-12-31')).toBe(false);
		expect(await isMemberOn(t.db, user.id, '2026-01-01')).toBe(true);
		expect(await isMemberOn(t.db, user.id, '2026-12-31')).toBe(true);
		expect(await isMemberOn(t.db, user.id, '2027-01-01')).toBe(false);
		expect(await membershipStatus(t.db, user.id, '2026-06-01')).toEqual({
			member: true,
			validUntil: '2026-12-31'
		});
		expect(await membershipStatus(t.db, user.id, '2027-03-01')).toEqual({
			member: false,
			validUntil: '2026-12-31'
		});

		await t.db
			.updateTable('memberships')
			.set({ revoked_at: clock.now() })
			.where('id', '=', grant.id)
			.execute();
		expect(await isMemberOn(t.db, user.id, '2026-06-01')).toBe(false);
	});
});
