import type { LayoutServerLoad } from './$types';
import { getDb } from '$lib/server/db/connection';
import { isMemberOn } from '$lib/server/membership';
import { viewerOf } from '$lib/nav';
import { accountTag } from '$lib/server/auth/session';

export const load: LayoutServerLoad = async ({ locals }) => {
	const user = locals.user;
	const member = user ? await isMemberOn(getDb(), user.id) : false;
	return {
		user: user && {
			name: user.name,
			email: user.email,
			role: user.role,
			emailVerified: user.emailVerified,
			/** Offline changes are queued under this tag and sent only while it is signed in. */
			account: accountTag(user.id)
		},
		viewer: viewerOf(user, member)
	};
};
