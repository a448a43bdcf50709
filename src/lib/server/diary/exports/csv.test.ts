import { describe, it, expect } from 'vitest';
import { parse } from 'csv-parse/sync';
import { buildEntriesCsv, buildWeeksCsv, guardText } from './csv';
import { demoEntries, demoReport } from './test-fixtures';
import type { ReportEntry } from './types';

const HEADER = [
	'Date',
	'Workplace',
	'Session type',
	'Start',
	'Finish',
	'Finishes next day',
	'Break (min)',
	'Worked in session (min)',
	'Consulting (min)',
	'Home visits (min)',
	'Admin (min)',
	'Meetings (min)',
	'Teaching (min)',
	'CPD (min)',
	'Other (min)',
	'Contacts: face to face',
	'Contacts: telephone',
	'Contacts: video',
	'Contacts: online or written',
	'Contacts: home visit',
	'Contacts: total',
	'Results',
	'Letters and documents',
	'Prescriptions',
	'Tasks and referrals',
	'Remote work out of hours (min)',
	'Fee (£)',
	'Fee basis',
	'Notes'
];

const NOTE = 'Covered for Dr Lee, "on call"; 3 visits\nleft at 19:40, £0 extra\r\nso it goes';

const ENTRIES: ReportEntry[] = [
	{
		id: 'a',
		date: '2026-08-11',
		nation: 'ENG',
		sessionType: 'surgery',
		workplaceName: 'Clinique Élan, Høy Street',
		start: '08:00',
		finish: '12:30',
		breakMinutes: 0,
		activities: { consulting: 200, admin: 70 },
		contacts: { face_to_face: 14, telephone: 4 },
		adminCounts: { results: 25, prescriptions: 31 },
		notes: NOTE
	},
	{
		id: 'b',
		date: '2026-08-08',
		nation: 'ENG',
		sessionType: 'out_of_hours',
		workplaceName: 'OOH hub',
		start: '22:00',
		finish: '08:00',
		breakMinutes: 30,
		contacts: { telephone: 40 },
		remoteOutOfHoursMinutes: 15,
		feePence: 12_345,
		feeBasis: 'per_session',
		notes: '=HYPERLINK("http://example.com")'
	},
	{
		id: 'c',
		date: '2026-08-10',
		nation: 'ENG',
		sessionType: 'annual_leave',
		workplaceName: 'Clinique Élan, Høy Street'
	}
];

function parseCsv(csv: string): string[][] {
	return parse(csv, { bom: true, relax_column_count: false }) as string[][];
}

