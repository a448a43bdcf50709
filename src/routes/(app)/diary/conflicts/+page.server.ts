import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';

// The conflicts live on the phone (IndexedDB), so the page reads them in the browser; the server
// only checks who is asking.
export const load: PageServerLoad = async (event) => {
	requireUser(event);
	return {};
};
