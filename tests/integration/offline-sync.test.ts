import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestDatabase, type TestDatabase } from './harness';
import { createTestUser, createTestWorkplace, morningSurgeryFields } from './factory';
import type { Db } from '../../src/lib/server/db/index';
import { findEntries, findEntry } from '../../src/lib/server/diary/entries';
import { applySyncBatch, findEntryUpdatedAt } from '../../src/lib/server/diary/sync';
import { syncBatchSchema, type SyncChange } from '../../src/lib/schemas/offline-sync';

const TODAY = '2026-11-24';

async function newUser(db: Db): Promise<string> {
	return (await createTestUser(db, 'Sync', { doctorKind: 'salaried', verified: false })).id;
}

function fields(workplaceId: string, over: Record<string, string> = {}): Record<string, string> {
	return morningSurgeryFields(workplaceId, '2026-11-23', over);
}

function create(f: Record<string, string>): SyncChange {
	return { clientId: randomUUID(), op: 'create', fields: f };
}

describe.each(DATABASES)('offline sync (%s)', (name) => {
	let t: TestDatabase;
	let db: Db;
	let alice: string;
	let bob: string;
	let place: string;
	let bobPlace: string;

	beforeAll(async () => {
		t = await openTestDatabase(name);
		db = t.db;
		alice = await newUser(db);
		bob = await newUser(db);
		place = await createTestWorkplace(db, alice);
		bobPlace = await createTestWorkplace(db, bob);
	});
	afterAll(async () => t?.close());

	it('applies a retried change once and answers it the same way', async () => {
		const change = create(fields(place, { date: '2026-11-02' }));
		const [first] = await applySyncBatch(db, alice, [change], TODAY);
		expect(first.status).toBe('applied');
		const [again] = await applySyncBatch(db, alice, [change, change], TODAY);
		expect(again).toEqual(first);
		expect(await findEntries(db, alice, '2026-11-02', '2026-11-02')).toHaveLength(1);
	});

	it('runs concurrent retries of one change once', async () => {
		const change = create(fields(place, { date: '2026-11-03' }));
		const answers = await Promise.all([
			applySyncBatch(db, alice, [change], TODAY),
			applySyncBatch(db, alice, [change], TODAY)
		]);
		expect(answers[0]).toEqual(answers[1]);
		expect(await findEntries(db, alice, '2026-11-03', '2026-11-03')).toHaveLength(1);
	});

	it('keeps client ids per doctor: the same id from another doctor is a new change', async () => {
		const clientId = randomUUID();
		const [a] = await applySyncBatch(
			db,
			alice,
			[{ clientId, op: 'create', fields: fields(place, { date: '2026-11-04' }) }],
			TODAY
		);
		const [b] = await applySyncBatch(
			db,
			bob,
			[{ clientId, op: 'create', fields: fields(bobPlace, { date: '2026-11-04' }) }],
			TODAY
		);
		expect(a.status).toBe('applied');
		expect(b.status).toBe('applied');
		expect(await findEntries(db, bob, '2026-11-04', '2026-11-04')).toHaveLength(1);
	});

	it('applies changes in order: a create, its update and a delete of another entry', async () => {
		const [made] = await applySyncBatch(
			db,
			alice,
			[create(fields(place, { date: '2026-11-05' }))],
			TODAY
		);
		if (made.status !== 'applied') throw new Error('not applied');
		const base = await findEntryUpdatedAt(db, alice, made.entryId);
		const results = await applySyncBatch(
			db,
			alice,
			[
				create(fields(place, { date: '2026-11-06', start: '14:00', finish: '18:10' })),
				{
					clientId: randomUUID(),
					op: 'update',
					entryId: made.entryId,
					baseUpdatedAt: base,
					fields: fields(place, { date: '2026-11-05', con_telephone: '25' })
				},
				{
					clientId: randomUUID(),
					op: 'update',
					entryId: made.entryId,
					// The answer of the previous change: the phone chains its edits.
					baseUpdatedAt: undefined,
					fields: fields(place, { date: '2026-11-05', con_telephone: '30' })
				},
				{ clientId: randomUUID(), op: 'delete', entryId: made.entryId, fields: {} }
			],
			TODAY
		);
		expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'conflict', 'applied']);
		expect(await findEntry(db, alice, made.entryId)).toBeUndefined();
		expect(await findEntries(db, alice, '2026-11-06', '2026-11-06')).toHaveLength(1);
	});

	it('refuses an edit of a newer version with both versions, and keeps the newer one', async () => {
		const [made] = await applySyncBatch(
			db,
			alice,
			[create(fields(place, { date: '2026-11-09' }))],
			TODAY
		);
		if (made.status !== 'applied') throw new Error('not applied');
		const base = made.updatedAt!;
		const [phone] = await applySyncBatch(
			db,
			alice,
			[
				{
					clientId: randomUUID(),
					op: 'update',
					entryId: made.entryId,
					baseUpdatedAt: base,
					fields: fields(place, { date: '2026-11-09', con_telephone: '12' })
				}
			],
			TODAY
		);
		expect(phone.status).toBe('applied');
		const laptopChange: SyncChange = {
			clientId: randomUUID(),
			op: 'update',
			entryId: made.entryId,
			baseUpdatedAt: base,
			fields: fields(place, { date: '2026-11-09', con_telephone: '40' })
		};
		const [laptop] = await applySyncBatch(db, alice, [laptopChange], TODAY);
		expect(laptop.status).toBe('conflict');
		if (laptop.status !== 'conflict') return;
		expect(laptop.mine.con_telephone).toBe('40');
		expect(laptop.theirs.fields.con_telephone).toBe('12');
		expect((await findEntry(db, alice, made.entryId))!.contacts.telephone).toBe(12);

		// Keeping theirs... or mine: re-sent with the version the conflict showed, it applies.
		const [kept] = await applySyncBatch(
			db,
			alice,
			[{ ...laptopChange, clientId: randomUUID(), baseUpdatedAt: laptop.theirs.updatedAt }],
			TODAY
		);
		expect(kept.status).toBe('applied');
		expect((await findEntry(db, alice, made.entryId))!.contacts.telephone).toBe(40);
	});

	it('refuses another doctor’s entry and workplace', async () => {
		const [made] = await applySyncBatch(
			db,
			bob,
			[create(fields(bobPlace, { date: '2026-11-10' }))],
			TODAY
		);
		if (made.status !== 'applied') throw new Error('not applied');
		const results = await applySyncBatch(
			db,
			alice,
			[
				{
					clientId: randomUUID(),
					op: 'update',
					entryId: made.entryId,
					baseUpdatedAt: made.updatedAt!,
					fields: fields(place, { date: '2026-11-10' })
				},
				{ clientId: randomUUID(), op: 'delete', entryId: made.entryId, fields: {} },
				create(fields(bobPlace, { date: '2026-11-10' }))
			],
			TODAY
		);
		expect(results.map((r) => r.status)).toEqual(['not_found', 'not_found', 'invalid']);
		expect(await findEntry(db, bob, made.entryId)).toBeDefined();
		expect(await findEntries(db, alice, '2026-11-10', '2026-11-10')).toHaveLength(0);
	});

	it('refuses bad input per change with the form’s messages, storing nothing of it', async () => {
		const bad = create(fields(place, { date: '2026-11-11', finish: '07:00', con_telephone: '-3' }));
		const good = create(fields(place, { date: '2026-11-11' }));
		const results = await applySyncBatch(db, alice, [bad, good], TODAY);
		expect(results[0].status).toBe('invalid');
		if (results[0].status === 'invalid') {
			expect(results[0].errors.finish).toMatch(/before the start/);
			expect(results[0].errors.con_telephone).toMatch(/cannot be negative/);
		}
		expect(results[1].status).toBe('applied');
		expect(await findEntries(db, alice, '2026-11-11', '2026-11-11')).toHaveLength(1);
		const logged = await db
			.selectFrom('diary_sync_log')
			.select('client_id')
			.where('client_id', '=', bad.clientId)
			.execute();
		expect(logged).toHaveLength(0);
		// Future work is refused by the same rule as the form.
		const [future] = await applySyncBatch(
			db,
			alice,
			[create(fields(place, { date: '2026-11-25' }))],
			TODAY
		);
		expect(future.status).toBe('invalid');
	});

	it('refuses a malformed batch before anything runs', () => {
		const account = 'a'.repeat(32);
		const one = [create(fields(randomUUID()))];
		expect(syncBatchSchema.safeParse({ account, changes: one }).success).toBe(true);
		// A batch that does not say which account queued it is refused (issue 14).
		expect(syncBatchSchema.safeParse({ changes: one }).success).toBe(false);
		expect(syncBatchSchema.safeParse({ account: 'someone', changes: one }).success).toBe(false);
		expect(syncBatchSchema.safeParse({ account, changes: [] }).success).toBe(false);
		expect(
			syncBatchSchema.safeParse({ changes: [{ clientId: 'x', op: 'create', fields: {} }] }).success
		).toBe(false);
		expect(
			syncBatchSchema.safeParse({
				changes: [{ clientId: randomUUID(), op: 'merge', fields: {} }]
			}).success
		).toBe(false);
	});
});
