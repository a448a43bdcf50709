import type { LayoutServerLoad } from './$types';
import { requireAdmin } from '$lib/server/auth/guards';

// Not the lock: the hook (src/lib/server/auth/route-access.ts) lets only administrators into this
// group, before any load or action runs. This stays so the layout never renders otherwise.
export const load: LayoutServerLoad = async (event) => {
	requireAdmin(event);
	return {};
};
