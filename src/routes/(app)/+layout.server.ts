import type { LayoutServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';

// Not the lock: the hook (src/lib/server/auth/route-access.ts) lets only signed-in people into this
// group, before any load or action runs. This stays so the layout never renders otherwise.
export const load: LayoutServerLoad = async (event) => {
	requireUser(event);
	return {};
};
