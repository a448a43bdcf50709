/**
 * An iCalendar (RFC 5545) file of the doctor's worked sessions, to import into a calendar app.
 *
 * Times: the diary stores Europe/London wall-clock times (see diary-rules.ts). Each start and
 * finish is converted here to the UTC instant it names in London, and written in UTC
 * ('DTSTART:20260811T130000Z'). We chose this over the `ics` package's 'local' output, which writes
 * floating times (no zone) after a round trip through the server's own time zone: floating times are
 * shown at the same clock time in whatever zone the viewing device is in, and the round trip
 * silently moves a time that does not exist in the server's zone. A TZID=Europe/London form would
 * need a VTIMEZONE block, which the `ics` package cannot write. In UTC every calendar shows the
 * session at the London time the doctor typed, and at the right moment from anywhere else.
 *
 * On the night the clocks go back, 01:00–01:59 happens twice; we take the first (BST). On the night
 * they go forward, 01:00–01:59 does not exist; such a time is read as GMT, so 01:30 shows as 02:30.
 *
 * Each event's UID is derived from the entry's id, so importing a newer file updates the events
 * rather than duplicating them. Private notes are never written: calendars are often shared.
 */
import { createEvents, type EventAttributes } from 'ics';
import { formatMinutes } from '$lib/format';
import type { ReportEntry } from './types';
import {
	CONTACT_MODES,
	isNonWorking,
	CONTACT_MODE_LABELS,
	SESSION_TYPE_LABELS
} from '$lib/domain/vocabulary';
import { addDays, type ClockTime, type IsoDate } from '$lib/domain/calendar';

const LONDON = 'Europe/London';
const MINUTE_MS = 60_000;
/** London is on GMT (+0) or BST (+60 min). */
const LONDON_OFFSETS_MINUTES = [60, 0] as const;

const londonParts = new Intl.DateTimeFormat('en-GB', {
	timeZone: LONDON,
	hourCycle: 'h23',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit'
});

/** Minutes London is ahead of UTC at an instant. */
function londonOffsetMinutes(instant: number): number {
	const parts = Object.fromEntries(
		londonParts.formatToParts(new Date(instant)).map((part) => [part.type, Number(part.value)])
	);
	const wall = Date.UTC(
		parts.year,
		parts.month - 1,
		parts.day,
		parts.hour,
		parts.minute,
		parts.second
	);
	return Math.round((wall - Math.floor(instant / 1000) * 1000) / MINUTE_MS);
}

/** The UTC instant (ms since the epoch) of a Europe/London wall-clock date and time. */
export function londonWallClockToUtc(date: IsoDate, time: ClockTime): number {
	const [year, month, day] = date.split('-').map(Number);
	const [hour, minute] = time.split(':').map(Number);
	const asIfUtc = Date.UTC(year, month - 1, day, hour, minute);
	// BST first, so an hour that happens twice resolves to its first occurrence.
	for (const offset of LONDON_OFFSETS_MINUTES) {
		const instant = asIfUtc - offset * MINUTE_MS;
		if (londonOffsetMinutes(instant) === offset) return instant;
	}
	// In the hour skipped when the clocks go forward: read as the offset in force before it.
	return asIfUtc - londonOffsetMinutes(asIfUtc - 24 * 60 * MINUTE_MS) * MINUTE_MS;
}

export function sessionUid(entryId: string): string {
	return `diary-entry-${entryId}@sessional`;
}

function describeSession(entry: ReportEntry): string {
	const counts = CONTACT_MODES.filter((mode) => (entry.contacts?.[mode] ?? 0) > 0).map(
		(mode) => `${CONTACT_MODE_LABELS[mode].toLowerCase()} ${entry.contacts?.[mode]}`
	);
	const total = CONTACT_MODES.reduce((sum, mode) => sum + (entry.contacts?.[mode] ?? 0), 0);
	const lines = [
		`Patient contacts: ${total}${counts.length > 0 ? ` (${counts.join(', ')})` : ''}`,
		`Break: ${formatMinutes(entry.breakMinutes ?? 0)}`
	];
	if (entry.remoteOutOfHoursMinutes) {
		lines.push(`Remote work out of hours: ${formatMinutes(entry.remoteOutOfHoursMinutes)}`);
	}
	return lines.join('\n');
}

/**
 * The calendar's name on one line. Not TEXT-escaped: X-WR-CALNAME is a non-standard property that
 * calendar apps (and ical.js) read verbatim, so an escaped comma would show its backslash.
 */
function oneLine(text: string): string {
	return text.replace(/[\r\n]+/g, ' ').trim();
}

export interface IcsOptions {
	calendarName: string;
}

/**
 * One event per worked session; non-working days (leave, sickness, study, bank holidays) and
 * entries without times are left out. A finish at or before the start ends on the next day.
 */
export function buildSessionsIcs(entries: readonly ReportEntry[], options: IcsOptions): string {
	const events: EventAttributes[] = [];
	for (const entry of entries) {
		if (isNonWorking(entry.sessionType) || !entry.start || !entry.finish) continue;
		const endDate = entry.finish <= entry.start ? addDays(entry.date, 1) : entry.date;
		events.push({
			uid: sessionUid(entry.id),
			title: `${SESSION_TYPE_LABELS[entry.sessionType]} — ${entry.workplaceName}`,
			description: describeSession(entry),
			start: londonWallClockToUtc(entry.date, entry.start),
			end: londonWallClockToUtc(endDate, entry.finish),
			startOutputType: 'utc',
			endOutputType: 'utc',
			busyStatus: 'BUSY',
			...(entry.updatedAt ? { lastModified: entry.updatedAt.getTime() } : {})
		});
	}
	const { error, value } = createEvents(events, {
		productId: '-//Sessional//Work diary//EN',
		method: 'PUBLISH',
		calName: oneLine(options.calendarName)
	});
	if (error || !value) throw error ?? new Error('Could not build the calendar file');
	return value;
}
