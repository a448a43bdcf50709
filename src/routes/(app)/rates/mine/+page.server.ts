import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/connection';
import { requireUser } from '$lib/server/auth/guards';
import { invalid } from '$lib/server/forms';
import { isMemberOn } from '$lib/server/membership';
import {
	deleteOwnSubmission,
	listOwnSubmissions,
	type OwnSubmission
} from '$lib/server/rates/submissions';
import { currentPublishedSnapshot, readPublished } from '$lib/server/rates/published';
import { listRateCategories } from '$lib/server/rates/read';
import { ownPositions } from '$lib/server/rates/position';
import { publicationSettings } from '$lib/server/rates/settings';

async function ownPublishedPositions(submissions: OwnSubmission[]) {
	const snapshot = await currentPublishedSnapshot();
	return readPublished(snapshot, (published) => ownPositions(published, submissions, snapshot));
}

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const [submissions, categories, member, { minContributors }] = await Promise.all([
		listOwnSubmissions(db, user.id),
		listRateCategories(db),
		isMemberOn(db, user.id),
		publicationSettings(db)
	]);
	return {
		submissions,
		categoryNames: Object.fromEntries(categories.map((c) => [c.code, c.name])),
		member,
		minContributors,
		// Computed only for this doctor, only for members, only against published cells (read on
		// the replica when it has the current snapshot: rates/published.ts).
		positions: member ? await ownPublishedPositions(submissions) : [],
		saved: event.url.searchParams.get('saved'),
		replaced: event.url.searchParams.has('replaced'),
		deleted: event.url.searchParams.has('deleted')
	};
};

export const actions: Actions = {
	delete: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const id = String(form.get('id') ?? '');
		const deleted = await deleteOwnSubmission(getDb(), user.id, id);
		if (!deleted) return invalid(form, { form: 'That submission was not found.' }, 404);
		redirect(303, '/rates/mine?deleted=1');
	}
};
