// Everything the doctor has put into Sessional, for them to take away (DESIGN §2 "the data belongs
// to the doctor"): diary, workplaces, job plans, templates, settings and their own rate submissions.
import { stringify } from 'csv-stringify/sync';
import type { Db } from '../db/index';
import { listOwnSubmissions } from '../rates/submissions';
import { findAllEntries } from './entries';
import { listJobPlans } from './job-plans';
import { getDiarySettings } from './settings';
import { listTemplates } from './templates';
import { listWorkplaces } from './workplaces';
import { ACTIVITY_KINDS, CONTACT_MODES, ADMIN_COUNT_KINDS } from '../../domain/vocabulary';

export async function exportAll(db: Db, userId: string) {
	const [workplaces, jobPlans, entries, templates, settings, rateSubmissions] = await Promise.all([
		listWorkplaces(db, userId),
		listJobPlans(db, userId),
		findAllEntries(db, userId),
		listTemplates(db, userId),
		getDiarySettings(db, userId),
		listOwnSubmissions(db, userId)
	]);
	return { workplaces, jobPlans, entries, templates, settings, rateSubmissions };
}

export type ExportData = Awaited<ReturnType<typeof exportAll>>;
export const CSV_TABLES = ['entries', 'workplaces', 'job_plans', 'rate_submissions'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

/** A free-text cell starting with = + - @ would run as a spreadsheet formula (OWASP CSV injection). */
function text(value: string | null | undefined): string {
	if (!value) return '';
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function toCsv(rows: (string | number | boolean | null)[][]): string {
	return stringify(rows, { bom: true, record_delimiter: 'windows' });
}

export function exportCsv(data: ExportData, table: CsvTable): string {
	const workplaceName = new Map(data.workplaces.map((w) => [w.id, w.name]));
	switch (table) {
		case 'workplaces':
			return toCsv([
				['id', 'name', 'kind', 'area_code', 'nation', 'basis', 'archived'],
				...data.workplaces.map((w) => [
					w.id,
					text(w.name),
					w.kind,
					w.areaCode,
					w.nation,
					w.basis,
					w.archived
				])
			]);
		case 'job_plans':
			return toCsv([
				[
					'job_plan_id',
					'workplace',
					'effective_from',
					'full_time_salary_gbp',
					'weekday',
					'start',
					'end',
					'session_type',
					...ACTIVITY_KINDS.map((k) => `${k}_minutes`)
				],
				...data.jobPlans.flatMap((p) =>
					p.sessions.map((s) => [
						p.id,
						text(workplaceName.get(p.workplaceId)),
						p.effectiveFrom,
						p.fullTimeSalaryPence == null ? '' : (p.fullTimeSalaryPence / 100).toFixed(2),
						s.weekday,
						s.start,
						s.end,
						s.sessionType,
						...ACTIVITY_KINDS.map((k) => s.activities[k])
					])
				)
			]);
		case 'rate_submissions':
			return toCsv([
				[
					'id',
					'category',
					'work_month',
					'area_code',
					'area',
					'amount_gbp',
					'basis',
					'hours_worked',
					'gbp_per_hour',
					'booked_contacts',
					'status'
				],
				...data.rateSubmissions.map((r) => [
					r.id,
					r.category,
					r.workMonth,
					r.areaCode,
					r.areaName,
					(r.amountPence / 100).toFixed(2),
					r.basis,
					r.hoursWorked,
					(r.pencePerHour / 100).toFixed(2),
					r.bookedContacts,
					r.status
				])
			]);
		case 'entries':
			return toCsv([
				[
					'id',
					'date',
					'workplace',
					'session_type',
					'start',
					'finish',
					'break_minutes',
					...ACTIVITY_KINDS.map((k) => `${k}_minutes`),
					...CONTACT_MODES.map((m) => `contacts_${m}`),
					...ADMIN_COUNT_KINDS.map((k) => `admin_${k}`),
					'remote_ooh_minutes',
					'fee_gbp',
					'fee_basis',
					'fee_extras_gbp',
					'notes'
				],
				...data.entries.map((e) => [
					e.id,
					e.date,
					text(workplaceName.get(e.workplaceId)),
					e.sessionType,
					e.start,
					e.finish,
					e.breakMinutes,
					...ACTIVITY_KINDS.map((k) => e.activities[k]),
					...CONTACT_MODES.map((m) => e.contacts[m]),
					...ADMIN_COUNT_KINDS.map((k) => e.adminCounts[k]),
					e.remoteOohMinutes,
					e.feePence == null ? '' : (e.feePence / 100).toFixed(2),
					e.feeBasis,
					e.feeExtrasPence == null ? '' : (e.feeExtrasPence / 100).toFixed(2),
					text(e.notes)
				])
			]);
	}
}
