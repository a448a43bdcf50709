// Locum-rate categories, bases and bounds (DESIGN §3.1–3.2). Money is integer pence throughout;
// whole pounds appear only in published figures and in messages.

/** One table so a group can rename categories later; the database seeds from it. */
export const RATE_CATEGORIES = [
	{
		code: 'in_hours_session',
		name: 'In-hours surgery session',
		description: 'booked appointments at a practice, Mon–Fri daytime'
	},
	{
		code: 'duty_doctor',
		name: 'Duty / on-call doctor',
		description: 'in-hours triage, urgent on-the-day work, visits'
	},
	{
		code: 'extended_access',
		name: 'Extended / enhanced access',
		description: 'evenings and weekends, PCN hubs'
	},
	{
		code: 'out_of_hours',
		name: 'Out-of-hours & urgent care',
		description: 'OOH providers, urgent treatment centres, 111 clinical assessment'
	},
	{
		code: 'remote',
		name: 'Remote session',
		description: 'telephone or video consulting and triage from anywhere'
	}
] as const;

export type RateCategory = (typeof RATE_CATEGORIES)[number]['code'];

export const RATE_CATEGORY_CODES: readonly RateCategory[] = RATE_CATEGORIES.map((c) => c.code);

export function isRateCategory(value: string): value is RateCategory {
	return (RATE_CATEGORY_CODES as readonly string[]).includes(value);
}

export const RATE_BASES = ['per_hour', 'per_session', 'per_day'] as const;

export type RateBasis = (typeof RATE_BASES)[number];

export function isRateBasis(value: string): value is RateBasis {
	return (RATE_BASES as readonly string[]).includes(value);
}

/** 4 h 10 min: nine sessions make the 37.5-hour full-time week of the salaried-GP model contract. */
export const STANDARD_SESSION_MINUTES = 250;

/** Outside these a submission is refused outright and nothing is stored (§3.2). Inclusive. */
export const HARD_BOUNDS = {
	minPencePerHour: 30_00,
	maxPencePerHour: 400_00,
	minHoursWorked: 1,
	maxHoursWorked: 14
} as const;

/** Inside the hard bounds but outside these, a submission is held for moderation (§3.5). Inclusive. */
export const SOFT_BOUNDS = {
	minPencePerHour: 50_00,
	maxPencePerHour: 250_00
} as const;

export interface RateAmount {
	/** The fee in pence, excluding employer pension contributions. */
	amountPence: number;
	basis: RateBasis;
	/** Hours actually worked for that fee; may be fractional (4 h 10 min = 25/6). */
	hoursWorked: number;
}

/**
 * The fee as pence per hour, rounded to the nearest penny (half up). A session or day fee is divided
 * by the hours actually worked for it, not by a nominal session length, so a "session" that ran to
 * six hours is recorded at its true hourly value.
 */
export function pencePerHour({ amountPence, basis, hoursWorked }: RateAmount): number {
	if (basis === 'per_hour') return Math.round(amountPence);
	if (!(hoursWorked > 0)) throw new RangeError('hoursWorked must be positive');
	return Math.round(amountPence / hoursWorked);
}

/** What an hourly rate comes to over one standard session, in whole pence (half up). */
export function perSessionEquivalentPence(pencePerHour: number): number {
	return Math.round((pencePerHour * STANDARD_SESSION_MINUTES) / 60);
}

export function isWithinSoftBounds(pencePerHour: number): boolean {
	return pencePerHour >= SOFT_BOUNDS.minPencePerHour && pencePerHour <= SOFT_BOUNDS.maxPencePerHour;
}

/** Keyed by the submission form's field names so an action can return them with `fail(400, ...)`. */
export type RateBoundsErrors = Partial<Record<'amount' | 'hoursWorked', string>>;

/**
 * Messages for values outside the hard bounds; an empty object means the values may be stored.
 * The hourly check uses the same rounded figure that would be stored, so the rule and the stored
 * value can never disagree at the edge.
 */
export function checkRateBounds({ amountPence, basis, hoursWorked }: RateAmount): RateBoundsErrors {
	const errors: RateBoundsErrors = {};
	const { minHoursWorked, maxHoursWorked, minPencePerHour, maxPencePerHour } = HARD_BOUNDS;
	const hoursRange = `hours worked must be between ${minHoursWorked} and ${maxHoursWorked}.`;
	const hoursValid =
		Number.isFinite(hoursWorked) && hoursWorked >= minHoursWorked && hoursWorked <= maxHoursWorked;

	if (!Number.isFinite(hoursWorked) || hoursWorked <= 0) {
		errors.hoursWorked = `Enter the hours you worked; ${hoursRange}`;
	} else if (!hoursValid) {
		errors.hoursWorked = `You entered ${formatHours(hoursWorked)}; ${hoursRange}`;
	}

	if (!Number.isFinite(amountPence) || amountPence <= 0) {
		errors.amount = 'Enter the amount you were paid, in pounds.';
		return errors;
	}
	// A session or day fee over impossible hours gives a meaningless hourly figure; the hours
	// message alone tells the doctor what to fix.
	if (basis !== 'per_hour' && !hoursValid) return errors;

	const rate = pencePerHour({ amountPence, basis, hoursWorked });
	if (rate < minPencePerHour || rate > maxPencePerHour) {
		const lead = basis === 'per_hour' ? 'You entered' : 'That works out at';
		errors.amount =
			`${lead} ${poundsWithPence.format(rate / 100)} an hour; rates must be between ` +
			`${formatBound(minPencePerHour)} and ${formatBound(maxPencePerHour)} an hour.`;
	}
	return errors;
}

const poundsWithPence = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });
const wholePounds = new Intl.NumberFormat('en-GB', {
	style: 'currency',
	currency: 'GBP',
	minimumFractionDigits: 0,
	maximumFractionDigits: 0
});

// Bounds read more cleanly as "£30"; a computed rate always shows its pence ("£5.00").
function formatBound(pence: number): string {
	return pence % 100 === 0 ? wholePounds.format(pence / 100) : poundsWithPence.format(pence / 100);
}

function formatHours(hours: number): string {
	const shown = Number(hours.toFixed(2));
	return `${shown} ${shown === 1 ? 'hour' : 'hours'}`;
}
