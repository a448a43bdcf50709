import { describe, it, expect } from 'vitest';
import {
	checkRateBounds,
	HARD_BOUNDS,
	isRateBasis,
	isRateCategory,
	isWithinSoftBounds,
	pencePerHour,
	perSessionEquivalentPence,
	RATE_BASES,
	RATE_CATEGORIES,
	RATE_CATEGORY_CODES,
	SOFT_BOUNDS,
	STANDARD_SESSION_MINUTES
} from './rate-units';

describe('RATE_CATEGORIES', () => {
	it('holds the five categories of DESIGN §3.1, in order', () => {
		expect(RATE_CATEGORIES.map((c) => [c.code, c.name])).toEqual([
			['in_hours_session', 'In-hours surgery session'],
			['duty_doctor', 'Duty / on-call doctor'],
			['extended_access', 'Extended / enhanced access'],
			['out_of_hours', 'Out-of-hours & urgent care'],
			['remote', 'Remote session']
		]);
		expect(RATE_CATEGORIES[0].description).toBe(
			'booked appointments at a practice, Mon–Fri daytime'
		);
		expect(RATE_CATEGORY_CODES).toHaveLength(5);
	});

	it('recognises category and basis codes', () => {
		expect(isRateCategory('out_of_hours')).toBe(true);
		expect(isRateCategory('Out of hours')).toBe(false);
		expect(RATE_BASES).toEqual(['per_hour', 'per_session', 'per_day']);
		expect(isRateBasis('per_day')).toBe(true);
		expect(isRateBasis('per_week')).toBe(false);
	});
});

describe('constants', () => {
	it('uses a 4 h 10 min standard session and the design bounds', () => {
		expect(STANDARD_SESSION_MINUTES).toBe(4 * 60 + 10);
		expect(HARD_BOUNDS).toEqual({
			minPencePerHour: 3000,
			maxPencePerHour: 40000,
			minHoursWorked: 1,
			maxHoursWorked: 14
		});
		expect(SOFT_BOUNDS).toEqual({ minPencePerHour: 5000, maxPencePerHour: 25000 });
	});
});

describe('pencePerHour', () => {
	it('takes an hourly amount as it is, whatever the hours', () => {
		expect(pencePerHour({ amountPence: 9500, basis: 'per_hour', hoursWorked: 6 })).toBe(9500);
	});

	it('divides a session fee by the hours actually worked', () => {
		expect(pencePerHour({ amountPence: 40000, basis: 'per_session', hoursWorked: 4 })).toBe(10000);
		// A standard 4 h 10 min session at £375 is £90 an hour.
		expect(pencePerHour({ amountPence: 37500, basis: 'per_session', hoursWorked: 250 / 60 })).toBe(
			9000
		);
		// The same fee for a session that ran to five hours is worth less an hour.
		expect(pencePerHour({ amountPence: 37500, basis: 'per_session', hoursWorked: 5 })).toBe(7500);
	});

	it('divides a day fee by the hours worked, rounding to the nearest penny', () => {
		expect(pencePerHour({ amountPence: 80000, basis: 'per_day', hoursWorked: 9 })).toBe(8889);
		expect(pencePerHour({ amountPence: 85000, basis: 'per_day', hoursWorked: 9.5 })).toBe(8947);
		// 1001 / 2 = 500.5 rounds up.
		expect(pencePerHour({ amountPence: 1001, basis: 'per_day', hoursWorked: 2 })).toBe(501);
	});

	it('refuses to divide by no hours', () => {
		expect(() => pencePerHour({ amountPence: 50000, basis: 'per_day', hoursWorked: 0 })).toThrow(
			RangeError
		);
	});
});

describe('perSessionEquivalentPence', () => {
	it('is the hourly rate over 250 minutes', () => {
		expect(perSessionEquivalentPence(9000)).toBe(37500);
		expect(perSessionEquivalentPence(6000)).toBe(25000);
		expect(perSessionEquivalentPence(3000)).toBe(12500);
	});

	it('rounds to the nearest penny, half up', () => {
		// 9001 × 250 / 60 = 37504.1666...
		expect(perSessionEquivalentPence(9001)).toBe(37504);
		// 9005 × 250 / 60 = 37520.8333...
		expect(perSessionEquivalentPence(9005)).toBe(37521);
		// 9003 × 250 / 60 = 37512.5 exactly, which rounds up.
		expect(perSessionEquivalentPence(9003)).toBe(37513);
	});
});

describe('isWithinSoftBounds', () => {
	it('is inclusive at £50 and £250 an hour', () => {
		expect(isWithinSoftBounds(4999)).toBe(false);
		expect(isWithinSoftBounds(5000)).toBe(true);
		expect(isWithinSoftBounds(25000)).toBe(true);
		expect(isWithinSoftBounds(25001)).toBe(false);
	});
});

