import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/connection';
import { requireAdmin } from '$lib/server/auth/guards';
import { invalid, parseForm } from '$lib/server/forms';
import {
	grantDefaultsFor,
	grantOrExtendMembership,
	memberDetail,
	revokeMembership
} from '$lib/server/membership/admin';
import { readSettings } from '$lib/server/settings';
import { grantSchema, revokeSchema } from '$lib/schemas/admin';
import * as clock from '$lib/server/clock';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	const { params } = event;
	const db = getDb();
	const today = clock.today();
	const detail = await memberDetail(db, params.id, today);
	if (!detail) error(404, 'There is no such account.');
	const settings = await readSettings(db);
	return {
		...detail,
		today,
		defaults: grantDefaultsFor(today, detail.coveredUntil, settings),
		lengthMonths: settings.membershipLengthMonths
	};
};

export const actions: Actions = {
	grant: async (event) => {
		const admin = requireAdmin(event);
		const form = await event.request.formData();
		const parsed = parseForm(grantSchema, form);
		if (!parsed.ok) return invalid(form, parsed.errors);
		const done = await grantOrExtendMembership(
			getDb(),
			{ id: admin.id, label: admin.email },
			{ userId: event.params.id, ...parsed.data, amountPence: parsed.data.amount }
		);
		if (!done) return invalid(form, { form: 'That account no longer exists.' }, 404);
		return { saved: 'grant' as const, until: parsed.data.validUntil };
	},
	revoke: async (event) => {
		const admin = requireAdmin(event);
		const form = await event.request.formData();
		const parsed = parseForm(revokeSchema, form);
		if (!parsed.ok) return invalid(form, parsed.errors);
		const revoked = await revokeMembership(
			getDb(),
			{ id: admin.id, label: admin.email },
			event.params.id,
			parsed.data.reason
		);
		if (revoked === null) return invalid(form, { form: 'That account no longer exists.' }, 404);
		return { saved: 'revoke' as const, revoked };
	}
};
