import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, DateOnly } from './columns';
import type { Nation, WorkplaceBasis, WorkplaceKind } from '../../../domain/vocabulary';
import type { RateBasis } from '../../../domain/rate-units';

type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Minutes = ColumnType<number, number | undefined, number>;

export interface WorkplaceTable {
	id: Generated<string>;
	user_id: string;
	name: string;
	kind: WorkplaceKind;
	area_code: string | null;
	nation: Nation;
	basis: WorkplaceBasis;
	archived: Generated<boolean>;
	created_at: CreatedAt;
	updated_at: UpdatedAt;
}

export interface JobPlanTable {
	id: Generated<string>;
	workplace_id: string;
	effective_from: DateOnly;
	full_time_salary_pence: number | null;
	created_at: CreatedAt;
}

interface ActivityColumns {
	consulting_minutes: Minutes;
	home_visits_minutes: Minutes;
	admin_minutes: Minutes;
	meetings_minutes: Minutes;
	teaching_minutes: Minutes;
	cpd_minutes: Minutes;
	other_minutes: Minutes;
}

export interface JobPlanSessionTable extends ActivityColumns {
	id: Generated<string>;
	job_plan_id: string;
	weekday: number;
	start_time: string;
	end_time: string;
	session_type: string;
}

export interface WorkedSessionTable extends ActivityColumns {
	id: Generated<string>;
	user_id: string;
	workplace_id: string;
	date: DateOnly;
	session_type: string;
	start_time: string | null;
	finish_time: string | null;
	break_minutes: Minutes;
	contacts_face_to_face: Minutes;
	contacts_telephone: Minutes;
	contacts_video: Minutes;
	contacts_online: Minutes;
	contacts_home_visit: Minutes;
	admin_results: Minutes;
	admin_letters: Minutes;
	admin_prescriptions: Minutes;
	admin_tasks_referrals: Minutes;
	remote_ooh_minutes: Minutes;
	notes: string | null;
	fee_pence: number | null;
	fee_basis: RateBasis | null;
	fee_extras_pence: number | null;
	created_at: CreatedAt;
	updated_at: UpdatedAt;
}

export interface DiaryTemplateTable {
	id: Generated<string>;
	user_id: string;
	name: string;
	fields: ColumnType<Record<string, unknown>, string, string>;
	created_at: CreatedAt;
}

export interface DiarySettingsTable {
	user_id: string;
	contact_limit: ColumnType<number, number | undefined, number>;
	updated_at: UpdatedAt;
}

/** One applied offline change per (user, client id): a retried sync returns `result` again. */
export interface DiarySyncLogTable {
	user_id: string;
	client_id: string;
	result: ColumnType<Record<string, unknown>, string, string>;
	applied_at: CreatedAt;
}

export interface DiaryTables {
	workplaces: WorkplaceTable;
	job_plans: JobPlanTable;
	job_plan_sessions: JobPlanSessionTable;
	worked_sessions: WorkedSessionTable;
	diary_templates: DiaryTemplateTable;
	diary_settings: DiarySettingsTable;
	diary_sync_log: DiarySyncLogTable;
}
