// Calendar rules that need no clock: what a pinned "now" may be written as, and the hour in London.

/** What a pin may be: a day, or an instant with an explicit offset (no local-time guessing). */
const PIN = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * `2026-11-24` → noon in London that day (never near midnight, never in a clock change);
 * `2027-03-28T00:30:00Z` → that instant. Null when the text is neither.
 */
export function parseClockPin(text: string): Date | null {
	const match = PIN.exec(text.trim());
	if (!match) return null;
	const [, day, hh, mm, ss, offset] = match;
	const midnight = new Date(`${day}T00:00:00Z`);
	if (Number.isNaN(midnight.getTime()) || midnight.toISOString().slice(0, 10) !== day) return null;
	if (hh === undefined) {
		// Noon UTC is 12:00 or, in summer time, 13:00 in London.
		const noon = Date.parse(`${day}T12:00:00Z`);
		return new Date(londonHour(new Date(noon)) === 13 ? noon - 60 * 60_000 : noon);
	}
	if (Number(hh) > 23 || Number(mm) > 59 || Number(ss ?? 0) > 59) return null;
	const at = new Date(`${day}T${hh}:${mm}:${ss ?? '00'}${offset}`);
	return Number.isNaN(at.getTime()) ? null : at;
}

const londonHourFormat = new Intl.DateTimeFormat('en-GB', {
	hour: '2-digit',
	hourCycle: 'h23',
	timeZone: 'Europe/London'
});
function londonHour(at: Date): number {
	return Number(londonHourFormat.format(at));
}
