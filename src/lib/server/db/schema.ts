import type { ColumnType, Generated, Insertable } from 'kysely';
import type { BigSerial, CreatedAt, DateOnly, Timestamp } from './tables/columns';
import type { RatesTables } from './tables/rates';
import type { DiaryTables } from './tables/diary';
import type { AdminTables } from './tables/admin';
import type { TwoFactorTables } from './tables/two-factor';

export type DoctorKind = 'salaried' | 'locum' | 'retainer' | 'other';
export type Role = 'doctor' | 'admin';
export type TokenPurpose = 'verify_email' | 'reset_password';
export type MembershipSource = 'admin_grant' | 'csv_import' | 'payment';

export interface UserTable {
	id: Generated<string>;
	email: string;
	name: string;
	doctor_kind: DoctorKind;
	role: Generated<Role>;
	password_hash: string;
	email_verified_at: Timestamp | null;
	created_at: CreatedAt;
}

export interface SessionTable {
	id: string;
	user_id: string;
	expires_at: Timestamp;
	created_at: CreatedAt;
	user_agent: string | null;
	second_factor_verified: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface AuthTokenTable {
	id: string;
	user_id: string;
	purpose: TokenPurpose;
	expires_at: Timestamp;
	used_at: Timestamp | null;
	created_at: CreatedAt;
}

export interface RateLimitBucketTable {
	key: string;
	hits: number;
	window_ends_at: Timestamp;
}

export interface EmailOutboxTable {
	id: BigSerial;
	to_address: string;
	subject: string;
	body_text: string;
	created_at: CreatedAt;
	sent_at: Timestamp | null;
	error: string | null;
	/** Sends tried so far (src/lib/server/email.ts). */
	attempts: ColumnType<number, number | undefined, number>;
	/** When the outbox job tries again; null when there is nothing more to try. */
	next_attempt_at: Timestamp | null;
}

export type JobOutcome = 'ok' | 'failed' | 'skipped';

/** A job's schedule (src/lib/server/jobs/scheduler.ts). */
export interface ScheduledJobTable {
	name: string;
	next_due_at: Timestamp;
	running_until: Timestamp | null;
}

/** One run of a job and how it went. */
export interface JobRunTable {
	id: BigSerial;
	job: string;
	started_at: Timestamp;
	finished_at: Timestamp | null;
	outcome: JobOutcome;
	detail: ColumnType<string, string | undefined, string>;
}

export interface AuditLogTable {
	id: BigSerial;
	actor_user_id: string | null;
	actor_label: string;
	action: string;
	target: string | null;
	details: ColumnType<Record<string, unknown>, string | undefined, string>;
	created_at: CreatedAt;
}

export interface MembershipTable {
	id: BigSerial;
	user_id: string;
	valid_from: DateOnly;
	valid_until: DateOnly;
	source: MembershipSource;
	amount_pence: number | null;
	reference: string | null;
	revoked_at: Timestamp | null;
	created_at: CreatedAt;
}

interface FoundationTables {
	users: UserTable;
	sessions: SessionTable;
	auth_tokens: AuthTokenTable;
	rate_limit_buckets: RateLimitBucketTable;
	email_outbox: EmailOutboxTable;
	audit_log: AuditLogTable;
	memberships: MembershipTable;
	scheduled_jobs: ScheduledJobTable;
	job_runs: JobRunTable;
}

/** Every table; each feature keeps its own table types in ./tables/. */
export interface Database
	extends FoundationTables, RatesTables, DiaryTables, AdminTables, TwoFactorTables {}

export type NewUser = Insertable<UserTable>;
