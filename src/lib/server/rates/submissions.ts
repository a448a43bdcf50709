import { sql } from 'kysely';
import type { Db } from '../db/index';
import { toNumber } from '../db/index';
import type { SubmissionStatus } from '../db/tables/rates';
import { regionOfArea } from '../../domain/geography';
import { checkRateBounds, pencePerHour, perSessionEquivalentPence } from '../../domain/rate-units';
import { describeSpread, moderationReason } from '../../domain/rate-stats';
import type { RateSubmissionInput } from '../../schemas/rates';
import { contributorKey } from './contributor';
import { isUuid } from '../../ids';
import * as clock from '../clock';

export const MAX_SUBMISSIONS_PER_MONTH = 20;
/** Fewer accepted doctors than this in a category × region and only the soft bounds apply. */
const MIN_GROUP_FOR_OUTLIERS = 10;

export type SaveResult =
	| { ok: true; id: string; status: SubmissionStatus; replaced: boolean }
	| { ok: false; errors: Record<string, string> };

function derive(input: RateSubmissionInput) {
	const region = regionOfArea(input.areaCode);
	if (!region?.parentCode) throw new Error(`Area without region: ${input.areaCode}`);
	const perHour = pencePerHour(input);
	return {
		region_code: region.code,
		nation_code: region.parentCode,
		pence_per_hour: perHour,
		session_equivalent_pence: perSessionEquivalentPence(perHour)
	};
}

/**
 * Held for moderation when outside the soft bounds or a robust outlier against the accepted
 * submissions of its category × region (one value per doctor, so one doctor cannot move it).
 */
async function moderationFor(
	db: Db,
	categoryCode: string,
	regionCode: string,
	perHour: number,
	excludeKey: string
) {
	const rows = await db
		.selectFrom('rate_submissions')
		.select(sql<number>`percentile_cont(0.5) within group (order by pence_per_hour)`.as('pph'))
		.where('category_code', '=', categoryCode)
		.where('region_code', '=', regionCode)
		.where('status', '=', 'accepted')
		.where('contributor_key', '<>', excludeKey)
		.groupBy('contributor_key')
		.execute();
	const values = rows.map((r) => Number(r.pph));
	const spread = values.length >= MIN_GROUP_FOR_OUTLIERS ? describeSpread(values) : null;
	const reason = moderationReason(perHour, spread);
	return { status: (reason ? 'held' : 'accepted') as SubmissionStatus, moderation_reason: reason };
}

/**
 * Stores a doctor's rate. One per category × area × month: a second one replaces the first. At most
 * MAX_SUBMISSIONS_PER_MONTH new ones a calendar month. Bad values store nothing.
 */
export async function saveSubmission(
	db: Db,
	userId: string,
	input: RateSubmissionInput,
	existingId: string | null = null
): Promise<SaveResult> {
	if (existingId !== null && !isUuid(existingId)) {
		return { ok: false, errors: { form: 'That submission no longer exists.' } };
	}
	const bounds = checkRateBounds(input);
	if (Object.keys(bounds).length > 0)
		return { ok: false, errors: bounds as Record<string, string> };
	const key = contributorKey(userId);
	const derived = derive(input);
	const moderation = await moderationFor(
		db,
		input.category,
		derived.region_code,
		derived.pence_per_hour,
		key
	);
	const values = {
		category_code: input.category,
		work_month: input.workMonth,
		area_code: input.areaCode,
		amount_pence: input.amountPence,
		basis: input.basis,
		hours_worked: input.hoursWorked,
		booked_contacts: input.bookedContacts,
		home_visits_included: input.homeVisitsIncluded,
		admin_included: input.adminIncluded,
		booking_route: input.bookingRoute,
		...derived,
		...moderation,
		updated_at: clock.now()
	};

	return db.transaction().execute(async (trx): Promise<SaveResult> => {
		const sameCell = await trx
			.selectFrom('rate_submissions')
			.select('id')
			.where('contributor_key', '=', key)
			.where('category_code', '=', input.category)
			.where('area_code', '=', input.areaCode)
			.where('work_month', '=', input.workMonth)
			.executeTakeFirst();

		if (existingId) {
			const own = await trx
				.selectFrom('rate_submissions')
				.select('id')
				.where('id', '=', existingId)
				.where('contributor_key', '=', key)
				.executeTakeFirst();
			if (!own) return { ok: false, errors: { form: 'That submission no longer exists.' } };
			if (sameCell && sameCell.id !== existingId) {
				return {
					ok: false,
					errors: {
						workMonth:
							'You already reported this kind of work in this area for this month. Edit that one instead.'
					}
				};
			}
			await trx.updateTable('rate_submissions').set(values).where('id', '=', existingId).execute();
			return { ok: true, id: existingId, status: moderation.status, replaced: true };
		}

		if (sameCell) {
			await trx.updateTable('rate_submissions').set(values).where('id', '=', sameCell.id).execute();
			return { ok: true, id: sameCell.id, status: moderation.status, replaced: true };
		}

		// The month is the doctors' (London) calendar month, judged by the app's clock.
		const { n } = await trx
			.selectFrom('rate_submissions')
			.select((eb) => eb.fn.countAll().as('n'))
			.where('contributor_key', '=', key)
			.where(
				'created_at',
				'>=',
				sql<Date>`date_trunc('month', ${clock.now()}::timestamptz at time zone 'Europe/London') at time zone 'Europe/London'`
			)
			.executeTakeFirstOrThrow();
		if (toNumber(n) >= MAX_SUBMISSIONS_PER_MONTH) {
			return {
				ok: false,
				errors: {
					form: `You have added ${MAX_SUBMISSIONS_PER_MONTH} rates this month, the most we take in one month. You can still edit the ones you added.`
				}
			};
		}
		// A simultaneous save for the same cell and month becomes an update, not a duplicate error.
		const row = await trx
			.insertInto('rate_submissions')
			.values({ contributor_key: key, ...values, created_at: clock.now() })
			.onConflict((oc) => oc.constraint('rate_submissions_one_per_cell_month').doUpdateSet(values))
			.returning('id')
			.executeTakeFirstOrThrow();
		return { ok: true, id: row.id, status: moderation.status, replaced: false };
	});
}

