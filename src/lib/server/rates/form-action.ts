import { redirect, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '../db/connection';
import { requireUser } from '../auth/guards';
import { hitActionLimit } from '../auth/limits';
import { retryMessage } from '../auth/rate-limit';
import { invalid, parseForm } from '../forms';
import { MAX_MONTHS_BACK, rateSubmissionSchema } from '../../schemas/rates';
import { saveSubmission } from './submissions';
import * as clock from '../clock';
import { addMonths } from '../../domain/calendar';

export function monthBounds(today: string = clock.today()) {
	return { maxMonth: today.slice(0, 7), minMonth: addMonths(today, -MAX_MONTHS_BACK).slice(0, 7) };
}

/** The submit and edit forms share one action: validate, bound, moderate, store, redirect. */
export async function submitRateForm(event: RequestEvent, existingId: string | null) {
	const user = requireUser(event);
	const form = await event.request.formData();
	if (!user.emailVerified) {
		return invalid(
			form,
			{
				form: 'Confirm your email address before sharing rates: open the link we emailed you.'
			},
			403
		);
	}
	const db = getDb();
	const limit = await hitActionLimit(db, 'rate-submit', user.id, event.getClientAddress());
	if (!limit.allowed) {
		return invalid(form, { form: retryMessage('submission', limit.retryAfterSeconds) }, 429);
	}
	const today = clock.today();
	const parsed = parseForm(rateSubmissionSchema(today.slice(0, 7)), form);
	if (!parsed.ok) return invalid(form, parsed.errors);
	const result = await saveSubmission(db, user.id, parsed.data, existingId);
	if (!result.ok) return invalid(form, result.errors);
	redirect(303, `/rates/mine?saved=${result.status}${result.replaced ? '&replaced=1' : ''}`);
}
