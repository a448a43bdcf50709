import { describe, it, expect } from 'vitest';
import ICAL from 'ical.js';
import { buildSessionsIcs, londonWallClockToUtc, sessionUid } from './ics';
import { demoEntries } from './test-fixtures';
import type { ReportEntry } from './types';

const ENTRIES: ReportEntry[] = [
	{
		id: '0b6a3c2e-7d1f-4c59-9a51-2f3f8c1d6e01',
		date: '2026-08-11',
		nation: 'ENG',
		sessionType: 'surgery',
		workplaceName: 'Riverside Surgery',
		start: '08:00',
		finish: '12:40',
		breakMinutes: 15,
		contacts: { face_to_face: 14, telephone: 4 },
		notes: 'Private: patient X'
	},
	{
		// A winter night shift into the next morning, at a workplace with a comma in its name.
		id: 'ooh-1',
		date: '2026-12-05',
		nation: 'ENG',
		sessionType: 'out_of_hours',
		workplaceName: 'Hub, North; East',
		start: '22:00',
		finish: '06:30',
		breakMinutes: 30,
		contacts: { telephone: 40 },
		remoteOutOfHoursMinutes: 20
	},
	{
		id: 'leave-1',
		date: '2026-08-12',
		nation: 'ENG',
		sessionType: 'annual_leave',
		workplaceName: 'Riverside Surgery'
	}
];

interface ParsedEvent {
	uid: string;
	summary: string;
	description: string;
	start: string;
	end: string;
}

function parseIcs(ics: string): { name: string; events: ParsedEvent[] } {
	const calendar = new ICAL.Component(ICAL.parse(ics));
	const events = calendar.getAllSubcomponents('vevent').map((component) => {
		const event = new ICAL.Event(component);
		return {
			uid: event.uid,
			summary: event.summary,
			description: event.description,
			start: event.startDate.toJSDate().toISOString(),
			end: event.endDate.toJSDate().toISOString()
		};
	});
	return { name: String(calendar.getFirstPropertyValue('x-wr-calname')), events };
}

describe('londonWallClockToUtc', () => {
	it('reads London time in summer (BST) and winter (GMT)', () => {
		expect(new Date(londonWallClockToUtc('2026-08-11', '08:00')).toISOString()).toBe(
			'2026-08-11T07:00:00.000Z'
		);
		expect(new Date(londonWallClockToUtc('2026-12-05', '22:00')).toISOString()).toBe(
			'2026-12-05T22:00:00.000Z'
		);
	});

	it('takes the first of the hour that happens twice when the clocks go back', () => {
		// 25 Oct 2026: 02:00 BST becomes 01:00 GMT.
		expect(new Date(londonWallClockToUtc('2026-10-25', '01:30')).toISOString()).toBe(
			'2026-10-25T00:30:00.000Z'
		);
		expect(new Date(londonWallClockToUtc('2026-10-25', '02:30')).toISOString()).toBe(
			'2026-10-25T02:30:00.000Z'
		);
	});

	it('reads a time in the skipped hour as GMT when the clocks go forward', () => {
		// 29 Mar 2026: 01:00 GMT becomes 02:00 BST; 01:30 does not exist.
		expect(new Date(londonWallClockToUtc('2026-03-29', '01:30')).toISOString()).toBe(
			'2026-03-29T01:30:00.000Z'
		);
		expect(new Date(londonWallClockToUtc('2026-03-29', '00:30')).toISOString()).toBe(
			'2026-03-29T00:30:00.000Z'
		);
		expect(new Date(londonWallClockToUtc('2026-03-29', '02:30')).toISOString()).toBe(
			'2026-03-29T01:30:00.000Z'
		);
	});
});

describe('buildSessionsIcs', () => {
	it('imports into a calendar parser: one event per worked session', () => {
		const ics = buildSessionsIcs(ENTRIES, { calendarName: 'Work diary, Dr Patel' });
		const { name, events } = parseIcs(ics);
		expect(name).toBe('Work diary, Dr Patel');
		expect(events).toHaveLength(2);

		const [surgery, overnight] = events;
		expect(surgery).toEqual({
			uid: sessionUid('0b6a3c2e-7d1f-4c59-9a51-2f3f8c1d6e01'),
			summary: 'Surgery — Riverside Surgery',
			description: 'Patient contacts: 18 (face to face 14, telephone 4)\nBreak: 15 min',
			start: '2026-08-11T07:00:00.000Z',
			end: '2026-08-11T11:40:00.000Z'
		});
		expect(overnight).toMatchObject({
			uid: 'diary-entry-ooh-1@sessional',
			summary: 'Out of hours — Hub, North; East',
			start: '2026-12-05T22:00:00.000Z',
			end: '2026-12-06T06:30:00.000Z'
		});
		expect(overnight.description).toContain('Remote work out of hours: 20 min');
	});

	it('writes times in UTC and keeps private notes out', () => {
		const ics = buildSessionsIcs(ENTRIES, { calendarName: 'Diary' });
		expect(ics).toContain('DTSTART:20260811T070000Z\r\n');
		expect(ics).toContain('DTEND:20261206T063000Z\r\n');
		expect(ics).not.toContain('Private');
	});

	it('gives each entry the same UID every time, so a re-import updates events', () => {
		const entries = demoEntries();
		const first = parseIcs(buildSessionsIcs(entries, { calendarName: 'Diary' })).events;
		const second = parseIcs(
			buildSessionsIcs([...entries].reverse(), { calendarName: 'Diary' })
		).events;
		const worked = entries.filter((entry) => entry.start);
		expect(first).toHaveLength(worked.length);
		expect(new Set(first.map((event) => event.uid)).size).toBe(worked.length);
		expect(new Set(second.map((event) => event.uid))).toEqual(new Set(first.map((e) => e.uid)));
	});

	it('writes an empty calendar when there are no sessions', () => {
		const { events } = parseIcs(buildSessionsIcs([], { calendarName: 'Diary' }));
		expect(events).toEqual([]);
	});
});