describe('checkRateBounds', () => {
	it('accepts ordinary values', () => {
		expect(checkRateBounds({ amountPence: 9500, basis: 'per_hour', hoursWorked: 4 })).toEqual({});
		expect(checkRateBounds({ amountPence: 75000, basis: 'per_day', hoursWorked: 8.5 })).toEqual({});
	});

	it('accepts the hard bounds themselves', () => {
		expect(checkRateBounds({ amountPence: 3000, basis: 'per_hour', hoursWorked: 1 })).toEqual({});
		expect(checkRateBounds({ amountPence: 40000, basis: 'per_hour', hoursWorked: 14 })).toEqual({});
		expect(checkRateBounds({ amountPence: 42000, basis: 'per_day', hoursWorked: 14 })).toEqual({});
		expect(checkRateBounds({ amountPence: 40000, basis: 'per_session', hoursWorked: 1 })).toEqual(
			{}
		);
	});

	it('explains a session fee that works out too low an hour', () => {
		expect(checkRateBounds({ amountPence: 2000, basis: 'per_session', hoursWorked: 4 })).toEqual({
			amount: 'That works out at £5.00 an hour; rates must be between £30 and £400 an hour.'
		});
	});

	it('explains a day fee that works out too high an hour', () => {
		expect(checkRateBounds({ amountPence: 450000, basis: 'per_day', hoursWorked: 10 })).toEqual({
			amount: 'That works out at £450.00 an hour; rates must be between £30 and £400 an hour.'
		});
	});

	it('shows pence and thousands separators in the computed rate', () => {
		expect(checkRateBounds({ amountPence: 2999, basis: 'per_hour', hoursWorked: 4 })).toEqual({
			amount: 'You entered £29.99 an hour; rates must be between £30 and £400 an hour.'
		});
		expect(checkRateBounds({ amountPence: 123456, basis: 'per_hour', hoursWorked: 4 })).toEqual({
			amount: 'You entered £1,234.56 an hour; rates must be between £30 and £400 an hour.'
		});
	});

	it('judges the rate as it would be stored, to the penny', () => {
		// £119.99 over 4 h is 2999.75p, stored as £30.00 an hour: accepted.
		expect(checkRateBounds({ amountPence: 11999, basis: 'per_session', hoursWorked: 4 })).toEqual(
			{}
		);
		// £119.97 over 4 h is 2999.25p, stored as £29.99: refused.
		expect(
			checkRateBounds({ amountPence: 11997, basis: 'per_session', hoursWorked: 4 }).amount
		).toMatch(/£29\.99 an hour/);
	});

	it('refuses hours outside 1–14', () => {
		expect(checkRateBounds({ amountPence: 9000, basis: 'per_hour', hoursWorked: 0.5 })).toEqual({
			hoursWorked: 'You entered 0.5 hours; hours worked must be between 1 and 14.'
		});
		expect(checkRateBounds({ amountPence: 9000, basis: 'per_hour', hoursWorked: 14.25 })).toEqual({
			hoursWorked: 'You entered 14.25 hours; hours worked must be between 1 and 14.'
		});
		expect(
			checkRateBounds({ amountPence: 9000, basis: 'per_hour', hoursWorked: 0 }).hoursWorked
		).toBe('Enter the hours you worked; hours worked must be between 1 and 14.');
		expect(
			checkRateBounds({ amountPence: 9000, basis: 'per_hour', hoursWorked: Number.NaN }).hoursWorked
		).toBe('Enter the hours you worked; hours worked must be between 1 and 14.');
	});

	it('gives only the hours message when bad hours make a session rate meaningless', () => {
		// £400 over 20 h would be £20/h, but the rate is not the doctor's mistake: the hours are.
		expect(checkRateBounds({ amountPence: 40000, basis: 'per_session', hoursWorked: 20 })).toEqual({
			hoursWorked: 'You entered 20 hours; hours worked must be between 1 and 14.'
		});
	});

	it('reports both fields for an hourly rate when both are wrong', () => {
		expect(checkRateBounds({ amountPence: 50000, basis: 'per_hour', hoursWorked: 15 })).toEqual({
			amount: 'You entered £500.00 an hour; rates must be between £30 and £400 an hour.',
			hoursWorked: 'You entered 15 hours; hours worked must be between 1 and 14.'
		});
	});

	it('asks for an amount when there is none', () => {
		expect(checkRateBounds({ amountPence: 0, basis: 'per_day', hoursWorked: 8 })).toEqual({
			amount: 'Enter the amount you were paid, in pounds.'
		});
		expect(
			checkRateBounds({ amountPence: Number.NaN, basis: 'per_hour', hoursWorked: 8 }).amount
		).toBe('Enter the amount you were paid, in pounds.');
	});
});
