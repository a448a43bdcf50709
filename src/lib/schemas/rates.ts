import { z } from 'zod';
import { RATE_BASES, RATE_CATEGORY_CODES, type RateCategory } from '../domain/rate-units';
import { isAreaCode } from '../domain/geography';
import { monthsBetween, spanMinutes } from '../domain/calendar';
import { monthField } from './dates';

export const MAX_MONTHS_BACK = 24;
export const BOOKING_ROUTES = ['direct', 'agency', 'platform'] as const;
export const BOOKING_ROUTE_LABELS: Record<(typeof BOOKING_ROUTES)[number], string> = {
	direct: 'Directly with the practice or provider',
	agency: 'Through an agency',
	platform: 'Through an online platform'
};

const optionalText = z
	.string()
	.trim()
	.optional()
	.transform((v) => (v ? v : undefined));

/** '£1,200.50' or '85' → pence; anything else is refused with a message. */
const money = z
	.string({ error: 'Enter the amount you were paid, in pounds.' })
	.trim()
	.min(1, 'Enter the amount you were paid, in pounds.')
	.transform((v, ctx) => {
		const cleaned = v.replace(/^£/, '').replace(/,/g, '').trim();
		if (!/^\d{1,6}(\.\d{1,2})?$/.test(cleaned)) {
			ctx.addIssue({ code: 'custom', message: 'Enter an amount in pounds, like 85 or 650.50.' });
			return z.NEVER;
		}
		return Math.round(Number(cleaned) * 100);
	});

const clock = z
	.string()
	.trim()
	.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time like 08:30.')
	.optional()
	.or(z.literal('').transform(() => undefined));

const yesNo = z
	.enum(['yes', 'no', ''], { error: 'Choose yes or no.' })
	.optional()
	.transform((v) => (v === 'yes' ? true : v === 'no' ? false : null));

/** The submission form (DESIGN §3.2), judged against today's month ('YYYY-MM'). */
export function rateSubmissionSchema(currentMonth: string) {
	return z
		.object({
			category: z.enum(RATE_CATEGORY_CODES as [RateCategory, ...RateCategory[]], {
				error: 'Choose the kind of work.'
			}),
			workMonth: monthField({
				missing: 'Enter the month you did the work.',
				shape: 'Enter the month like 2026-10.'
			})
				.refine((m) => m <= currentMonth, 'The month cannot be in the future.')
				.refine(
					(m) => monthsBetween(m, currentMonth) <= MAX_MONTHS_BACK,
					`Only work from the last ${MAX_MONTHS_BACK} months can be reported.`
				),
			areaCode: z
				.string({ error: 'Choose the area where you worked.' })
				.refine((v) => isAreaCode(v), 'Choose the area where you worked.'),
			amount: money,
			basis: z.enum(RATE_BASES, {
				error: 'Choose whether the amount was per hour, session or day.'
			}),
			hoursWorked: optionalText,
			start: clock,
			finish: clock,
			bookedContacts: optionalText.pipe(
				z
					.string()
					.regex(/^\d{1,3}$/, 'Enter a whole number of patient contacts, or leave it empty.')
					.transform(Number)
					.refine((n) => n <= 200, 'Enter at most 200 patient contacts.')
					.optional()
			),
			homeVisitsIncluded: yesNo,
			adminIncluded: yesNo,
			bookingRoute: z
				.enum([...BOOKING_ROUTES, ''], { error: 'Choose how the work was booked.' })
				.optional()
				.transform((v) => (v ? v : null))
		})
		.transform((v, ctx) => {
			let hours: number | null = null;
			if (v.hoursWorked) {
				const cleaned = v.hoursWorked.replace(',', '.');
				if (!/^\d{1,2}(\.\d{1,2})?$/.test(cleaned)) {
					ctx.addIssue({
						code: 'custom',
						path: ['hoursWorked'],
						message: 'Enter the hours as a number, like 4.25, or give the start and finish.'
					});
					return z.NEVER;
				}
				hours = Number(cleaned);
			} else if (v.start && v.finish) {
				hours = Math.round((spanMinutes(v.start, v.finish) / 60) * 100) / 100;
			} else {
				ctx.addIssue({
					code: 'custom',
					path: ['hoursWorked'],
					message: 'Enter the hours you worked, or the start and finish times.'
				});
				return z.NEVER;
			}
			return {
				category: v.category,
				workMonth: v.workMonth,
				areaCode: v.areaCode,
				amountPence: v.amount,
				basis: v.basis,
				hoursWorked: hours,
				bookedContacts: v.bookedContacts ?? null,
				homeVisitsIncluded: v.homeVisitsIncluded,
				adminIncluded: v.adminIncluded,
				bookingRoute: v.bookingRoute
			};
		});
}

export type RateSubmissionInput = z.output<ReturnType<typeof rateSubmissionSchema>>;
