import type { Db } from '../db/index';
import type { MembershipSource } from '../db/schema';
import * as clock from '../clock';

/** A doctor is a member while a record that is not revoked covers the date. */
export async function isMemberOn(
	db: Db,
	userId: string,
	date: string = clock.today()
): Promise<boolean> {
	const row = await db
		.selectFrom('memberships')
		.select('id')
		.where('user_id', '=', userId)
		.where('revoked_at', 'is', null)
		.where('valid_from', '<=', date)
		.where('valid_until', '>=', date)
		.limit(1)
		.executeTakeFirst();
	return row !== undefined;
}

export interface MembershipStatus {
	member: boolean;
	/** The last day covered by the record in force (or the latest past one), 'YYYY-MM-DD'. */
	validUntil: string | null;
}

export async function membershipStatus(
	db: Db,
	userId: string,
	date: string = clock.today()
): Promise<MembershipStatus> {
	const current = await db
		.selectFrom('memberships')
		.select('valid_until')
		.where('user_id', '=', userId)
		.where('revoked_at', 'is', null)
		.where('valid_from', '<=', date)
		.where('valid_until', '>=', date)
		.orderBy('valid_until', 'desc')
		.executeTakeFirst();
	if (current) return { member: true, validUntil: current.valid_until };
	const past = await db
		.selectFrom('memberships')
		.select('valid_until')
		.where('user_id', '=', userId)
		.where('revoked_at', 'is', null)
		.where('valid_until', '<', date)
		.orderBy('valid_until', 'desc')
		.executeTakeFirst();
	return { member: false, validUntil: past?.valid_until ?? null };
}

export async function grantMembership(
	db: Db,
	grant: {
		userId: string;
		validFrom: string;
		validUntil: string;
		source: MembershipSource;
		amountPence?: number | null;
		reference?: string | null;
	}
) {
	return db
		.insertInto('memberships')
		.values({
			user_id: grant.userId,
			valid_from: grant.validFrom,
			valid_until: grant.validUntil,
			source: grant.source,
			amount_pence: grant.amountPence ?? null,
			reference: grant.reference ?? null
		})
		.returning('id')
		.executeTakeFirstOrThrow();
}
