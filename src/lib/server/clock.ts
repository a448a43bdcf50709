// The one clock. Every business decision that depends on the time — what "today" is for a diary,
// which quarter is due, whether a token or a session has expired, which month a rate counts
// against — asks this module, never `new Date()` or `Date.now()`.
//
// SESSIONAL_TODAY pins it for a whole process, so a demo, a seed or a test server can run "as of"
// any date: `2026-11-24` (noon in London that day) or an instant with its offset
// (`2027-03-28T00:30:00Z`). A pinned clock still moves: it starts at the pinned instant and then
// advances with the real one, so windows, expiries and orderings behave as on any day.
import { parseClockPin } from '../domain/calendar';
import { todayInLondon } from '../format';
import { config } from './config';

interface Pin {
	/** The pinned instant, in ms. */
	at: number;
	/** The real clock when the pin took effect, in ms. */
	since: number;
}

let pin: Pin | null | undefined;

function currentPin(): Pin | null {
	if (pin === undefined) {
		const text = config().SESSIONAL_TODAY;
		const at = text ? parseClockPin(text) : null;
		pin = at ? { at: at.getTime(), since: Date.now() } : null;
	}
	return pin;
}

/** The current instant, in ms since the epoch. */
export function nowMs(): number {
	const p = currentPin();
	// The one place the machine's clock is read for the app's decisions.
	const real = Date.now();
	return p ? p.at + (real - p.since) : real;
}

/** The current instant. */
export function now(): Date {
	return new Date(nowMs());
}

/** Today's date in London ('YYYY-MM-DD'), where the doctors are, whatever the server's zone. */
export function today(): string {
	return todayInLondon(now());
}

/** Whether the clock is pinned, and to what (for the start-up log and the admin pages). */
export function clockPin(): string | null {
	return currentPin() ? (config().SESSIONAL_TODAY ?? null) : null;
}

/**
 * Pins (or, with null, unpins) the clock in this process from now on. For scripts and tests that
 * make data "as of" a date without setting the environment; the app itself pins only through
 * SESSIONAL_TODAY.
 */
export function pinClock(at: string | Date | null): void {
	if (at === null) {
		pin = null;
		return;
	}
	const instant = typeof at === 'string' ? parseClockPin(at) : at;
	if (!instant) throw new Error(`Not a date or an instant with an offset: ${String(at)}`);
	pin = { at: instant.getTime(), since: Date.now() };
}

/**
 * The machine's own time, even when the clock is pinned. Only for protocols whose other side reads
 * its own clock: an authenticator app's TOTP codes follow the phone's real time, not the demo's
 * pinned day, so checking them against a pinned clock would refuse every code.
 */
export function wallClockMs(): number {
	return Date.now();
}
