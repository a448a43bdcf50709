import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import {
	buildRatesCsv,
	RATES_CSV_HEADER,
	RATES_CSV_MEMBERS_ONLY,
	ratesCsvFilename,
	type PublishedRates
} from './export';
import { RATES_NOTICE_TEXT } from '$lib/domain/rates-notice';
import type { MemberCell, RateCells, SnapshotInfo } from '$lib/domain/published-cell';

const SNAPSHOT: SnapshotInfo = {
	id: 7,
	quarterEnd: '2026-09-30',
	windowFrom: '2025-10',
	windowTo: '2026-09',
	publishedAt: '2026-11-02T09:00:00.000Z'
};

const IN_HOURS = {
	code: 'in_hours_session',
	name: 'In-hours surgery session',
	description: 'booked appointments at a practice, Mon–Fri daytime'
};
const REMOTE = {
	code: 'remote',
	name: 'Remote session',
	description: 'telephone or video consulting and triage from anywhere'
};

const SOUTH_WEST: MemberCell = {
	geoCode: 'TLK',
	level: 'region',
	name: 'South West',
	parentCode: 'E92000001',
	status: 'published',
	medianPerHour: 104,
	medianPerSession: 435,
	countBand: '50+',
	confidence: 'high',
	quartiles: { p25: 96, p75: 113 },
	contactsPerHour: 3.4,
	trend: [{ quarterEnd: '2026-06-30', medianPerHour: 102 }]
};
const DEVON: MemberCell = {
	geoCode: 'E54000037',
	level: 'area',
	name: 'Devon',
	parentCode: 'TLK',
	status: 'published',
	medianPerHour: 101,
	medianPerSession: 420,
	countBand: '10-19',
	confidence: 'low',
	quartiles: null,
	contactsPerHour: null,
	trend: []
};
const CORNWALL: MemberCell = {
	geoCode: 'E54000036',
	level: 'area',
	name: 'Cornwall and Isles of Scilly',
	parentCode: 'TLK',
	status: 'suppressed'
};

function rates(...categories: RateCells<MemberCell>[]): PublishedRates {
	return { snapshot: SNAPSHOT, categories };
}

const ALL = rates(
	{ snapshot: SNAPSHOT, category: IN_HOURS, cells: [SOUTH_WEST, DEVON, CORNWALL] },
	{ snapshot: SNAPSHOT, category: REMOTE, cells: [{ ...CORNWALL }] }
);

function records(csv: string): string[][] {
	return parse(csv, { bom: true }) as string[][];
}

