import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/connection';
import { requireAdmin } from '$lib/server/auth/guards';
import { listPendingGrants, searchUsers } from '$lib/server/membership/admin';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	const { url } = event;
	const q = (url.searchParams.get('q') ?? '').trim().slice(0, 100);
	const page = Math.max(
		1,
		Math.min(10_000, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1)
	);
	const db = getDb();
	const [results, pending] = await Promise.all([
		searchUsers(db, { q, page }),
		listPendingGrants(db, 20)
	]);
	return { q, results, pending };
};
