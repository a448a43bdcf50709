import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/connection';
import { requireAdmin } from '$lib/server/auth/guards';
import { listAuditEntries } from '$lib/server/admin/audit-log';
import { AUDIT_PAGE_SIZE } from '$lib/schemas/admin';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	const { url } = event;
	const action = (url.searchParams.get('action') ?? '').trim().slice(0, 100);
	const actor = (url.searchParams.get('actor') ?? '').trim().slice(0, 254);
	const page = Math.max(
		1,
		Math.min(100_000, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1)
	);
	return {
		filter: { action, actor },
		log: await listAuditEntries(getDb(), { action, actor, page, pageSize: AUDIT_PAGE_SIZE })
	};
};