describe('buildEntriesCsv', () => {
	it('labels every fee basis the diary stores (per_hour, per_session, per_day) in words', () => {
		for (const [basis, label] of [
			['per_hour', 'per hour'],
			['per_session', 'per session'],
			['per_day', 'per day']
		] as const) {
			const rows = parseCsv(buildEntriesCsv([{ ...ENTRIES[1], feeBasis: basis }]));
			expect(rows[1][HEADER.indexOf('Fee basis')]).toBe(label);
		}
	});

	it('starts with a byte-order mark for Excel unless asked not to, and ends rows in CRLF', () => {
		const csv = buildEntriesCsv(ENTRIES);
		expect(csv.startsWith('\uFEFFDate,Workplace,')).toBe(true);
		expect(csv.endsWith('\r\n')).toBe(true);
		expect(buildEntriesCsv(ENTRIES, { bom: false }).startsWith('Date,')).toBe(true);
	});

	it('round-trips into a spreadsheet-shaped table, oldest first', () => {
		const rows = parseCsv(buildEntriesCsv(ENTRIES));
		expect(rows[0]).toEqual(HEADER);
		expect(rows).toHaveLength(ENTRIES.length + 1);
		for (const row of rows) expect(row).toHaveLength(HEADER.length);
		const byHeader = rows
			.slice(1)
			.map((row) => Object.fromEntries(HEADER.map((h, i) => [h, row[i]])));

		expect(byHeader.map((row) => row.Date)).toEqual(['2026-08-08', '2026-08-10', '2026-08-11']);

		const [overnight, leave, surgery] = byHeader;
		expect(surgery).toMatchObject({
			Workplace: 'Clinique Élan, Høy Street',
			'Session type': 'Surgery',
			Start: '08:00',
			Finish: '12:30',
			'Finishes next day': 'no',
			'Break (min)': '0',
			'Worked in session (min)': '270',
			'Consulting (min)': '200',
			'Admin (min)': '70',
			'Home visits (min)': '',
			'Contacts: face to face': '14',
			'Contacts: telephone': '4',
			'Contacts: total': '18',
			Results: '25',
			Prescriptions: '31',
			'Letters and documents': '',
			'Fee (£)': '',
			Notes: NOTE
		});
		expect(overnight).toMatchObject({
			'Session type': 'Out of hours',
			Start: '22:00',
			Finish: '08:00',
			'Finishes next day': 'yes',
			'Worked in session (min)': '570',
			'Remote work out of hours (min)': '15',
			'Fee (£)': '123.45',
			'Fee basis': 'per session'
		});
		expect(leave).toMatchObject({
			'Session type': 'Annual leave',
			Start: '',
			Finish: '',
			'Worked in session (min)': '',
			'Contacts: total': ''
		});
	});

	it('stops free text being run as a spreadsheet formula', () => {
		const rows = parseCsv(buildEntriesCsv(ENTRIES));
		expect(rows[1][HEADER.indexOf('Notes')]).toBe(`'=HYPERLINK("http://example.com")`);
		expect(guardText('+44 7700 900123')).toBe("'+44 7700 900123");
		expect(guardText('-')).toBe("'-");
		expect(guardText('Fine, ordinary note')).toBe('Fine, ordinary note');
		expect(guardText(null)).toBe('');
	});

	it('writes just the header when there are no entries', () => {
		expect(parseCsv(buildEntriesCsv([]))).toEqual([HEADER]);
	});

	it('exports a realistic diary whole', () => {
		const entries = demoEntries();
		const rows = parseCsv(buildEntriesCsv(entries));
		expect(rows).toHaveLength(entries.length + 1);
		expect(rows.flat().join('')).toContain(
			'Covered for Dr Lee, "on call", 3 home visits\nleft late'
		);
	});
});

describe('buildWeeksCsv', () => {
	it('has a row per week and a total that match the report', () => {
		const report = demoReport();
		const rows = parseCsv(buildWeeksCsv(report));
		expect(rows[0].slice(0, 7)).toEqual([
			'Week',
			'From',
			'To',
			'Planned (min)',
			'Leave, sickness and bank holidays (min)',
			'Worked (min)',
			'Difference (min)'
		]);
		expect(rows).toHaveLength(report.weeks.length + 2);
		const header = rows[0];
		const cell = (row: string[], name: string) => row[header.indexOf(name)];

		const bankHolidayWeek = rows.find((row) => row[0] === '2026-W36')!;
		const week = report.weeks.find((w) => w.isoWeek === '2026-W36')!;
		expect(cell(bankHolidayWeek, 'From')).toBe('2026-08-31');
		expect(cell(bankHolidayWeek, 'Leave, sickness and bank holidays (min)')).toBe('500');
		expect(cell(bankHolidayWeek, 'Worked (min)')).toBe(String(week.workedMinutes));
		expect(cell(bankHolidayWeek, 'Difference (min)')).toBe(
			String(week.workedMinutes + week.absenceMinutes - week.plannedMinutes)
		);
		expect(cell(bankHolidayWeek, 'Value of extra time (£)')).toBe(
			(week.extraValuePence / 100).toFixed(2)
		);

		const total = rows[rows.length - 1];
		expect(total[0]).toBe('Total');
		expect(cell(total, 'From')).toBe(report.from);
		expect(cell(total, 'Time off in lieu owed (min)')).toBe(String(report.totals.toilMinutes));
		expect(cell(total, 'Flagged days')).toBe(String(report.totals.flaggedDates.length));
	});
});
