import type { ColumnType } from 'kysely';
import type { BigSerial, CreatedAt, DateOnly, Timestamp } from './columns';

type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

/** Runtime settings (src/lib/server/settings.ts owns the keys and their validation). */
export interface SettingTable {
	key: string;
	value: ColumnType<unknown, string, string>;
	updated_at: UpdatedAt;
	updated_by: string | null;
}

/** A membership waiting for an email to be registered and verified (DESIGN §5). */
export interface PendingMembershipGrantTable {
	id: BigSerial;
	email: string;
	valid_from: DateOnly;
	valid_until: DateOnly;
	source: 'admin_grant' | 'csv_import' | 'payment';
	amount_pence: number | null;
	reference: string | null;
	created_by: string | null;
	created_at: CreatedAt;
	applied_at: Timestamp | null;
}

export interface AdminTables {
	settings: SettingTable;
	pending_membership_grants: PendingMembershipGrantTable;
}
