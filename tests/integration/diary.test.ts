import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestDatabase, type TestDatabase } from './harness';
import { createTestUser, createTestWorkplace, morningSurgeryFields } from './factory';
import type { Db } from '../../src/lib/server/db/index';
import { entrySchema, jobPlanSchema, type EntryInput } from '../../src/lib/schemas/diary';
import { parseForm } from '../../src/lib/server/forms';
import {
	copyDays,
	createEntry,
	deleteEntry,
	findEntries,
	findEntry,
	logAsPlanned,
	updateEntry
} from '../../src/lib/server/diary/entries';
import {
	createJobPlan,
	deleteJobPlan,
	listJobPlans,
	updateJobPlan
} from '../../src/lib/server/diary/job-plans';
import {
	createWorkplace,
	findWorkplace,
	nationOfArea
} from '../../src/lib/server/diary/workplaces';
import { loadWeek } from '../../src/lib/server/diary/week';
import { loadReport } from '../../src/lib/server/diary/report';
import { logFromTemplate, saveTemplate } from '../../src/lib/server/diary/templates';
import { saveDiarySettings } from '../../src/lib/server/diary/settings';
import { readSettings, saveSettings } from '../../src/lib/server/settings';
import { SYSTEM_ACTOR } from '../../src/lib/server/audit';
import { deleteDiary } from '../../src/lib/server/diary/delete';
import { exportAll, exportCsv } from '../../src/lib/server/diary/export';
import { seedDemoDiary } from '../../scripts/seed/diary';
import { DEMO_ACCOUNTS } from '../../scripts/seed/demo';
import { computeDay } from '../../src/lib/domain/diary-rules';
import { parse } from 'csv-parse/sync';
import { addDays } from '../../src/lib/domain/calendar';
import { DEFAULT_OVERTIME_SETTINGS } from '../../src/lib/domain/diary-model';

const TODAY = '2026-11-24'; // a Tuesday

async function newUser(db: Db): Promise<string> {
	return (await createTestUser(db, 'Diary', { doctorKind: 'salaried', verified: false })).id;
}

/** A form as the entry page posts it. */
function entryForm(fields: Record<string, string>): FormData {
	const form = new FormData();
	for (const [k, v] of Object.entries(fields)) form.set(k, v);
	return form;
}

function parseEntry(fields: Record<string, string>, today = TODAY) {
	return parseForm(entrySchema(today), entryForm(fields));
}

function entry(workplaceId: string, date: string, over: Partial<EntryInput> = {}): EntryInput {
	const parsed = parseEntry(morningSurgeryFields(workplaceId, date));
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
	return { ...parsed.data, ...over };
}

/** A salaried doctor with a weekday-morning job plan (08:30–12:40) at £96,000 from 2021. */
async function salariedDoctor(db: Db): Promise<{ user: string; workplaceId: string }> {
	const user = await newUser(db);
	const workplaceId = await createTestWorkplace(db, user, { name: 'Long Practice' });
	const form = new FormData();
	form.set('workplaceId', workplaceId);
	form.set('effectiveFrom', '2021-11-01');
	form.set('salary', '96000');
	for (const day of [1, 2, 3, 4, 5]) form.set(`s${day}_0_type`, 'surgery');
	const plan = parseForm(jobPlanSchema, form);
	if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
	await createJobPlan(db, user, plan.data);
	return { user, workplaceId };
}

async function countEntries(db: Db, userId: string): Promise<number> {
	const rows = await db
		.selectFrom('worked_sessions')
		.select('id')
		.where('user_id', '=', userId)
		.execute();
	return rows.length;
}

