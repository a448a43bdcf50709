import type { Db } from '../db/index';
import { toNumber } from '../db/index';
import type { MembershipSource } from '../db/schema';
import { recordAudit, SYSTEM_ACTOR, type Actor } from '../audit';
import { LAST_DATE, addDays, addMonths } from '../../domain/calendar';
import { grantMembership } from './index';
import { isUuid } from '../../ids';
import * as clock from '../clock';

// Membership management for administrators (DESIGN §5): search, history, grant or extend, revoke,
// and grants waiting for an email to be registered and verified.

const MEMBERS_PAGE_SIZE = 20;

/**
 * The last day of a membership of `months` starting on `start`: 24 Nov + 12 months = 23 Nov. Never
 * past the last date the app accepts, so the grant form's defaults can always be sent back.
 */
export function membershipEnd(start: string, months: number): string {
	const end = addDays(addMonths(start, months), -1);
	return end > LAST_DATE ? LAST_DATE : end;
}

/**
 * Where a grant starts: today for someone who is not a member, or the day after the membership
 * they already have ends, so extending never loses or double-counts a day. A membership recorded
 * to the last date the app accepts or beyond (9999-12-31 was stored before the range held) has
 * nothing after it to extend into: the form starts at the last date, and the page still renders,
 * so such a grant can be revoked.
 */
export function grantStart(today: string, currentUntil: string | null): string {
	if (currentUntil === null) return today;
	// Postgres writes years past 9999 with five digits: '10000-01-01' sorts before '2026-…'.
	if (currentUntil.length > 10 || currentUntil >= LAST_DATE) return LAST_DATE;
	return currentUntil >= today ? addDays(currentUntil, 1) : today;
}

export interface GrantDefaults {
	validFrom: string;
	validUntil: string;
	amountPence: number;
	extending: boolean;
}

export function grantDefaultsFor(
	today: string,
	currentUntil: string | null,
	settings: { membershipLengthMonths: number; membershipFeePence: number }
): GrantDefaults {
	const validFrom = grantStart(today, currentUntil);
	return {
		validFrom,
		validUntil: membershipEnd(validFrom, settings.membershipLengthMonths),
		amountPence: settings.membershipFeePence,
		extending: validFrom !== today
	};
}

/** The last day covered by this person's records that are not revoked and have not ended. */
export async function coveredUntil(db: Db, userId: string, today: string = clock.today()) {
	const row = await db
		.selectFrom('memberships')
		.select((eb) => eb.fn.max('valid_until').as('until'))
		.where('user_id', '=', userId)
		.where('revoked_at', 'is', null)
		.where('valid_until', '>=', today)
		.executeTakeFirst();
	return (row?.until as string | null | undefined) ?? null;
}

export interface MemberSearch {
	q: string;
	page: number;
}

