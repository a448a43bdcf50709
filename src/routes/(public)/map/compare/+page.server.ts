import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/connection';
import { rateAudienceFor } from '$lib/server/rates/audience';
import { keptRateCells } from '$lib/server/rates/cache';
import { currentPublishedSnapshot, readPublished } from '$lib/server/rates/published';
import { listRateCategories } from '$lib/server/rates/read';
import { publicationSettings } from '$lib/server/rates/settings';
import { comparablePlaces, DEFAULT_COMPARE_PLACES } from '$lib/domain/geography';
import type { MemberCell } from '$lib/domain/published-cell';

const MAX_PLACES = 4;
const MAX_CATEGORIES = 2;

export const load: PageServerLoad = async ({ url, locals }) => {
	const db = getDb();
	const audience = await rateAudienceFor(db, locals.user);
	const snapshot = await currentPublishedSnapshot();
	const categories = await readPublished(snapshot, listRateCategories);
	const places = comparablePlaces().map((u) => ({
		code: u.code,
		name: u.shortName,
		level: u.level
	}));
	if (audience !== 'member') {
		// Non-members get the page's frame and how to join; no figure is read for them at all.
		return { member: false as const, categories, places };
	}

	const known = new Set(places.map((p) => p.code));
	const chosenPlaces = [...new Set(url.searchParams.getAll('place'))].filter((c) => known.has(c));
	const chosenCategories = [...new Set(url.searchParams.getAll('category'))].filter((c) =>
		categories.some((k) => k.code === c)
	);
	const placeCodes = chosenPlaces.length
		? chosenPlaces.slice(0, MAX_PLACES)
		: [...DEFAULT_COMPARE_PLACES];
	const categoryCodes = (chosenCategories.length ? chosenCategories : [categories[0].code]).slice(
		0,
		MAX_CATEGORIES
	);
	// Every column from one database and one snapshot (rates/published.ts).
	const columns = await readPublished(snapshot, async (published) => {
		const columns = [];
		for (const category of categoryCodes) {
			const data = await keptRateCells(published, category, 'member', snapshot);
			const byCode = new Map((data?.cells ?? []).map((c) => [c.geoCode, c]));
			columns.push({
				category,
				cells: placeCodes.map((code) => byCode.get(code)).filter((c): c is MemberCell => !!c)
			});
		}
		return columns;
	});
	// The detail threshold in force (an admin setting), for the copy about the middle half.
	const { detailContributors } = await publicationSettings(db);
	return {
		member: true as const,
		categories,
		places,
		snapshot,
		detailContributors,
		placeCodes,
		categoryCodes,
		columns,
		tooMany:
			chosenPlaces.length > MAX_PLACES || chosenCategories.length > MAX_CATEGORIES
				? `Up to ${MAX_PLACES} places and ${MAX_CATEGORIES} kinds of work at once: the first ones are shown.`
				: null
	};
};
