import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/connection';
import { adminOverview } from '$lib/server/admin/overview';

export const load: PageServerLoad = async () => ({ overview: await adminOverview(getDb()) });
