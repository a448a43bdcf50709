import { describe, it, expect } from 'vitest';
import { render } from 'svelte/server';
import { computePeriod } from '$lib/domain/diary-rules';
import ActivityMixChart from './ActivityMixChart.svelte';
import ContactsChart from './ContactsChart.svelte';
import WeeklyHoursChart from './WeeklyHoursChart.svelte';
import type { JobPlan, WorkedEntry } from '$lib/domain/diary-model';

const PLAN: JobPlan = {
	effectiveFrom: '2026-01-05',
	sessions: [
		{ weekday: 1, start: '08:00', end: '12:10' },
		{ weekday: 2, start: '08:00', end: '12:10' }
	]
};

function entry(date: string, contacts: number, finish = '12:40'): WorkedEntry {
	return {
		date,
		nation: 'ENG',
		sessionType: 'surgery',
		start: '08:00',
		finish,
		activities: { consulting: 170, admin: 60, meetings: 20 },
		contacts: { face_to_face: contacts }
	};
}

const report = computePeriod(
	'2026-08-03',
	'2026-08-16',
	[
		entry('2026-08-03', 31),
		entry('2026-08-04', 22),
		entry('2026-08-10', 27),
		entry('2026-08-11', 18)
	],
	[PLAN]
);

/** The markup of the chart itself, apart from the data table. */
function svgOf(body: string): string {
	return body.slice(body.indexOf('<svg'), body.indexOf('</svg>'));
}

function expectAccessibleSvg(body: string): void {
	expect(body).toMatch(/<svg[^>]* viewBox="0 0 400 \d+"/);
	expect(body).toMatch(/<svg[^>]* role="img"/);
	expect(body).toMatch(/<svg[^>]* aria-label="Bar chart of [^"]+"/);
	// Server-rendered and static: no event handler attributes and no script.
	expect(body).not.toMatch(/\son[a-z]+=/i);
	expect(body).not.toContain('<script');
}

describe('WeeklyHoursChart', () => {
	it('draws a planned and a worked bar per week, with the numbers in a table', () => {
		const body = render(WeeklyHoursChart, { props: { weeks: report.weeks } }).body;
		expectAccessibleSvg(body);
		expect(svgOf(body).match(/<rect[^>]*class="planned/g)).toHaveLength(2);
		expect(svgOf(body).match(/<rect[^>]*class="worked/g)).toHaveLength(2);
		expect(svgOf(body)).toContain('3 Aug');
		expect(body).toContain('<details');
		expect(body).toContain('Week 32, 3–9 Aug');
		expect(body).toContain('9 h 20 min');
	});

	it('leaves the table out when the page shows its own', () => {
		expect(
			render(WeeklyHoursChart, { props: { weeks: report.weeks, table: null } }).body
		).not.toContain('<table');
	});

	it('says so when there are no weeks', () => {
		const body = render(WeeklyHoursChart, { props: { weeks: [] } }).body;
		expect(body).toContain('No weeks in this period.');
		expect(body).not.toContain('<svg');
	});
});

describe('ContactsChart', () => {
	it('marks days over the limit by colour, hatching and a marker, with a limit line', () => {
		const body = render(ContactsChart, { props: { days: report.days, limit: 25 } }).body;
		expectAccessibleSvg(body);
		const svg = svgOf(body);
		expect(svg.match(/<rect[^>]*class="over/g)).toHaveLength(2);
		expect(svg.match(/<rect[^>]*class="within/g)).toHaveLength(2);
		expect(svg.match(/<path[^>]*class="marker/g)).toHaveLength(2);
		expect(svg).toMatch(/<pattern id="([^"]+)-hatch"/);
		const patternId = /<pattern id="([^"]+)"/.exec(svg)![1];
		expect(svg).toContain(`fill="url(#${patternId})"`);
		expect(svg).toContain('Limit 25');
		expect(body).toContain('aria-label="Bar chart of patient contacts on each of 4 working days');
		expect(body).toContain('2 days over the safe limit of 25.');
		expect(body).toMatch(/<td>31<\/td>\s*<td>Yes<\/td>/);
	});
});

describe('ActivityMixChart', () => {
	it('draws one labelled bar per activity with its share', () => {
		const body = render(ActivityMixChart, { props: { days: report.days } }).body;
		expectAccessibleSvg(body);
		const svg = svgOf(body);
		expect(svg.match(/<rect[^>]*class="bar/g)).toHaveLength(3);
		expect(svg).toContain('Consulting');
		expect(svg).toContain('68 %');
		expect(body).toContain(
			'aria-label="Bar chart of time by activity: Consulting 68 %, Admin 24 %, Meetings 8 %."'
		);
	});

	it('says so when nothing was recorded', () => {
		expect(render(ActivityMixChart, { props: { days: [] } }).body).toContain(
			'No activity recorded in this period.'
		);
	});
});