/** The data rows as objects keyed by the header row (the second record). */
function rows(csv: string): Record<string, string>[] {
	const [, header, ...data] = records(csv);
	return data.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

const FIGURE_COLUMNS = [
	'Median £ per hour',
	'Median £ per 4 h 10 min session',
	'Doctors reporting (band)',
	'Confidence',
	'25th percentile £ per hour',
	'75th percentile £ per hour',
	'Median patient contacts per hour'
];

describe('the members’ CSV of published cells', () => {
	it('starts with the information-only notice, then the header with the member-only columns', () => {
		const [notice, header] = records(buildRatesCsv(ALL));
		expect(notice[0]).toContain(RATES_NOTICE_TEXT);
		expect(notice[0]).toContain('Published figures');
		expect(notice[0]).toContain('quarter ending 2026-09-30');
		// Padded, so every record has as many fields as the header.
		expect(notice.slice(1).every((cell) => cell === '')).toBe(true);
		expect(notice).toHaveLength(header.length);
		expect(header).toEqual([...RATES_CSV_HEADER]);
		expect(header).toEqual([
			'Kind of work',
			'Kind of work code',
			'Level',
			'Geography code',
			'Place',
			'Parent code',
			'Parent',
			'Status',
			...FIGURE_COLUMNS,
			'Quarter end',
			'Work from (month)',
			'Work to (month)',
			'Published on'
		]);
	});

	it('writes a published cell’s figures, quartiles and contacts per hour, with its parent', () => {
		const row = rows(buildRatesCsv(ALL))[0];
		expect(row).toEqual({
			'Kind of work': 'In-hours surgery session',
			'Kind of work code': 'in_hours_session',
			Level: 'region',
			'Geography code': 'TLK',
			Place: 'South West',
			'Parent code': 'E92000001',
			Parent: 'England',
			Status: 'published',
			'Median £ per hour': '104',
			'Median £ per 4 h 10 min session': '435',
			'Doctors reporting (band)': '50+',
			Confidence: 'high',
			'25th percentile £ per hour': '96',
			'75th percentile £ per hour': '113',
			'Median patient contacts per hour': '3.4',
			'Quarter end': '2026-09-30',
			'Work from (month)': '2025-10',
			'Work to (month)': '2026-09',
			'Published on': '2026-11-02'
		});
	});

	it('leaves quartiles and contacts empty where the snapshot has none, and writes bands with an en dash', () => {
		const devon = rows(buildRatesCsv(ALL))[1];
		expect(devon).toMatchObject({
			Level: 'health area',
			Place: 'Devon',
			Parent: 'South West',
			'Median £ per hour': '101',
			'Doctors reporting (band)': '10–19',
			'25th percentile £ per hour': '',
			'75th percentile £ per hour': '',
			'Median patient contacts per hour': ''
		});
	});

	it('gives a suppressed cell the status "not enough reports" and every figure empty', () => {
		const suppressed = rows(buildRatesCsv(ALL)).filter((r) => r['Geography code'] === 'E54000036');
		expect(suppressed).toHaveLength(2);
		for (const row of suppressed) {
			expect(row.Status).toBe('not enough reports');
			for (const column of FIGURE_COLUMNS) expect(row[column], column).toBe('');
			// Names and codes only: no digit outside the geography code and the snapshot's dates.
			const { ['Geography code']: _code, ['Parent code']: _parent, ...rest } = row;
			const withoutDates = Object.entries(rest)
				.filter(
					([k]) =>
						!['Quarter end', 'Work from (month)', 'Work to (month)', 'Published on'].includes(k)
				)
				.map(([, v]) => v);
			expect(withoutDates.join('|')).not.toMatch(/\d/);
		}
		expect(suppressed.map((r) => r['Kind of work code'])).toEqual(['in_hours_session', 'remote']);
	});

	it('writes every kind of work asked for, in order, one row per cell', () => {
		const all = rows(buildRatesCsv(ALL));
		expect(all.map((r) => `${r['Kind of work code']} ${r['Geography code']}`)).toEqual([
			'in_hours_session TLK',
			'in_hours_session E54000037',
			'in_hours_session E54000036',
			'remote E54000036'
		]);
	});

	it('is UTF-8 with a byte-order mark and CRLF rows, unless asked for no mark', () => {
		const csv = buildRatesCsv(ALL);
		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(csv.split('\r\n')).toHaveLength(records(csv).length + 1);
		expect(buildRatesCsv(ALL, { bom: false }).startsWith('"Reported rates')).toBe(true);
	});

	it('makes a category name that looks like a formula plain text', () => {
		const csv = buildRatesCsv(
			rates({
				snapshot: SNAPSHOT,
				category: { ...REMOTE, name: '=HYPERLINK("x")' },
				cells: [CORNWALL]
			})
		);
		expect(rows(csv)[0]['Kind of work']).toBe('\'=HYPERLINK("x")');
	});

	it('is named after the quarter, and the kind of work when there is one', () => {
		expect(ratesCsvFilename(SNAPSHOT, null)).toBe('sessional-rates-2026-09-30.csv');
		expect(ratesCsvFilename(SNAPSHOT, 'in_hours_session')).toBe(
			'sessional-rates-2026-09-30-in-hours-session.csv'
		);
	});

	it('tells a non-member how to join, with no figure', () => {
		expect(RATES_CSV_MEMBERS_ONLY).toContain('for members');
		expect(RATES_CSV_MEMBERS_ONLY).toContain('ask its committee to join');
		expect(RATES_CSV_MEMBERS_ONLY).not.toMatch(/\d|£/);
	});
});
