import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, DateOnly, Numeric } from './columns';
import type { GeoLevel } from '../../../domain/geography';
import type { RateBasis } from '../../../domain/rate-units';
import type { CellStatus, Confidence } from '../../../domain/published-cell';

export type SubmissionStatus = 'accepted' | 'held' | 'rejected';

export interface GeoUnitTable {
	code: string;
	level: GeoLevel;
	name: string;
	short_name: string;
	parent_code: string | null;
}

export interface RateCategoryTable {
	code: string;
	name: string;
	description: string;
	sort_order: number;
}

export interface RateSubmissionTable {
	id: Generated<string>;
	contributor_key: string;
	category_code: string;
	work_month: string;
	area_code: string;
	region_code: string;
	nation_code: string;
	amount_pence: number;
	basis: RateBasis;
	hours_worked: Numeric;
	pence_per_hour: number;
	session_equivalent_pence: number;
	booked_contacts: number | null;
	home_visits_included: boolean | null;
	admin_included: boolean | null;
	booking_route: 'direct' | 'agency' | 'platform' | null;
	status: SubmissionStatus;
	moderation_reason: string | null;
	created_at: CreatedAt;
	updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface RateSnapshotTable {
	id: Generated<number>;
	quarter_end: DateOnly;
	window_from: string;
	window_to: string;
	min_contributors: number;
	quartile_contributors: number;
	cells_published: number;
	cells_suppressed: number;
	published_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface RateSnapshotCellTable {
	snapshot_id: number;
	category_code: string;
	geo_code: string;
	geo_level: GeoLevel;
	status: CellStatus;
	median_per_hour: number | null;
	median_per_session: number | null;
	count_band: string | null;
	confidence: Confidence | null;
	p25_per_hour: number | null;
	p75_per_hour: number | null;
	contacts_per_hour: Numeric | null;
}

export interface RatesTables {
	geo_units: GeoUnitTable;
	rate_categories: RateCategoryTable;
	rate_submissions: RateSubmissionTable;
	rate_snapshots: RateSnapshotTable;
	rate_snapshot_cells: RateSnapshotCellTable;
}
