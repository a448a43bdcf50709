import type { LayoutServerLoad } from './$types';
import { getDb } from '$lib/server/db/connection';
import { isMemberOn } from '$lib/server/membership';
import { viewerOf } from '$lib/nav';

export const load: LayoutServerLoad = async ({ locals }) => {
	const user = locals.user;
	const member = user ? await isMemberOn(getDb(), user.id) : false;
	return {
		user: user && {
			name: user.name,
			email: user.email,
			role: user.role,
			emailVerified: user.emailVerified
		},
		viewer: viewerOf(user, member)
	};
};
