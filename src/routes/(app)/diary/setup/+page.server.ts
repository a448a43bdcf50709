import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db/connection';
import { invalid, parseForm } from '$lib/server/forms';

import {
	PLAN_SLOTS_PER_DAY,
	jobPlanSchema,
	planSlotField,
	settingsSchema,
	workplaceSchema
} from '$lib/schemas/diary';
import { areaGroups } from '$lib/server/rates/form-options';
import {
	createWorkplace,
	deleteWorkplace,
	listWorkplaces,
	setWorkplaceArchived,
	updateWorkplace,
	type Workplace
} from '$lib/server/diary/workplaces';
import {
	createJobPlan,
	deleteJobPlan,
	isPlanLocked,
	listJobPlans,
	updateJobPlan,
	type JobPlanRecord
} from '$lib/server/diary/job-plans';
import { deleteTemplate, listTemplates } from '$lib/server/diary/templates';
import { getDiarySettings, saveDiarySettings } from '$lib/server/diary/settings';
import * as clock from '$lib/server/clock';
import { ACTIVITY_KINDS } from '$lib/domain/vocabulary';

function workplaceValues(w: Workplace): Record<string, string> {
	return {
		name: w.name,
		kind: w.kind,
		basis: w.basis,
		areaCode: w.areaCode ?? '',
		nation: w.areaCode ? '' : w.nation
	};
}

/** A plan as the pattern editor's fields; sessions fill a weekday's slots in order of start. */
function planValues(plan: JobPlanRecord | null, workplaceId: string, effectiveFrom: string) {
	const values: Record<string, string> = {
		workplaceId,
		effectiveFrom,
		salary: plan?.fullTimeSalaryPence ? String(plan.fullTimeSalaryPence / 100) : ''
	};
	for (const session of plan?.sessions ?? []) {
		let slot = 0;
		while (slot < PLAN_SLOTS_PER_DAY && values[planSlotField(session.weekday, slot, 'type')])
			slot++;
		if (slot === PLAN_SLOTS_PER_DAY) continue;
		const field = (name: string) => planSlotField(session.weekday, slot, name);
		values[field('type')] = session.sessionType;
		values[field('start')] = session.start;
		values[field('end')] = session.end;
		for (const kind of ACTIVITY_KINDS) {
			values[field(`act_${kind}`)] = String(session.activities[kind]);
		}
	}
	return values;
}

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const today = clock.today();
	const [workplaces, plans, templates, settings] = await Promise.all([
		listWorkplaces(db, user.id),
		listJobPlans(db, user.id),
		listTemplates(db, user.id),
		getDiarySettings(db, user.id)
	]);
	const params = event.url.searchParams;
	const editWorkplace = params.get('workplace');
	const editing = editWorkplace ? workplaces.find((w) => w.id === editWorkplace) : undefined;
	if (editWorkplace && !editing) error(404, 'That workplace was not found.');

	// The pattern editor opens for a plan not yet in force, or for a new plan of a workplace,
	// starting from the plan in force (a change of plan usually changes a session or two).
	const planParam = params.get('plan');
	const newPlanFor = params.get('newPlan');
	let planEditor: { planId: string | null; values: Record<string, string> } | null = null;
	if (planParam) {
		const plan = plans.find((p) => p.id === planParam);
		if (!plan) error(404, 'That job plan was not found.');
		if (!isPlanLocked(plan, today)) {
			planEditor = {
				planId: plan.id,
				values: planValues(plan, plan.workplaceId, plan.effectiveFrom)
			};
		}
	} else if (newPlanFor) {
		if (!workplaces.some((w) => w.id === newPlanFor)) error(404, 'That workplace was not found.');
		const current = plans
			.filter((p) => p.workplaceId === newPlanFor && p.effectiveFrom <= today)
			.at(-1);
		planEditor = { planId: null, values: planValues(current ?? null, newPlanFor, today) };
	}

	return {
		today,
		workplaces,
		plans: plans.map((p) => ({ ...p, locked: isPlanLocked(p, today) })),
		templates: templates.map((t) => ({
			id: t.id,
			name: t.name,
			workplaceId: t.fields.workplaceId,
			sessionType: t.fields.sessionType,
			start: t.fields.start,
			finish: t.fields.finish
		})),
		settings,
		areaGroups: areaGroups(),
		editing: editing
			? { id: editing.id, archived: editing.archived, values: workplaceValues(editing) }
			: null,
		planEditor,
		saved: params.get('saved')
	};
};

export const actions: Actions = {
	saveWorkplace: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const parsed = parseForm(workplaceSchema, form);
		if (!parsed.ok) return invalid(form, parsed.errors);
		const id = String(form.get('id') ?? '');
		const db = getDb();
		const result = id
			? await updateWorkplace(db, user.id, id, {
					...parsed.data,
					archived: form.get('archived') === 'on'
				})
			: await createWorkplace(db, user.id, parsed.data);
		if (result === null) error(404, 'That workplace was not found.');
		if (!result.ok) return invalid(form, result.errors);
		redirect(303, '/diary/setup?saved=workplace#workplaces');
	},
	deleteWorkplace: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const id = String(form.get('id') ?? '');
		const db = getDb();
		const outcome = await deleteWorkplace(db, user.id, id);
		if (outcome === 'not_found') error(404, 'That workplace was not found.');
		if (outcome === 'has_entries') {
			await setWorkplaceArchived(db, user.id, id, true);
			redirect(303, '/diary/setup?saved=archived#workplaces');
		}
		redirect(303, '/diary/setup?saved=deleted#workplaces');
	},
	savePlan: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const parsed = parseForm(jobPlanSchema, form);
		if (!parsed.ok) return invalid(form, parsed.errors);
		const planId = String(form.get('planId') ?? '');
		const db = getDb();
		const result = planId
			? await updateJobPlan(db, user.id, planId, parsed.data, clock.today())
			: await createJobPlan(db, user.id, parsed.data);
		if (result === null) error(404, 'That job plan was not found.');
		if (!result.ok) return invalid(form, result.errors);
		redirect(303, '/diary/setup?saved=plan#plans');
	},
	deletePlan: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const outcome = await deleteJobPlan(
			getDb(),
			user.id,
			String(form.get('id') ?? ''),
			clock.today()
		);
		if (outcome === 'not_found') error(404, 'That job plan was not found.');
		if (outcome === 'locked') {
			return invalid(form, { form: 'A plan in force is kept, so past days keep their plan.' });
		}
		redirect(303, '/diary/setup?saved=plan-deleted#plans');
	},
	deleteTemplate: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		if (!(await deleteTemplate(getDb(), user.id, String(form.get('id') ?? '')))) {
			error(404, 'That template was not found.');
		}
		redirect(303, '/diary/setup?saved=template-deleted#templates');
	},
	saveSettings: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const parsed = parseForm(settingsSchema, form);
		if (!parsed.ok) return invalid(form, parsed.errors);
		await saveDiarySettings(getDb(), user.id, parsed.data);
		redirect(303, '/diary/setup?saved=settings#settings');
	}
};
