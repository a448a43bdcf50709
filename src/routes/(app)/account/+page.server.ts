import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/connection';
import {
	changePassword,
	deleteAccount,
	updateProfile,
	authenticate
} from '$lib/server/auth/accounts';
import { requireUser } from '$lib/server/auth/guards';
import {
	deleteSessionCookie,
	invalidateUserSessions,
	listUserSessions,
	startSession
} from '$lib/server/auth/session';
import { invalid, parseForm } from '$lib/server/forms';
import { membershipStatus } from '$lib/server/membership';
import { changePasswordSchema, deleteAccountSchema, profileSchema } from '$lib/schemas/auth';
import { deleteDiary } from '$lib/server/diary/delete';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const [membership, sessions] = await Promise.all([
		membershipStatus(db, user.id),
		listUserSessions(db, user.id)
	]);
	return {
		profile: { name: user.name, email: user.email, doctorKind: user.doctorKind },
		twoFactorEnabled: user.twoFactorEnabled,
		membership,
		sessions: sessions.map((s) => ({
			current: s.id === event.locals.session?.id,
			createdAt: new Date(s.created_at).toISOString(),
			userAgent: s.user_agent
		}))
	};
};

export const actions: Actions = {
	profile: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const parsed = parseForm(profileSchema, form);
		if (!parsed.ok) return invalid(form, parsed.errors);
		await updateProfile(getDb(), user.id, parsed.data);
		return { saved: 'profile' };
	},
	password: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const parsed = parseForm(changePasswordSchema, form);
		if (!parsed.ok) return invalid(form, parsed.errors);
		const db = getDb();
		const result = await changePassword(db, user.id, parsed.data.current, parsed.data.password);
		if (!result.ok) return invalid(form, { [result.field ?? 'form']: result.message });
		// All sessions ended with the change; this browser carries on with a new one, which has
		// given its second factor already (this one had, or it could not have come here).
		await startSession(db, event.cookies, user.id, event.request.headers.get('user-agent'), true);
		return { saved: 'password' };
	},
	signOutEverywhere: async (event) => {
		const user = requireUser(event);
		await invalidateUserSessions(getDb(), user.id);
		deleteSessionCookie(event.cookies);
		redirect(303, '/login');
	},
	deleteDiary: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		if (String(form.get('confirmDiary') ?? '').trim() !== 'DELETE') {
			return invalid(form, { confirmDiary: 'Type DELETE to confirm.' });
		}
		const { entries } = await deleteDiary(getDb(), user.id);
		return { saved: 'diaryDeleted', entries };
	},
	delete: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const parsed = parseForm(deleteAccountSchema, form);
		if (!parsed.ok) return invalid(form, parsed.errors);
		const db = getDb();
		if (!(await authenticate(db, user.email, parsed.data.password))) {
			return invalid(form, { password: 'That is not your password.' });
		}
		await deleteAccount(db, user.id);
		deleteSessionCookie(event.cookies);
		redirect(303, '/login?deleted=1');
	}
};
