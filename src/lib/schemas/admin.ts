import { z } from 'zod';
import { isAcceptedDate } from '../domain/calendar';
import { dateField } from './dates';

// Forms of the administration pages. The settings' own bounds live with the settings
// (src/lib/server/settings.ts); these schemas only turn what a form sends into numbers and dates.

const isoDate = (label: string) =>
	dateField({ missing: `Enter ${label}.`, shape: `Enter ${label} as a date, like 2026-11-24.` });

/** "26", "26.00" or "£26" → 2600; empty → null. */
const poundsToPence = (label: string) =>
	z
		.string()
		.optional()
		.default('')
		.transform((v) => v.trim().replace(/^£/, '').replace(/,/g, ''))
		.refine((v) => v === '' || /^\d{1,5}(\.\d{1,2})?$/.test(v), {
			message: `Enter ${label} in pounds, like 26 or 26.00.`
		})
		.transform((v) => (v === '' ? null : Math.round(Number(v) * 100)));

export const grantSchema = z
	.object({
		validFrom: isoDate('the first day'),
		validUntil: isoDate('the last day'),
		amount: poundsToPence('the amount paid'),
		reference: z
			.string()
			.trim()
			.max(100, 'Use at most 100 characters.')
			.optional()
			.transform((v) => v || null)
	})
	.refine((g) => g.validUntil >= g.validFrom, {
		path: ['validUntil'],
		message: 'The last day cannot be before the first day.',
		// Checked whenever both dates are readable, even when another field is wrong too.
		when: ({ value }) => {
			const v = value as { validFrom?: unknown; validUntil?: unknown };
			return [v.validFrom, v.validUntil].every(
				(d) => typeof d === 'string' && isAcceptedDate(d.trim())
			);
		}
	});

export const revokeSchema = z.object({
	reason: z
		.string()
		.trim()
		.max(200, 'Use at most 200 characters.')
		.optional()
		.transform((v) => v || null),
	confirm: z.literal('on', { error: 'Tick the box to confirm.' })
});

/** A number as typed: "12" or "1.5"; anything else becomes NaN, which the setting refuses. */
const typedNumber = z
	.string()
	.optional()
	.transform((v) => {
		const text = (v ?? '').trim();
		return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
	});

export const settingsFormSchema = z
	.object({
		minContributors: typedNumber,
		detailContributors: typedNumber,
		publicationLagMonths: typedNumber,
		membershipFee: z
			.string()
			.trim()
			.optional()
			.default('')
			.transform((v) => v.replace(/^£/, ''))
			.refine((v) => /^\d{1,4}(\.\d{1,2})?$/.test(v), {
				message: 'Enter the fee in pounds, like 26 or 26.00.'
			}),
		membershipLengthMonths: typedNumber,
		overtimeCoreMultiplier: typedNumber,
		overtimeOutsideMultiplier: typedNumber,
		toilCoreHours: typedNumber,
		toilOutsideHours: typedNumber
	})
	.transform(({ membershipFee, ...rest }) => ({
		...rest,
		membershipFeePence: Math.round(Number(membershipFee) * 100)
	}));

export const AUDIT_PAGE_SIZE = 50;

/** The moderation queue's decisions on held rate submissions. */
export const MODERATION_DECISIONS = ['approve', 'reject'] as const;

/** What the moderation queue's form asks: one decision for one or more held submissions. */
export const moderationSchema = z.object({
	decision: z.enum(MODERATION_DECISIONS, { error: 'Choose approve or reject.' }),
	ids: z
		.array(z.string())
		.min(1, 'Tick at least one submission first.')
		.max(200, 'Decide at most 200 submissions at once.')
});
