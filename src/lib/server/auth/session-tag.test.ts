import { describe, expect, it } from 'vitest';
import { hashToken } from './crypto';
import { accountTag, markSessionOnResponse, sessionTag } from './session';

// Issue 14, F3: what every answer tells the service worker about the session it leaves behind.
describe('session tags on answers', () => {
	const token = 'abcdefghijklmnopqrstuvwxyzabcdef';
	const other = 'bcdefghijklmnopqrstuvwxyzabcdefg';

	it('names the session by a digest that is neither the token nor the stored id', () => {
		const tag = sessionTag(hashToken(token));
		expect(tag).toMatch(/^[0-9a-f]{32}$/);
		expect(tag).not.toContain(token);
		expect(hashToken(token)).not.toContain(tag);
		expect(sessionTag(hashToken(other))).not.toBe(tag);
		expect(accountTag('u1')).toMatch(/^[0-9a-f]{32}$/);
		expect(accountTag('u1')).not.toBe(accountTag('u2'));
	});

	it('an answer within a session carries its tag and clears nothing', () => {
		const headers = new Headers();
		markSessionOnResponse(headers, token, token, true);
		expect(headers.get('X-Session-Tag')).toBe(sessionTag(hashToken(token)));
		expect(headers.has('X-Session-Ended')).toBe(false);
		expect(headers.has('Clear-Site-Data')).toBe(false);
	});

	it('a sign-in names the new session', () => {
		const headers = new Headers();
		markSessionOnResponse(headers, token, other, true);
		expect(headers.get('X-Session-Tag')).toBe(sessionTag(hashToken(other)));
		expect(headers.has('Clear-Site-Data')).toBe(false);
		const fresh = new Headers();
		markSessionOnResponse(fresh, null, other, false);
		expect(fresh.get('X-Session-Tag')).toBe(sessionTag(hashToken(other)));
	});

	it('ending a live session here clears the cache and storage', () => {
		const headers = new Headers();
		markSessionOnResponse(headers, token, undefined, true);
		expect(headers.get('X-Session-Tag')).toBe('none');
		expect(headers.get('X-Session-Ended')).toBe('1');
		expect(headers.get('Clear-Site-Data')).toBe('"cache", "storage"');
	});

	it('a cookie whose session ended elsewhere is deleted with the HTTP cache only', () => {
		const headers = new Headers();
		markSessionOnResponse(headers, token, undefined, false);
		expect(headers.get('X-Session-Tag')).toBe('none');
		expect(headers.get('X-Session-Ended')).toBe('1');
		expect(headers.get('Clear-Site-Data')).toBe('"cache"');
	});

	it('a visitor is told there is no session', () => {
		const headers = new Headers();
		markSessionOnResponse(headers, null, undefined, false);
		expect(headers.get('X-Session-Tag')).toBe('none');
		expect(headers.has('X-Session-Ended')).toBe(false);
	});
});
