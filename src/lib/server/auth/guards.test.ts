import { describe, expect, it } from 'vitest';
import { safeRedirectTarget } from './guards';

const ORIGIN = 'https://sessional.example';

/** Where a browser on the app would end up after `Location: <target>`. */
const landsOn = (target: string) => new URL(target, `${ORIGIN}/login`).origin;

describe('safeRedirectTarget', () => {
	it.each([
		['/account', '/account'],
		['/diary/2026-01-05', '/diary/2026-01-05'],
		['/admin/members?q=demo&page=2', '/admin/members?q=demo&page=2'],
		['/map?level=area#table', '/map?level=area#table'],
		['/diary?/copy', '/diary?/copy'],
		['/rates/mine/../submit', '/rates/submit'],
		// An encoded slash stays encoded: a path on this site, not a host.
		['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
		['/%5C%5Cevil.example', '/%5C%5Cevil.example']
	])('keeps the same-site path %j as %j', (value, expected) => {
		expect(safeRedirectTarget(value, ORIGIN)).toBe(expected);
	});

	it.each([
		// Tabs, newlines and carriage returns are dropped by URL parsing, so these are `//evil`.
		'/\t/evil.example',
		'/\n/evil.example',
		'/\r/evil.example',
		'/\r\n/evil.example',
		'\t//evil.example',
		// Backslashes are read as slashes.
		'/\\evil.example',
		'\\\\evil.example',
		'/\\/evil.example',
		'\\/evil.example',
		// Protocol-relative, and paths that re-serialise to one.
		'//evil.example',
		'///evil.example',
		'/.//evil.example',
		'/./\t/evil.example',
		// Schemes and absolute URLs.
		'javascript:alert(1)',
		'JavaScript:alert(1)',
		'https://evil.example/',
		'https:evil.example',
		'http://sessional.example/account',
		'data:text/html,hi',
		// Not a path at all.
		'account',
		'',
		' /account',
		'%2F%2Fevil.example'
	])('refuses %j', (value) => {
		expect(safeRedirectTarget(value, ORIGIN)).toBe('/account');
	});

	it('gives the fallback for nothing', () => {
		expect(safeRedirectTarget(null, ORIGIN)).toBe('/account');
		expect(safeRedirectTarget(undefined, ORIGIN, '/')).toBe('/');
	});

	it('accepts an absolute URL on the app’s own origin only as its path', () => {
		// Starts with '/', so it is read as a path, and the path is what is sent back.
		expect(safeRedirectTarget('/account?x=https://evil.example', ORIGIN)).toBe(
			'/account?x=https://evil.example'
		);
	});

	it('never returns anything with a control character, or that leaves the site', () => {
		const hostile = [];
		for (let code = 0; code < 0x80; code++) {
			const c = String.fromCharCode(code);
			hostile.push(`/${c}/evil.example`, `${c}//evil.example`, `/${c}${c}evil.example`);
			hostile.push(`/\\${c}evil.example`, `/${c}\\evil.example`);
		}
		for (const value of hostile) {
			const target = safeRedirectTarget(value, ORIGIN);
			expect(
				[...target].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f),
				JSON.stringify(value)
			).toBe(false);
			expect(target.startsWith('/'), JSON.stringify(value)).toBe(true);
			expect(target.startsWith('//') || target.startsWith('/\\'), JSON.stringify(value)).toBe(
				false
			);
			expect(landsOn(target), JSON.stringify(value)).toBe(ORIGIN);
		}
	});
});
