import type { Db } from '../db/index';
import type { JobPlanInput } from '../../schemas/diary';
import type { FieldErrors } from '../forms';
import { findWorkplace } from './workplaces';
import { isUuid } from '../../ids';
import { ACTIVITY_KINDS, type ActivityKind, type SessionType } from '../../domain/vocabulary';
import type { Weekday } from '../../domain/calendar';
import type { JobPlan, PlannedSession } from '../../domain/diary-model';

export interface PlannedSessionRecord extends PlannedSession {
	id: string;
	sessionType: SessionType;
	activities: Record<ActivityKind, number>;
}

export interface JobPlanRecord extends JobPlan {
	id: string;
	workplaceId: string;
	sessions: PlannedSessionRecord[];
}

export type PlanSaveResult = { ok: true; id: string } | { ok: false; errors: FieldErrors };

/** Every job plan of the doctor's workplaces (or of one), oldest first, with their sessions. */
export async function listJobPlans(
	db: Db,
	userId: string,
	workplaceId?: string
): Promise<JobPlanRecord[]> {
	let plansQuery = db
		.selectFrom('job_plans')
		.innerJoin('workplaces', 'workplaces.id', 'job_plans.workplace_id')
		.select([
			'job_plans.id',
			'job_plans.workplace_id',
			'job_plans.effective_from',
			'job_plans.full_time_salary_pence'
		])
		.where('workplaces.user_id', '=', userId)
		.orderBy('job_plans.effective_from');
	if (workplaceId) plansQuery = plansQuery.where('job_plans.workplace_id', '=', workplaceId);
	const plans = await plansQuery.execute();
	if (plans.length === 0) return [];
	const sessions = await db
		.selectFrom('job_plan_sessions')
		.selectAll()
		.where(
			'job_plan_id',
			'in',
			plans.map((p) => p.id)
		)
		.orderBy('weekday')
		.orderBy('start_time')
		.execute();
	return plans.map((plan) => ({
		id: plan.id,
		workplaceId: plan.workplace_id,
		effectiveFrom: plan.effective_from,
		fullTimeSalaryPence: plan.full_time_salary_pence,
		sessions: sessions
			.filter((s) => s.job_plan_id === plan.id)
			.map((s) => ({
				id: s.id,
				weekday: s.weekday as Weekday,
				start: s.start_time,
				end: s.end_time,
				sessionType: s.session_type as SessionType,
				activities: Object.fromEntries(
					ACTIVITY_KINDS.map((kind) => [kind, s[`${kind}_minutes`]])
				) as Record<ActivityKind, number>
			}))
	}));
}

async function findJobPlan(db: Db, userId: string, id: string): Promise<JobPlanRecord | undefined> {
	if (!isUuid(id)) return undefined;
	const owner = await db
		.selectFrom('job_plans')
		.innerJoin('workplaces', 'workplaces.id', 'job_plans.workplace_id')
		.select('job_plans.workplace_id')
		.where('job_plans.id', '=', id)
		.where('workplaces.user_id', '=', userId)
		.executeTakeFirst();
	if (!owner) return undefined;
	const plans = await listJobPlans(db, userId, owner.workplace_id);
	return plans.find((p) => p.id === id);
}

/**
 * A plan that has come into force is never edited: a change of plan is a new plan from a date,
 * so the days before it keep the plan they were worked under.
 */
export function isPlanLocked(plan: Pick<JobPlan, 'effectiveFrom'>, today: string): boolean {
	return plan.effectiveFrom <= today;
}

function sessionRows(planId: string, input: JobPlanInput) {
	return input.sessions.map((s) => ({
		job_plan_id: planId,
		weekday: s.weekday,
		start_time: s.start,
		end_time: s.end,
		session_type: s.sessionType,
		...Object.fromEntries(ACTIVITY_KINDS.map((kind) => [`${kind}_minutes`, s.activities[kind]]))
	}));
}

async function checkPlan(
	db: Db,
	userId: string,
	input: JobPlanInput,
	exceptPlanId?: string
): Promise<FieldErrors | null> {
	const workplace = await findWorkplace(db, userId, input.workplaceId);
	if (!workplace) return { workplaceId: 'Choose one of your workplaces.' };
	if (workplace.basis !== 'salaried' && workplace.basis !== 'retainer') {
		return { workplaceId: 'Job plans are for workplaces where you are salaried or a retainer.' };
	}
	if (input.sessions.length === 0) {
		return { form: 'Plan at least one session: choose a session type for a day.' };
	}
	let clash = db
		.selectFrom('job_plans')
		.select('id')
		.where('workplace_id', '=', input.workplaceId)
		.where('effective_from', '=', input.effectiveFrom);
	if (exceptPlanId) clash = clash.where('id', '!=', exceptPlanId);
	if (await clash.executeTakeFirst()) {
		return {
			effectiveFrom: 'Another plan for this workplace starts on that date; choose another.'
		};
	}
	return null;
}

export async function createJobPlan(
	db: Db,
	userId: string,
	input: JobPlanInput
): Promise<PlanSaveResult> {
	const errors = await checkPlan(db, userId, input);
	if (errors) return { ok: false, errors };
	const id = await db.transaction().execute(async (trx) => {
		const plan = await trx
			.insertInto('job_plans')
			.values({
				workplace_id: input.workplaceId,
				effective_from: input.effectiveFrom,
				full_time_salary_pence: input.fullTimeSalaryPence
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await trx.insertInto('job_plan_sessions').values(sessionRows(plan.id, input)).execute();
		return plan.id;
	});
	return { ok: true, id };
}

/** Replaces a plan that has not yet come into force; null when it is not the doctor's. */
export async function updateJobPlan(
	db: Db,
	userId: string,
	planId: string,
	input: JobPlanInput,
	today: string
): Promise<PlanSaveResult | null> {
	const plan = await findJobPlan(db, userId, planId);
	if (!plan) return null;
	if (isPlanLocked(plan, today) || input.effectiveFrom <= today) {
		return {
			ok: false,
			errors: {
				effectiveFrom:
					'A plan in force is kept as it was, so past days keep their plan. Start a new plan from a later date instead.'
			}
		};
	}
	if (input.workplaceId !== plan.workplaceId) {
		return { ok: false, errors: { workplaceId: 'A plan stays with its workplace.' } };
	}
	const errors = await checkPlan(db, userId, input, planId);
	if (errors) return { ok: false, errors };
	await db.transaction().execute(async (trx) => {
		await trx
			.updateTable('job_plans')
			.set({
				effective_from: input.effectiveFrom,
				full_time_salary_pence: input.fullTimeSalaryPence
			})
			.where('id', '=', planId)
			.execute();
		await trx.deleteFrom('job_plan_sessions').where('job_plan_id', '=', planId).execute();
		await trx.insertInto('job_plan_sessions').values(sessionRows(planId, input)).execute();
	});
	return { ok: true, id: planId };
}

export async function deleteJobPlan(
	db: Db,
	userId: string,
	planId: string,
	today: string
): Promise<'deleted' | 'locked' | 'not_found'> {
	const plan = await findJobPlan(db, userId, planId);
	if (!plan) return 'not_found';
	if (isPlanLocked(plan, today)) return 'locked';
	await db.deleteFrom('job_plans').where('id', '=', planId).execute();
	return 'deleted';
}
