import { z } from 'zod';
import { DATE_RANGE_MESSAGE, MONTH_RANGE_MESSAGE, readDate, readMonth } from '../domain/calendar';

// Date and month fields of every form, read by the calendar's one reader (src/lib/domain/calendar.ts)
// so that one range holds everywhere; a far date gets the range's message next to its field.

interface FieldMessages {
	/** For a malformed value, and for an empty one unless `missing` is given. */
	shape: string;
	missing?: string;
}

export function dateField({ shape, missing = shape }: FieldMessages) {
	return z
		.string({ error: missing })
		.trim()
		.superRefine((text, ctx) => {
			if (text === '') return void ctx.addIssue({ code: 'custom', message: missing });
			const reading = readDate(text);
			if (!reading.ok) {
				const message = reading.problem === 'range' ? DATE_RANGE_MESSAGE : shape;
				ctx.addIssue({ code: 'custom', message, continue: false });
			}
		});
}

/** A 'YYYY-MM' field; checks after it run only on a month that was read. */
export function monthField({ shape, missing = shape }: FieldMessages) {
	return z
		.string({ error: missing })
		.trim()
		.superRefine((text, ctx) => {
			const reading = readMonth(text);
			if (!reading.ok) {
				const message =
					text === '' ? missing : reading.problem === 'range' ? MONTH_RANGE_MESSAGE : shape;
				ctx.addIssue({ code: 'custom', message, continue: false });
			}
		});
}