describe.each(DATABASES)('the diary on %s', (name) => {
	let t: TestDatabase;
	let db: Db;
	let alice: string;
	let bob: string;
	let practice: string;
	let bobPlace: string;

	beforeAll(async () => {
		t = await openTestDatabase(name);
		db = t.db;
		alice = await newUser(db);
		bob = await newUser(db);
		// An area and no nation: the nation is taken from the area.
		practice = await createTestWorkplace(db, alice, { areaCode: 'S08000031', nation: null });
		bobPlace = await createTestWorkplace(db, bob, { name: 'Bob’s practice' });
	});
	afterAll(async () => t?.close());

	it('derives a workplace’s nation from its area', async () => {
		expect(nationOfArea('S08000031')).toBe('SCT');
		expect((await findWorkplace(db, alice, practice))?.nation).toBe('SCT');
		const bad = await createWorkplace(db, alice, {
			name: 'Nowhere',
			kind: 'practice',
			basis: 'locum',
			areaCode: 'X99',
			nation: null
		});
		expect(bad).toEqual({ ok: false, errors: { areaCode: 'Choose an area from the list.' } });
	});

	it('keeps another doctor’s entries unreachable by id', async () => {
		const saved = await createEntry(db, alice, entry(practice, '2026-11-20'));
		if (!saved.ok) throw new Error('not saved');
		expect(await findEntry(db, alice, saved.id)).toBeDefined();
		expect(await findEntry(db, bob, saved.id)).toBeUndefined();
		expect(await updateEntry(db, bob, saved.id, entry(bobPlace, '2026-11-20'))).toBeNull();
		expect(await deleteEntry(db, bob, saved.id)).toBe(false);
		expect(await findWorkplace(db, bob, practice)).toBeUndefined();
		expect(await findEntries(db, bob, '2026-11-01', '2026-11-30')).toEqual([]);
		// Bob cannot log against Alice's workplace either.
		expect(await createEntry(db, bob, entry(practice, '2026-11-20'))).toEqual({
			ok: false,
			errors: { workplaceId: 'Choose one of your workplaces.' }
		});
		expect(await findEntry(db, alice, 'not-a-uuid')).toBeUndefined();
		expect(await deleteEntry(db, alice, saved.id)).toBe(true);
	});

	it('refuses bad input with a message beside each field and stores nothing', async () => {
		const before = await countEntries(db, alice);
		const base = {
			date: '2026-11-23',
			workplaceId: practice,
			sessionType: 'surgery',
			start: '14:00',
			finish: '18:10'
		};
		const finishBeforeStart = parseEntry({ ...base, finish: '13:00' });
		expect(finishBeforeStart.ok).toBe(false);
		if (!finishBeforeStart.ok) expect(finishBeforeStart.errors.finish).toMatch(/after midnight/);

		// Every message at once: the rules between fields still run when one field is refused.
		const several = parseEntry({
			...base,
			finish: '13:00',
			con_telephone: '-3',
			feeAmount: 'lots'
		});
		expect(several.ok).toBe(false);
		if (!several.ok) {
			expect(Object.keys(several.errors).sort()).toEqual(['con_telephone', 'feeAmount', 'finish']);
		}

		const negative = parseEntry({ ...base, con_telephone: '-3', adm_results: '-1' });
		expect(negative.ok).toBe(false);
		if (!negative.ok) {
			expect(negative.errors.con_telephone).toMatch(/cannot be negative/);
			expect(negative.errors.adm_results).toMatch(/cannot be negative/);
		}

		const thirtyHours = parseEntry({ ...base, act_consulting: '1800' });
		expect(thirtyHours.ok).toBe(false);
		if (!thirtyHours.ok) expect(thirtyHours.errors.act_consulting).toBeTruthy();
		const tooLong = parseEntry({ ...base, start: '08:00', finish: '07:00', afterMidnight: 'on' });
		expect(tooLong.ok).toBe(false);
		if (!tooLong.ok) expect(tooLong.errors.finish).toMatch(/at most 16 hours/);
		const badTime = parseEntry({ ...base, start: '30:00' });
		expect(badTime.ok).toBe(false);
		if (!badTime.ok) expect(badTime.errors.start).toMatch(/time like/);
		const future = parseEntry({ ...base, date: '2026-11-25' });
		expect(future.ok).toBe(false);

		const unknownWorkplace = await createEntry(
			db,
			alice,
			entry(practice, '2026-11-23', { workplaceId: '00000000-0000-4000-8000-000000000000' })
		);
		expect(unknownWorkplace).toEqual({
			ok: false,
			errors: { workplaceId: 'Choose one of your workplaces.' }
		});
		const notUuid = parseEntry({ ...base, workplaceId: 'nope' });
		expect(notUuid.ok).toBe(false);

		expect(await countEntries(db, alice)).toBe(before);
	});

	it('takes a finish before the start as crossing midnight only when it may', async () => {
		const ooh = parseEntry({
			date: '2026-11-21',
			workplaceId: practice,
			sessionType: 'out_of_hours',
			start: '18:30',
			finish: '01:00'
		});
		expect(ooh.ok).toBe(true);
		const ticked = parseEntry({
			date: '2026-11-21',
			workplaceId: practice,
			sessionType: 'extended_access',
			start: '18:30',
			finish: '00:30',
			afterMidnight: 'on'
		});
		expect(ticked.ok).toBe(true);
		const leave = parseEntry({
			date: '2026-11-21',
			workplaceId: practice,
			sessionType: 'annual_leave'
		});
		expect(leave.ok).toBe(true);
		const leaveWithContacts = parseEntry({
			date: '2026-11-21',
			workplaceId: practice,
			sessionType: 'annual_leave',
			con_telephone: '3'
		});
		expect(leaveWithContacts.ok).toBe(false);
	});

	it('never rewrites the past when the job plan changes', async () => {
		const user = await newUser(db);
		const workplaceId = await createTestWorkplace(db, user, { name: 'Hill Practice' });
		const planForm = (effectiveFrom: string, extra: Record<string, string>) => {
			const form = new FormData();
			form.set('workplaceId', workplaceId);
			form.set('effectiveFrom', effectiveFrom);
			form.set('salary', '96000');
			for (const [k, v] of Object.entries(extra)) form.set(k, v);
			return parseForm(jobPlanSchema, form);
		};
		// Tuesday morning, a standard session from 08:30 (the end defaults to 4 h 10 min later).
		const first = planForm('2026-09-01', { s2_0_type: 'surgery', s2_0_start: '08:30' });
		if (!first.ok) throw new Error(JSON.stringify(first.errors));
		expect(first.data.sessions[0]).toMatchObject({ start: '08:30', end: '12:40' });
		const created = await createJobPlan(db, user, first.data);
		if (!created.ok) throw new Error('plan not created');
		await createEntry(db, user, entry(workplaceId, '2026-11-10', { finish: '13:40' }));
		const before = await loadReport(db, user, { from: '2026-11-10', to: '2026-11-10' });
		expect(before.report.days[0].plannedMinutes).toBe(250);
		expect(before.report.days[0].extraMinutes).toBe(60);

		// From 17 November she works Tuesday afternoons too.
		const second = planForm('2026-11-17', {
			s2_0_type: 'surgery',
			s2_0_start: '08:30',
			s2_1_type: 'surgery',
			s2_1_start: '14:00'
		});
		if (!second.ok) throw new Error(JSON.stringify(second.errors));
		expect((await createJobPlan(db, user, second.data)).ok).toBe(true);

		const after = await loadReport(db, user, { from: '2026-11-10', to: '2026-11-17' });
		expect(after.report.days[0]).toMatchObject({ plannedMinutes: 250, extraMinutes: 60 });
		expect(after.report.days[7].plannedMinutes).toBe(500);

		// The plan in force cannot be edited or deleted, only followed by a new one.
		const edit = planForm('2026-09-01', { s1_0_type: 'surgery' });
		if (!edit.ok) throw new Error('bad edit form');
		const refused = await updateJobPlan(db, user, created.id, edit.data, TODAY);
		expect(refused?.ok).toBe(false);
		expect(await deleteJobPlan(db, user, created.id, TODAY)).toBe('locked');
		// Two plans may not start on the same day.
		const clash = await createJobPlan(db, user, second.data);
		expect(clash.ok).toBe(false);
		// Another doctor cannot touch it.
		expect(await updateJobPlan(db, alice, created.id, edit.data, TODAY)).toBeNull();
		const plans = await listJobPlans(db, user);
		expect(plans.map((p) => p.effectiveFrom)).toEqual(['2026-09-01', '2026-11-17']);
		expect(plans[0].sessions).toHaveLength(1);

		// Log as planned uses the plan in force that day.
		const tuesdayAfternoon = plans[1].sessions.find((s) => s.start === '14:00')!;
		const logged = await logAsPlanned(db, user, '2026-11-24', tuesdayAfternoon.id, TODAY);
		expect(logged.ok).toBe(true);
		expect((await logAsPlanned(db, user, '2026-11-10', tuesdayAfternoon.id, TODAY)).ok).toBe(false);
		expect((await logAsPlanned(db, alice, '2026-11-24', tuesdayAfternoon.id, TODAY)).ok).toBe(
			false
		);
		if (logged.ok) {
			expect(await findEntry(db, user, logged.id)).toMatchObject({
				start: '14:00',
				finish: '18:10',
				activities: { consulting: 180, admin: 70 }
			});
		}
	});

	it('copies yesterday to today and last week to this week without doubling', async () => {
		const user = await newUser(db);
		const workplaceId = await createTestWorkplace(db, user, {
			name: 'Copy Practice',
			basis: 'locum'
		});
		await createEntry(
			db,
			user,
			entry(workplaceId, '2026-11-23', {
				feePence: 45000,
				feeBasis: 'per_session',
				feeExtrasPence: null
			})
		);
		await createEntry(
			db,
			user,
			entry(workplaceId, '2026-11-23', { start: '14:00', finish: '18:10' })
		);
		expect(await copyDays(db, user, '2026-11-23', '2026-11-23', 1, TODAY)).toEqual({
			copied: 2,
			skipped: []
		});
		// Again: today already has entries, so nothing is copied twice.
		expect(await copyDays(db, user, '2026-11-23', '2026-11-23', 1, TODAY)).toEqual({
			copied: 0,
			skipped: ['2026-11-24']
		});
		const today = await findEntries(db, user, TODAY, TODAY);
		expect(today.map((e) => [e.start, e.finish, e.feePence])).toEqual([
			['08:30', '12:40', 45000],
			['14:00', '18:10', null]
		]);

		// Last week (16–22 Nov) into this week: Monday is taken, Tuesday is taken, the rest is to come.
		for (const date of ['2026-11-16', '2026-11-18', '2026-11-20']) {
			await createEntry(db, user, entry(workplaceId, date));
		}
		const week = await copyDays(db, user, '2026-11-16', '2026-11-22', 7, TODAY);
		expect(week.copied).toBe(0);
		expect(week.skipped.sort()).toEqual(['2026-11-23', '2026-11-25', '2026-11-27']);
		const weekLater = await copyDays(db, user, '2026-11-16', '2026-11-22', 7, '2026-11-29');
		expect(weekLater).toEqual({ copied: 2, skipped: ['2026-11-23'] });
	});

	it('logs from a template and keeps the contact limit', async () => {
		const user = await newUser(db);
		const workplaceId = await createTestWorkplace(db, user, {
			name: 'Hub',
			kind: 'pcn_hub',
			basis: 'locum',
			nation: 'WLS'
		});
		const { date: _date, ...fields } = entry(workplaceId, '2026-11-21', {
			sessionType: 'extended_access',
			start: '09:00',
			finish: '13:00',
			activities: {
				consulting: 200,
				admin: 40,
				home_visits: 0,
				meetings: 0,
				teaching: 0,
				cpd: 0,
				other: 0
			}
		});
		const id = await saveTemplate(db, user, 'Saturday hub', fields);
		const logged = await logFromTemplate(db, user, '2026-11-21', id, TODAY);
		expect(logged.ok).toBe(true);
		expect((await logFromTemplate(db, alice, '2026-11-21', id, TODAY)).ok).toBe(false);
		await saveDiarySettings(db, user, { contactLimit: 15 });
		const week = await loadWeek(db, user, '2026-11-21', TODAY);
		expect(week.contactLimit).toBe(15);
		const saturday = week.days[5];
		expect(saturday.result.contacts).toBe(28);
		expect(saturday.result.flags.map((f) => f.kind)).toContain('contacts_over_limit');
	});

	it('computes the week correctly among five years of entries', async () => {
		const { user, workplaceId } = await salariedDoctor(db);

		// Five years of weekday mornings, each finishing at 13:10 (30 min over), in bulk.
		const rows = [];
		for (let date = '2021-11-22'; date <= '2026-11-23'; date = addDays(date, 1)) {
			const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
			if (weekday === 0 || weekday === 6) continue;
			rows.push({
				user_id: user,
				workplace_id: workplaceId,
				date,
				session_type: 'surgery',
				start_time: '08:30',
				finish_time: '13:10',
				consulting_minutes: 200,
				admin_minutes: 80,
				contacts_face_to_face: 20
			});
		}
		for (let i = 0; i < rows.length; i += 500) {
			await db
				.insertInto('worked_sessions')
				.values(rows.slice(i, i + 500))
				.execute();
		}
		expect(rows.length).toBeGreaterThan(1250);

		const week = await loadWeek(db, user, TODAY, TODAY);
		expect(week.from).toBe('2026-11-23');
		expect(week.to).toBe('2026-11-29');
		// Monday logged; Tuesday (today) planned and not yet logged; the rest still to come.
		expect(week.days[0].entries).toHaveLength(1);
		expect(week.days[0].result).toMatchObject({
			plannedMinutes: 250,
			workedMinutes: 280,
			extraMinutes: 30
		});
		expect(week.days[1].planned).toHaveLength(1);
		expect(week.days[1].planned[0].logged).toBe(false);
		expect(week.days[1].running).toMatchObject({
			plannedMinutes: 250,
			workedMinutes: 280,
			extraMinutes: 30
		});
		expect(week.days.slice(2).every((d) => d.isFuture && d.entries.length === 0)).toBe(true);
		// Matches the rules module computed directly for that day.
		const direct = computeDay(
			'2026-11-23',
			[
				{
					date: '2026-11-23',
					nation: 'ENG',
					sessionType: 'surgery',
					start: '08:30',
					finish: '13:10',
					activities: { consulting: 200, admin: 80 },
					contacts: { face_to_face: 20 }
				}
			],
			{
				effectiveFrom: '2021-11-01',
				sessions: [{ weekday: 1, start: '08:30', end: '12:40' }],
				fullTimeSalaryPence: 9_600_000
			},
			DEFAULT_OVERTIME_SETTINGS
		);
		expect(week.days[0].result).toEqual(direct);
	});

	it('values extra time at the multipliers the administrators set', async () => {
		const { user, workplaceId } = await salariedDoctor(db);
		// Monday 23 November, 30 minutes past the planned 12:40, all in core hours.
		await db
			.insertInto('worked_sessions')
			.values({
				user_id: user,
				workplace_id: workplaceId,
				date: '2026-11-23',
				session_type: 'surgery',
				start_time: '08:30',
				finish_time: '13:10',
				consulting_minutes: 200,
				admin_minutes: 80
			})
			.execute();
		const monday = async () => (await loadWeek(db, user, TODAY, TODAY)).days[0].result;
		const bma = await monday();
		expect(bma).toMatchObject({ extraMinutes: 30, toilMinutes: 45 });

		const defaults = await readSettings(db);
		const saved = await saveSettings(db, SYSTEM_ACTOR, {
			...defaults,
			overtimeCoreMultiplier: 1.25,
			toilCoreHours: 1
		});
		expect(saved.ok).toBe(true);
		try {
			const group = await monday();
			expect(group).toMatchObject({ extraMinutes: 30, toilMinutes: 30 });
			// £96,000 a year is £49.23 an hour; half an hour at 125 % instead of 150 %.
			expect(group.extraValuePence! / bma.extraValuePence!).toBeCloseTo(1.25 / 1.5, 2);
			const report = await loadReport(db, user, { from: '2026-11-23', to: '2026-11-23' });
			expect(report.report.totals.toilMinutes).toBe(30);
		} finally {
			await saveSettings(db, SYSTEM_ACTOR, defaults);
		}
	});

	it('exports everything and deletes the diary alone', async () => {
		const user = await newUser(db);
		const workplaceId = await createTestWorkplace(db, user, {
			name: '=HYPERLINK("x")',
			basis: 'locum',
			nation: 'NIR'
		});
		await createEntry(db, user, entry(workplaceId, '2026-11-20', { notes: 'Busy, "quoted", day' }));
		const data = await exportAll(db, user);
		expect(data.entries).toHaveLength(1);
		const rows = parse(exportCsv(data, 'entries'), { bom: true, columns: true }) as Record<
			string,
			string
		>[];
		expect(rows[0]).toMatchObject({
			date: '2026-11-20',
			workplace: `'=HYPERLINK("x")`,
			notes: 'Busy, "quoted", day'
		});
		expect(await deleteDiary(db, user)).toEqual({ entries: 1 });
		expect((await exportAll(db, user)).workplaces).toEqual([]);
		expect(
			await db.selectFrom('users').select('id').where('id', '=', user).executeTakeFirst()
		).toBeDefined();
	});

	it('seeds ten weeks of demo diary that the reports can use', async () => {
		// seedDemoAccounts only runs on an empty database: make the two demo users by hand.
		const [doctor, member] = await Promise.all(
			DEMO_ACCOUNTS.slice(0, 2).map((a) =>
				createTestUser(db, a.name, {
					email: a.email,
					name: a.name,
					doctorKind: 'salaried',
					verified: false
				})
			)
		);
		expect(await seedDemoDiary(db, TODAY)).toBe(true);
		const report = await loadReport(db, doctor.id, {
			from: addDays(TODAY, -69),
			to: addDays(TODAY, -1)
		});
		expect(report.entries.length).toBeGreaterThan(40);
		expect(report.report.totals.extraMinutes).toBeGreaterThan(0);
		expect(report.report.totals.extraValuePence).toBeGreaterThan(0);
		expect(report.report.totals.flaggedDates.length).toBeGreaterThan(0);
		expect(report.entries.some((e) => e.sessionType === 'annual_leave')).toBe(true);
		const memberEntries = await findEntries(db, member.id, addDays(TODAY, -70), TODAY);
		expect(memberEntries.some((e) => e.feePence !== null)).toBe(true);
		// Today is left to log, and a second run adds nothing.
		expect(await findEntries(db, doctor.id, TODAY, TODAY)).toEqual([]);
		const count = await countEntries(db, doctor.id);
		await seedDemoDiary(db, TODAY);
		expect(await countEntries(db, doctor.id)).toBe(count);
	});
});
