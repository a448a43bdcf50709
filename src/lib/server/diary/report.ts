import type { Db } from '../db/index';
import { DATE_RANGE_MESSAGE, readDate, addDays, weekdayOf } from '../../domain/calendar';
import { computeDiaryPeriod, toWorkedEntry } from './compute';
import { findEntries, type Entry } from './entries';
import { listJobPlans } from './job-plans';
import { getDiarySettings, overtimeSettingsFor } from './settings';
import { listWorkplaces, type Workplace } from './workplaces';
import type { ReportEntry } from './exports/types';
import type { OvertimeSettings, PeriodReport } from '../../domain/diary-model';

/** The longest period a report covers: about two years, so one request stays quick. */
const MAX_REPORT_DAYS = 731;
const DEFAULT_REPORT_WEEKS = 8;

export interface ReportPeriod {
	from: string;
	to: string;
}

export type PeriodParse =
	| { ok: true; period: ReportPeriod }
	| { ok: false; errors: Record<string, string>; period: ReportPeriod };

/** The last 8 weeks: from the Monday 7 weeks before this week's, to today. */
function defaultPeriod(today: string): ReportPeriod {
	const monday = addDays(today, 1 - weekdayOf(today));
	return { from: addDays(monday, -7 * (DEFAULT_REPORT_WEEKS - 1)), to: today };
}

/** Reads ?from=&to= (both optional); a bad period falls back to the default with messages. */
export function parsePeriod(params: URLSearchParams, today: string): PeriodParse {
	const fallback = defaultPeriod(today);
	const from = params.get('from')?.trim() || fallback.from;
	const to = params.get('to')?.trim() || fallback.to;
	const errors: Record<string, string> = {};
	const first = readDate(from);
	const last = readDate(to);
	if (!first.ok) {
		errors.from =
			first.problem === 'range' ? DATE_RANGE_MESSAGE : 'Enter the first day like 2026-09-28.';
	}
	if (!last.ok) {
		errors.to =
			last.problem === 'range' ? DATE_RANGE_MESSAGE : 'Enter the last day like 2026-11-22.';
	}
	if (!errors.from && !errors.to) {
		if (to < from) errors.to = 'The last day must be on or after the first.';
		else if (addDays(from, MAX_REPORT_DAYS - 1) < to) {
			errors.to = 'A report covers at most two years; choose a shorter period.';
		}
	}
	return Object.keys(errors).length
		? { ok: false, errors, period: fallback }
		: { ok: true, period: { from, to } };
}

export interface DiaryReport {
	period: ReportPeriod;
	report: PeriodReport;
	settings: OvertimeSettings;
	entries: ReportEntry[];
	workplaces: Workplace[];
}

/** An entry as the PDF, CSV and ICS builders take it. */
function toReportEntry(
	entry: Entry & { updatedAt?: Date | null },
	workplace: Workplace
): ReportEntry {
	return {
		...toWorkedEntry(entry, workplace),
		id: entry.id,
		workplaceName: workplace.name,
		adminCounts: entry.adminCounts,
		notes: entry.notes,
		feePence: entry.feePence,
		feeBasis: entry.feeBasis,
		updatedAt: entry.updatedAt ?? null
	};
}

/** The period report of the reports page and its downloads. */
export async function loadReport(
	db: Db,
	userId: string,
	period: ReportPeriod
): Promise<DiaryReport> {
	const [workplaces, plans, entries, diarySettings] = await Promise.all([
		listWorkplaces(db, userId),
		listJobPlans(db, userId),
		findEntries(db, userId, period.from, period.to),
		getDiarySettings(db, userId)
	]);
	const settings = overtimeSettingsFor(diarySettings);
	const report = computeDiaryPeriod(period.from, period.to, entries, workplaces, plans, settings);
	const byId = new Map(workplaces.map((w) => [w.id, w]));
	return {
		period,
		report,
		settings,
		workplaces,
		entries: entries.map((e) => toReportEntry(e, byId.get(e.workplaceId)!))
	};
}
