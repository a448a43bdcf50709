// The embedded database short of disk space (db/storage.ts): writes are refused with a 507 and a
// message, reads go on, and the writes a reading request makes in passing (session renewal and
// tidying) do not turn the page into an error. A reserve larger than any disk stands for "full".
import { tmpdir } from 'node:os';
import { isHttpError } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DATABASES, openTestDatabase, type TestDatabase } from './harness';
import { createTestUser } from './factory';
import type { Db } from '../../src/lib/server/db/index';
import { OUT_OF_STORAGE_MESSAGE } from '../../src/lib/server/db/failures';
import { freeBytes, StorageReservePlugin } from '../../src/lib/server/db/storage';
import { hashToken } from '../../src/lib/server/auth/crypto';
import {
	createSession,
	generateSessionToken,
	validateSessionToken
} from '../../src/lib/server/auth/session';
import * as clock from '../../src/lib/server/clock';

const DAY_MS = 24 * 60 * 60 * 1000;

describe.each(DATABASES)('a full disk under %s', (name) => {
	let t: TestDatabase;
	let full: Db;
	let userId: string;
	beforeAll(async () => {
		t = await openTestDatabase(name);
		full = t.db.withPlugin(new StorageReservePlugin(tmpdir(), freeBytes(tmpdir()) + 2 ** 40));
		const user = await createTestUser(t.db, 'Full', { verified: false });
		userId = user.id;
	});
	afterAll(async () => t?.close());

	it('refuses writes with a 507 and a message, and stores nothing', async () => {
		vi.spyOn(console, 'error').mockImplementation(() => {});
		const err = await full
			.updateTable('users')
			.set({ name: 'Dr Changed' })
			.where('id', '=', userId)
			.execute()
			.then(
				() => null,
				(e: unknown) => e
			);
		expect(isHttpError(err, 507)).toBe(true);
		expect(isHttpError(err) && err.body.message).toBe(OUT_OF_STORAGE_MESSAGE);
		const row = await t.db
			.selectFrom('users')
			.select('name')
			.where('id', '=', userId)
			.executeTakeFirstOrThrow();
		expect(row.name).toBe('Dr Full');
	});

	it('still reads', async () => {
		const rows = await full.selectFrom('users').select('id').where('id', '=', userId).execute();
		expect(rows).toHaveLength(1);
	});

	it('still signs in a session due for renewal, renewing it later', async () => {
		vi.spyOn(console, 'error').mockImplementation(() => {});
		const token = generateSessionToken();
		await createSession(t.db, token, userId);
		const soon = new Date(clock.nowMs() + 3 * DAY_MS);
		await t.db
			.updateTable('sessions')
			.set({ expires_at: soon })
			.where('id', '=', hashToken(token))
			.execute();
		const result = await validateSessionToken(full, token);
		expect(result?.user.id).toBe(userId);
		expect(result?.session.expiresAt.getTime()).toBe(soon.getTime());
	});

	it('treats an expired session as signed out without an error', async () => {
		const token = generateSessionToken();
		await createSession(t.db, token, userId);
		await t.db
			.updateTable('sessions')
			.set({ expires_at: new Date(clock.nowMs() - 1000) })
			.where('id', '=', hashToken(token))
			.execute();
		expect(await validateSessionToken(full, token)).toBeNull();
	});
});
