import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/connection';
import { rateFormOptions } from '$lib/server/rates/form-options';
import { monthBounds, submitRateForm } from '$lib/server/rates/form-action';

/** Fields a link may pre-fill, e.g. "also share this rate" from a diary entry. */
const PREFILL = [
	'category',
	'workMonth',
	'areaCode',
	'amount',
	'basis',
	'hoursWorked',
	'start',
	'finish',
	'bookedContacts'
];

export const load: PageServerLoad = async ({ url }) => {
	const prefill: Record<string, string> = {};
	for (const key of PREFILL) {
		const value = url.searchParams.get(key);
		if (value) prefill[key] = value.slice(0, 40);
	}
	const bounds = monthBounds();
	return {
		...(await rateFormOptions(getDb())),
		...bounds,
		prefill: { workMonth: bounds.maxMonth, ...prefill }
	};
};

export const actions: Actions = {
	default: (event) => submitRateForm(event, null)
};
