// The shapes of data the end-to-end suite relies on, made so by construction on whatever date the
// suite runs ("as of" SESSIONAL_TODAY), rather than hoped for in the random demo:
//   - a published English region whose in-hours colour no other region shares, with enough
//     doctors for members' quartiles (the map's "click a region" test, the member panel);
//   - a region with no out-of-hours reports in the latest quarter, so it is suppressed;
//   - submissions held for moderation, for the admin's moderation test.
// applyDataShapes runs after the demo's submissions are stored and before publication
// (tests/e2e/seed.ts), so the latest due snapshot is published with these shapes in it.
import { sql } from 'kysely';
import type { Db } from '../../src/lib/server/db/index';
import { contributorKey } from '../../src/lib/server/rates/contributor';
import { publicationSettings } from '../../src/lib/server/rates/settings';
import { insertSubmissionRows, submissionRow } from '../../scripts/seed/rates';
import { moderationReason } from '../../src/lib/domain/rate-stats';
import { SOFT_BOUNDS } from '../../src/lib/domain/rate-units';
import { AREAS } from '../../data/geography';
import { hashPassword } from '../../src/lib/server/auth/password';
import * as clock from '../../src/lib/server/clock';
import { dueQuarters, windowForQuarter } from '../../src/lib/domain/calendar';

export const DATA_SHAPES = {
	/** South West: drawn in-hours in a colour of its own, with members' quartiles. */
	ownColourRegion: { code: 'TLK', name: 'South West', category: 'in_hours_session' },
	/** North East: no out-of-hours reports in the latest quarter's window. */
	suppressedRegion: { code: 'TLC', name: 'North East', category: 'out_of_hours' },
	/** How many submissions wait for moderation at the start of the suite. */
	heldSubmissions: 4,
	/** An administrator who has not set up two-factor sign-in yet (two-factor.spec.ts). */
	adminWithoutSecondFactor: {
		email: 'new-admin@e2e.sessional.test',
		password: 'e2e-new-admin-pass',
		name: 'Dr New Admin'
	},
	/** An administrator who sets up a passkey as their only second factor (passkeys.spec.ts). */
	adminForPasskey: {
		email: 'passkey-admin@e2e.sessional.test',
		password: 'e2e-passkey-admin-pass',
		name: 'Dr Passkey Admin'
	}
} as const;

/** Accounts the suite needs besides the demo's. */
export async function addAccountShapes(db: Db): Promise<void> {
	for (const admin of [DATA_SHAPES.adminWithoutSecondFactor, DATA_SHAPES.adminForPasskey]) {
		await db
			.insertInto('users')
			.values({
				email: admin.email,
				name: admin.name,
				doctor_kind: 'other',
				role: 'admin',
				password_hash: await hashPassword(admin.password),
				email_verified_at: clock.now()
			})
			.onConflict((oc) => oc.column('email').doNothing())
			.execute();
	}
}

/** The region's doctors' rate: near the top of the soft bounds, far above any demo region's median. */
const OWN_COLOUR_PENCE_PER_HOUR = SOFT_BOUNDS.maxPencePerHour - 10_00;
/**
 * The legend splits the published medians into five equal steps; a region alone in the top step
 * has a colour of its own when every other median is below lowest + 4/5 of the range. With the
 * lowest at the soft minimum, that holds for every median under this.
 */
const HIGHEST_OTHER_MEDIAN =
	SOFT_BOUNDS.minPencePerHour + 0.8 * (OWN_COLOUR_PENCE_PER_HOUR - SOFT_BOUNDS.minPencePerHour);

export async function applyDataShapes(db: Db, today: string): Promise<void> {
	const { lagMonths } = await publicationSettings(db);
	const earliest = await db
		.selectFrom('rate_submissions')
		.select((eb) => eb.fn.min('work_month').as('m'))
		.executeTakeFirstOrThrow();
	const due = dueQuarters(today, lagMonths, earliest.m ?? null);
	if (due.length === 0) throw new Error(`No quarter is due on ${today}: the demo has no data`);
	const window = windowForQuarter(due[due.length - 1]);
	const inWindow = (category: string, region: string) =>
		db
			.selectFrom('rate_submissions')
			.where('status', '=', 'accepted')
			.where('category_code', '=', category)
			.where('region_code', '=', region)
			.where('work_month', '>=', window.fromMonth)
			.where('work_month', '<=', window.toMonth);

	// A colour of its own: more doctors than the region already has, all at one high rate, so the
	// region's median is that rate whatever the demo drew.
	const own = DATA_SHAPES.ownColourRegion;
	const highest = await sql<{ region_code: string; m: number | string }>`
		select region_code, percentile_cont(0.5) within group (order by pence_per_hour) as m
		from rate_submissions
		where status = 'accepted' and category_code = ${own.category}
			and work_month between ${window.fromMonth} and ${window.toMonth}
		group by region_code
		order by m desc
	`.execute(db);
	for (const row of highest.rows) {
		if (row.region_code !== own.code && Number(row.m) >= HIGHEST_OTHER_MEDIAN)
			throw new Error(
				`Region ${row.region_code} has a median of ${Number(row.m) / 100} £/h: too close to the fixture's rate for ${own.name} to keep a colour of its own`
			);
	}
	const { n } = await inWindow(own.category, own.code)
		.select((eb) => eb.fn.count<number | string>('contributor_key').distinct().as('n'))
		.executeTakeFirstOrThrow();
	const doctors = Number(n) + 25;
	const areas = AREAS.filter((a) => a.regionCode === own.code).map((a) => a.code);
	const rows = Array.from({ length: doctors }, (_, i) =>
		submissionRow({
			contributorKey: contributorKey(`e2e-shape-own-colour-${i}`),
			category: own.category,
			workMonth: window.toMonth,
			areaCode: areas[i % areas.length],
			amountPence: OWN_COLOUR_PENCE_PER_HOUR,
			basis: 'per_hour',
			hoursWorked: 4,
			bookedContacts: 16 + (i % 3)
		})
	);

	// Held for moderation: work in the same region, each beyond the soft bounds.
	const lastMonth = window.toMonth;
	for (let i = 0; i < DATA_SHAPES.heldSubmissions; i++) {
		const amountPence = SOFT_BOUNDS.maxPencePerHour + (i + 1) * 20_00;
		rows.push(
			submissionRow({
				contributorKey: contributorKey(`e2e-shape-held-${i}`),
				category: own.category,
				workMonth: lastMonth,
				areaCode: areas[i % areas.length],
				amountPence,
				basis: 'per_hour',
				hoursWorked: 4,
				status: 'held',
				moderationReason: moderationReason(amountPence, null)
			})
		);
	}
	await insertSubmissionRows(db, rows);

	// Suppressed: nobody reported out-of-hours work in the region during the window.
	const gone = DATA_SHAPES.suppressedRegion;
	await db
		.deleteFrom('rate_submissions')
		.where('category_code', '=', gone.category)
		.where('region_code', '=', gone.code)
		.where('work_month', '>=', window.fromMonth)
		.where('work_month', '<=', window.toMonth)
		.execute();
}
