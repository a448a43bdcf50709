import { describe, expect, it } from 'vitest';
import { errorsFor, valueFor, valuesFor } from './form-state';

describe('a page with several forms', () => {
	const failed = {
		values: { _form: 'grant', validUntil: '9999-12-31' },
		errors: { validUntil: 'Too far' }
	};

	it('shows a failure beside the form it came from only', () => {
		expect(errorsFor(failed, 'grant')).toEqual({ validUntil: 'Too far' });
		expect(errorsFor(failed, 'revoke')).toBeNull();
		expect(errorsFor(null, 'grant')).toBeNull();
		expect(errorsFor({ saved: 'profile' }, 'grant')).toBeNull();
	});

	it('keeps what was typed in that form, and the fallback elsewhere', () => {
		expect(valueFor(failed, 'grant', 'validUntil', '')).toBe('9999-12-31');
		expect(valueFor(failed, 'grant', 'note', 'none')).toBe('none');
		expect(valueFor(failed, 'revoke', 'validUntil', '2027-01-01')).toBe('2027-01-01');
		expect(valuesFor(failed, 'grant', { validUntil: '', note: 'x' })).toEqual({
			_form: 'grant',
			validUntil: '9999-12-31',
			note: 'x'
		});
		expect(valuesFor(undefined, 'grant', { note: 'x' })).toEqual({ note: 'x' });
	});
});
