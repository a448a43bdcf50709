import type { AdminCounts } from '$lib/domain/vocabulary';
import type { RateBasis } from '$lib/domain/rate-units';
import type { OvertimeSettings, PeriodReport, WorkedEntry } from '$lib/domain/diary-model';

/** A diary entry as the exports need it: the rules' entry plus what only the doctor sees. */
export type ReportEntry = WorkedEntry & {
	id: string;
	workplaceName: string;
	adminCounts?: AdminCounts | null;
	notes?: string | null;
	/** Locum fee in pence, and what it is per (as stored: 'per_hour', 'per_session', 'per_day'). */
	feePence?: number | null;
	feeBasis?: RateBasis | null;
	/** When the entry was last changed; lets a calendar app see an updated event as newer. */
	updatedAt?: Date | null;
};

export interface DoctorInfo {
	name: string;
	email: string;
}

export interface ReportPdfInput {
	doctor: DoctorInfo;
	/** From `computePeriod`, with the same `settings`. */
	report: PeriodReport;
	/** The period's entries; entries dated outside `report.from`–`report.to` are ignored. */
	entries: readonly ReportEntry[];
	/** The settings the report was computed with; the defaults of the BMA toolkit if left out. */
	settings?: OvertimeSettings;
	/** Defaults to the workplace names of the entries. */
	workplaceLabel?: string;
	/** Defaults to now; fixed in tests. */
	generatedAt?: Date;
}
