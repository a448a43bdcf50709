import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/connection';
import { requireUser } from '$lib/server/auth/guards';
import { findOwnSubmission } from '$lib/server/rates/submissions';
import { rateFormOptions } from '$lib/server/rates/form-options';
import { monthBounds, submitRateForm } from '$lib/server/rates/form-action';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	// Someone else's id and an unknown id look the same: not found.
	const s = await findOwnSubmission(db, user.id, event.params.id);
	if (!s) error(404, 'That submission was not found.');
	const yesNo = (v: boolean | null) => (v === null ? '' : v ? 'yes' : 'no');
	return {
		...(await rateFormOptions(db)),
		...monthBounds(),
		values: {
			category: s.category,
			workMonth: s.workMonth,
			areaCode: s.areaCode,
			amount: (s.amountPence / 100).toFixed(2),
			basis: s.basis,
			hoursWorked: String(s.hoursWorked),
			bookedContacts: s.bookedContacts === null ? '' : String(s.bookedContacts),
			homeVisitsIncluded: yesNo(s.homeVisitsIncluded),
			adminIncluded: yesNo(s.adminIncluded),
			bookingRoute: s.bookingRoute ?? ''
		}
	};
};

export const actions: Actions = {
	default: (event) => submitRateForm(event, event.params.id)
};
