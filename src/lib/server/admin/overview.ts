import type { Db } from '../db/index';
import { toNumber } from '../db/index';
import * as clock from '../clock';

export async function adminOverview(db: Db, today: string = clock.today()) {
	const [users, verified, members, audit] = await Promise.all([
		db
			.selectFrom('users')
			.select((eb) => eb.fn.countAll().as('n'))
			.executeTakeFirstOrThrow(),
		db
			.selectFrom('users')
			.select((eb) => eb.fn.countAll().as('n'))
			.where('email_verified_at', 'is not', null)
			.executeTakeFirstOrThrow(),
		db
			.selectFrom('memberships')
			.select((eb) => eb.fn.count('user_id').distinct().as('n'))
			.where('revoked_at', 'is', null)
			.where('valid_from', '<=', today)
			.where('valid_until', '>=', today)
			.executeTakeFirstOrThrow(),
		db
			.selectFrom('audit_log')
			.select(['actor_label', 'action', 'target', 'created_at'])
			.orderBy('created_at', 'desc')
			.orderBy('id', 'desc')
			.limit(20)
			.execute()
	]);
	return {
		users: toNumber(users.n),
		verified: toNumber(verified.n),
		members: toNumber(members.n),
		recentAudit: audit.map((a) => ({ ...a, created_at: new Date(a.created_at).toISOString() }))
	};
}
