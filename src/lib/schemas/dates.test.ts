import { describe, expect, it } from 'vitest';
import { DATE_RANGE_MESSAGE, MONTH_RANGE_MESSAGE } from '../domain/calendar';
import { grantSchema } from './admin';
import { entrySchema, jobPlanSchema } from './diary';
import { rateSubmissionSchema } from './rates';

// Every form's date and month fields go through the calendar's one reader: a far date is refused
// with the range's message on its own field (issue 14).
const FAR = ['9999-12-31', '0001-01-01', '1999-12-31', '2101-01-01'];

function messageFor(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) {
	return (field: string) =>
		(result.error?.issues as { path: PropertyKey[]; message: string }[] | undefined)?.find(
			(i) => i.path[0] === field
		)?.message;
}

describe('date fields of every form', () => {
	it('grant: far first and last days', () => {
		for (const far of FAR) {
			const until = messageFor(
				grantSchema.safeParse({ validFrom: '2026-11-24', validUntil: far, amount: '26' })
			);
			expect(until('validUntil'), far).toBe(DATE_RANGE_MESSAGE);
			const from = messageFor(
				grantSchema.safeParse({ validFrom: far, validUntil: '2026-12-31', amount: '26' })
			);
			expect(from('validFrom'), far).toBe(DATE_RANGE_MESSAGE);
		}
		const typo = messageFor(
			grantSchema.safeParse({ validFrom: '2026-02-30', validUntil: '', amount: '' })
		);
		expect(typo('validFrom')).toMatch(/as a date/);
		expect(typo('validUntil')).toBe('Enter the last day.');
	});

	it('diary entry and job plan: far dates', () => {
		for (const far of FAR) {
			const entry = messageFor(
				entrySchema('2026-11-24').safeParse({ date: far, sessionType: 'surgery' })
			);
			expect(entry('date'), far).toBe(DATE_RANGE_MESSAGE);
			const plan = messageFor(jobPlanSchema.safeParse({ effectiveFrom: far }));
			expect(plan('effectiveFrom'), far).toBe(DATE_RANGE_MESSAGE);
		}
	});

	it('rate submission: far work months', () => {
		for (const far of ['9999-12', '0001-01', '1999-12']) {
			const rate = messageFor(rateSubmissionSchema('2026-11').safeParse({ workMonth: far }));
			expect(rate('workMonth'), far).toBe(MONTH_RANGE_MESSAGE);
		}
		const typo = messageFor(rateSubmissionSchema('2026-11').safeParse({ workMonth: '2026-13' }));
		expect(typo('workMonth')).toBe('Enter the month like 2026-10.');
	});
});