/** Accounts matching an email or name fragment, newest first, with today's membership. */
export async function searchUsers(db: Db, search: MemberSearch, today: string = clock.today()) {
	const pattern = `%${search.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
	let query = db.selectFrom('users');
	if (search.q) {
		query = query.where((eb) =>
			eb.or([eb('email', 'ilike', pattern), eb('name', 'ilike', pattern)])
		);
	}
	const [{ n }, rows] = await Promise.all([
		query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
		query
			.select([
				'users.id',
				'users.name',
				'users.email',
				'users.role',
				'users.email_verified_at',
				'users.created_at'
			])
			.select((eb) =>
				eb
					.selectFrom('memberships as m')
					.select((m) => m.fn.max('m.valid_until').as('until'))
					.whereRef('m.user_id', '=', 'users.id')
					.where('m.revoked_at', 'is', null)
					.where('m.valid_from', '<=', today)
					.where('m.valid_until', '>=', today)
					.as('member_until')
			)
			.orderBy('users.created_at', 'desc')
			.orderBy('users.email')
			.limit(MEMBERS_PAGE_SIZE)
			.offset((search.page - 1) * MEMBERS_PAGE_SIZE)
			.execute()
	]);
	const total = toNumber(n);
	return {
		total,
		page: search.page,
		pages: Math.max(1, Math.ceil(total / MEMBERS_PAGE_SIZE)),
		users: rows.map((r) => ({
			id: r.id,
			name: r.name,
			email: r.email,
			role: r.role,
			verified: r.email_verified_at !== null,
			memberUntil: (r.member_until as string | null) ?? null
		}))
	};
}

/** One account as an administrator sees it: who, today's status, every membership record. */
export async function memberDetail(db: Db, userId: string, today: string = clock.today()) {
	if (!isUuid(userId)) return null;
	const user = await db
		.selectFrom('users')
		.select(['id', 'name', 'email', 'role', 'email_verified_at', 'created_at'])
		.where('id', '=', userId)
		.executeTakeFirst();
	if (!user) return null;
	const history = await db
		.selectFrom('memberships')
		.select([
			'id',
			'valid_from',
			'valid_until',
			'source',
			'amount_pence',
			'reference',
			'revoked_at',
			'created_at'
		])
		.where('user_id', '=', userId)
		.orderBy('valid_from', 'desc')
		.orderBy('id', 'desc')
		.execute();
	return {
		user: {
			id: user.id,
			name: user.name,
			email: user.email,
			role: user.role,
			verified: user.email_verified_at !== null,
			createdAt: new Date(user.created_at).toISOString()
		},
		coveredUntil: await coveredUntil(db, userId, today),
		history: history.map((h) => ({
			id: String(h.id),
			validFrom: h.valid_from,
			validUntil: h.valid_until,
			source: h.source,
			amountPence: h.amount_pence,
			reference: h.reference,
			revokedAt: h.revoked_at ? new Date(h.revoked_at).toISOString() : null,
			status: h.revoked_at
				? ('revoked' as const)
				: h.valid_until < today
					? ('ended' as const)
					: h.valid_from > today
						? ('future' as const)
						: ('current' as const)
		}))
	};
}

export interface GrantInput {
	userId: string;
	validFrom: string;
	validUntil: string;
	amountPence: number | null;
	reference: string | null;
	source?: MembershipSource;
}

/** Grants (or, starting after the current one, extends) a membership; audited. */
export async function grantOrExtendMembership(db: Db, actor: Actor, input: GrantInput) {
	if (!isUuid(input.userId)) return null;
	return db.transaction().execute(async (trx) => {
		const user = await trx
			.selectFrom('users')
			.select(['id', 'email'])
			.where('id', '=', input.userId)
			.executeTakeFirst();
		if (!user) return null;
		const source = input.source ?? 'admin_grant';
		const row = await grantMembership(trx, { ...input, source });
		await recordAudit(trx, actor, 'membership.grant', user.email, {
			membershipId: String(row.id),
			validFrom: input.validFrom,
			validUntil: input.validUntil,
			amountPence: input.amountPence,
			reference: input.reference,
			source
		});
		return { id: String(row.id) };
	});
}

/**
 * Ends membership at once: every record that covers today or later is marked revoked (kept, so
 * the history shows what happened). Access follows on the person's next request, because every
 * member-only page asks the records (isMemberOn) at request time.
 */
export async function revokeMembership(
	db: Db,
	actor: Actor,
	userId: string,
	reason: string | null,
	today: string = clock.today()
): Promise<number | null> {
	if (!isUuid(userId)) return null;
	return db.transaction().execute(async (trx) => {
		const user = await trx
			.selectFrom('users')
			.select(['id', 'email'])
			.where('id', '=', userId)
			.executeTakeFirst();
		if (!user) return null;
		const result = await trx
			.updateTable('memberships')
			.set({ revoked_at: clock.now() })
			.where('user_id', '=', userId)
			.where('revoked_at', 'is', null)
			.where('valid_until', '>=', today)
			.executeTakeFirst();
		const revoked = Number(result.numUpdatedRows);
		if (revoked > 0) {
			await recordAudit(trx, actor, 'membership.revoke', user.email, { records: revoked, reason });
		}
		return revoked;
	});
}

export interface PendingGrantInput {
	email: string;
	validFrom: string;
	validUntil: string;
	source: MembershipSource;
	amountPence: number | null;
	reference: string | null;
}

/** Stores grants for emails with no verified account; a later one for the same email replaces it. */
export async function savePendingGrants(db: Db, actor: Actor, grants: PendingGrantInput[]) {
	if (grants.length === 0) return;
	const emails = grants.map((g) => g.email.toLowerCase());
	await db
		.deleteFrom('pending_membership_grants')
		.where('email', 'in', emails)
		.where('applied_at', 'is', null)
		.execute();
	await db
		.insertInto('pending_membership_grants')
		.values(
			grants.map((g) => ({
				email: g.email.toLowerCase(),
				valid_from: g.validFrom,
				valid_until: g.validUntil,
				source: g.source,
				amount_pence: g.amountPence,
				reference: g.reference,
				created_by: actor.id
			}))
		)
		.execute();
}

export async function listPendingGrants(db: Db, limit = 100) {
	const [rows, count] = await Promise.all([
		db
			.selectFrom('pending_membership_grants')
			.select(['email', 'valid_until', 'source', 'created_at'])
			.where('applied_at', 'is', null)
			.orderBy('created_at', 'desc')
			.orderBy('email')
			.limit(limit)
			.execute(),
		db
			.selectFrom('pending_membership_grants')
			.select((eb) => eb.fn.countAll().as('n'))
			.where('applied_at', 'is', null)
			.executeTakeFirstOrThrow()
	]);
	return {
		total: toNumber(count.n),
		grants: rows.map((r) => ({
			email: r.email,
			validUntil: r.valid_until,
			source: r.source,
			createdAt: new Date(r.created_at).toISOString()
		}))
	};
}

/**
 * Applies the grants waiting for this person's email, once they have verified it (DESIGN §5).
 * The pending rows are claimed in the same statement that marks them applied, so two requests
 * cannot apply one grant twice. Audited as the system acting on the administrator's behalf.
 */
export async function applyPendingGrants(db: Db, userId: string): Promise<number> {
	return db.transaction().execute(async (trx) => {
		const user = await trx
			.selectFrom('users')
			.select(['id', 'email', 'email_verified_at'])
			.where('id', '=', userId)
			.executeTakeFirst();
		if (!user || user.email_verified_at === null) return 0;
		const claimed = await trx
			.updateTable('pending_membership_grants')
			.set({ applied_at: clock.now() })
			.where('email', '=', user.email.toLowerCase())
			.where('applied_at', 'is', null)
			.returning([
				'id',
				'valid_from',
				'valid_until',
				'source',
				'amount_pence',
				'reference',
				'created_by'
			])
			.execute();
		for (const grant of claimed) {
			const membership = await grantMembership(trx, {
				userId: user.id,
				validFrom: grant.valid_from,
				validUntil: grant.valid_until,
				source: grant.source,
				amountPence: grant.amount_pence,
				reference: grant.reference
			});
			await recordAudit(trx, SYSTEM_ACTOR, 'membership.pending_applied', user.email, {
				membershipId: String(membership.id),
				pendingId: String(grant.id),
				validFrom: grant.valid_from,
				validUntil: grant.valid_until,
				grantedBy: grant.created_by
			});
		}
		return claimed.length;
	});
}
