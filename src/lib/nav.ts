export type Viewer = 'visitor' | 'doctor' | 'member' | 'admin';

export interface NavItem {
	href: string;
	label: string;
}

/** What each role may use; pages guard themselves on the server, this only decides what is shown. */
const NAV: Record<Viewer, NavItem[]> = {
	visitor: [
		{ href: '/', label: 'Home' },
		{ href: '/map', label: 'Rates map' },
		{ href: '/login', label: 'Sign in' },
		{ href: '/register', label: 'Register' }
	],
	doctor: [
		{ href: '/', label: 'Home' },
		{ href: '/diary', label: 'Diary' },
		{ href: '/map', label: 'Rates map' },
		{ href: '/rates/mine', label: 'My rates' },
		{ href: '/account', label: 'Account' }
	],
	member: [
		{ href: '/', label: 'Home' },
		{ href: '/diary', label: 'Diary' },
		{ href: '/map', label: 'Rates map' },
		{ href: '/rates/mine', label: 'My rates' },
		{ href: '/account', label: 'Account' }
	],
	admin: [
		{ href: '/', label: 'Home' },
		{ href: '/diary', label: 'Diary' },
		{ href: '/map', label: 'Rates map' },
		{ href: '/rates/mine', label: 'My rates' },
		{ href: '/account', label: 'Account' },
		{ href: '/admin', label: 'Admin' }
	]
};

export function navFor(viewer: Viewer): NavItem[] {
	return NAV[viewer];
}

export function viewerOf(user: { role: string } | null, isMember: boolean): Viewer {
	if (!user) return 'visitor';
	if (user.role === 'admin') return 'admin';
	return isMember ? 'member' : 'doctor';
}