const OWN_COLUMNS = [
	'rate_submissions.id',
	'rate_submissions.category_code',
	'rate_submissions.work_month',
	'rate_submissions.area_code',
	'rate_submissions.amount_pence',
	'rate_submissions.basis',
	'rate_submissions.hours_worked',
	'rate_submissions.pence_per_hour',
	'rate_submissions.session_equivalent_pence',
	'rate_submissions.booked_contacts',
	'rate_submissions.home_visits_included',
	'rate_submissions.admin_included',
	'rate_submissions.booking_route',
	'rate_submissions.status',
	'rate_submissions.updated_at'
] as const;

export interface OwnSubmission {
	id: string;
	category: string;
	workMonth: string;
	areaCode: string;
	areaName: string;
	amountPence: number;
	basis: 'per_hour' | 'per_session' | 'per_day';
	hoursWorked: number;
	pencePerHour: number;
	sessionEquivalentPence: number;
	bookedContacts: number | null;
	homeVisitsIncluded: boolean | null;
	adminIncluded: boolean | null;
	bookingRoute: 'direct' | 'agency' | 'platform' | null;
	status: SubmissionStatus;
}

function ownQuery(db: Db, userId: string) {
	return db
		.selectFrom('rate_submissions')
		.innerJoin('geo_units', 'geo_units.code', 'rate_submissions.area_code')
		.select([...OWN_COLUMNS, 'geo_units.short_name as area_name'])
		.where('rate_submissions.contributor_key', '=', contributorKey(userId));
}

function toOwn(
	row: Awaited<ReturnType<ReturnType<typeof ownQuery>['executeTakeFirstOrThrow']>>
): OwnSubmission {
	return {
		id: row.id,
		category: row.category_code,
		workMonth: row.work_month,
		areaCode: row.area_code,
		areaName: row.area_name,
		amountPence: row.amount_pence,
		basis: row.basis,
		hoursWorked: Number(row.hours_worked),
		pencePerHour: row.pence_per_hour,
		sessionEquivalentPence: row.session_equivalent_pence,
		bookedContacts: row.booked_contacts,
		homeVisitsIncluded: row.home_visits_included,
		adminIncluded: row.admin_included,
		bookingRoute: row.booking_route,
		status: row.status
	};
}

export async function listOwnSubmissions(db: Db, userId: string): Promise<OwnSubmission[]> {
	const rows = await ownQuery(db, userId)
		.orderBy('rate_submissions.work_month', 'desc')
		.orderBy('rate_submissions.updated_at', 'desc')
		.execute();
	return rows.map(toOwn);
}

/** Undefined for an unknown id and for anyone else's submission alike. */
export async function findOwnSubmission(db: Db, userId: string, id: string) {
	if (!isUuid(id)) return undefined;
	const row = await ownQuery(db, userId).where('rate_submissions.id', '=', id).executeTakeFirst();
	return row && toOwn(row);
}

export async function deleteOwnSubmission(db: Db, userId: string, id: string): Promise<boolean> {
	if (!isUuid(id)) return false;
	const result = await db
		.deleteFrom('rate_submissions')
		.where('id', '=', id)
		.where('contributor_key', '=', contributorKey(userId))
		.executeTakeFirst();
	return Number(result.numDeletedRows) > 0;
}

/** Part of deleting an account: published snapshots are aggregates and stay as they are. */
export async function deleteAllOwnSubmissions(db: Db, userId: string): Promise<number> {
	const result = await db
		.deleteFrom('rate_submissions')
		.where('contributor_key', '=', contributorKey(userId))
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}
