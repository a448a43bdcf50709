// DESIGN §3.7: UK competition law forbids a professional group from recommending or coordinating
// fees, so no copy anywhere in the app may use these phrases, and every page that shows rates
// carries the fixed notice. This test reads the sources, so copy written by anyone is covered.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RATES_NOTICE_BODY, RATES_NOTICE_LEAD, RATES_NOTICE_TEXT } from './domain/rates-notice';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const FORBIDDEN_PHRASES = [
	'recommended rate',
	'suggested rate',
	'fair rate',
	'minimum rate',
	'going rate',
	'rate card',
	'should charge',
	"don't accept less",
	'do not accept less'
];

// Copy can wrap across lines, carry entities from markup, or use typographic apostrophes.
const SPACE = String.raw`(?:\s|&nbsp;|&#160;)+`;
const APOSTROPHE = String.raw`(?:['’‘ʼ]|&rsquo;|&#39;|&#x27;|&apos;)`;

function phrasePattern(phrase: string): string {
	const words = phrase.split(' ').map((word) =>
		word
			.split("'")
			.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
			.join(APOSTROPHE)
	);
	// A word boundary at the start only, so plurals ("rate cards") are caught too.
	return String.raw`\b` + words.join(SPACE);
}

const FORBIDDEN = new RegExp(FORBIDDEN_PHRASES.map(phrasePattern).join('|'), 'gi');

interface Hit {
	file: string;
	line: number;
	text: string;
}

function findForbiddenPhrases(file: string, source: string): Hit[] {
	const hits: Hit[] = [];
	for (const match of source.matchAll(FORBIDDEN)) {
		const line = source.slice(0, match.index).split('\n').length;
		hits.push({ file, line, text: match[0].replace(/\s+/g, ' ') });
	}
	return hits;
}

const SCANNED_EXTENSIONS = ['.svelte', '.ts', '.html'];

function listSourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return listSourceFiles(path);
		if (!entry.isFile() || entry.name.endsWith('.test.ts')) return [];
		return SCANNED_EXTENSIONS.some((ext) => entry.name.endsWith(ext)) ? [path] : [];
	});
}

describe('forbidden rate phrases (DESIGN §3.7)', () => {
	it('finds every phrase however it is written', () => {
		const samples = [
			'Our Recommended Rates',
			'the suggested\n\t\trate',
			'a fair  rate',
			'MINIMUM RATE',
			'the going rate',
			'see our rate cards',
			'you should&nbsp;charge',
			"don't accept less",
			'don’t accept less',
			'don&rsquo;t accept less',
			'Do not\naccept less'
		];
		for (const sample of samples) {
			expect(findForbiddenPhrases('sample', sample), sample).toHaveLength(1);
		}
		expect(findForbiddenPhrases('sample', 'one\ntwo\nthe going rate')).toEqual([
			{ file: 'sample', line: 3, text: 'going rate' }
		]);
	});

	it('does not flag the notice itself', () => {
		expect(findForbiddenPhrases('notice', RATES_NOTICE_TEXT)).toEqual([]);
	});

	it('appears in no source file under src/ nor in README.md', () => {
		const files = [...listSourceFiles(join(ROOT, 'src')), join(ROOT, 'README.md')];
		expect(files.length).toBeGreaterThan(10);
		const hits = files.flatMap((file) =>
			findForbiddenPhrases(relative(ROOT, file), readFileSync(file, 'utf8'))
		);
		const report = hits.map((h) => `${h.file}:${h.line}: "${h.text}"`).join('\n');
		expect(report, `forbidden phrases found:\n${report}`).toBe('');
	});
});

describe('the rates notice (DESIGN §3.7)', () => {
	it('has the exact wording of the design', () => {
		expect(RATES_NOTICE_LEAD).toBe('Reported rates — information only.');
		expect(RATES_NOTICE_BODY).toBe(
			'These figures summarise rates that individual doctors reported for work already done. ' +
				'They are not recommended, suggested, minimum or agreed rates. ' +
				'Every doctor sets their own fees independently.'
		);
		expect(RATES_NOTICE_TEXT).toContain(
			'Reported rates — information only. These figures summarise rates that individual doctors ' +
				'reported for work already done. They are not recommended, suggested, minimum or agreed ' +
				'rates. Every doctor sets their own fees independently.'
		);
	});

	it('is what the notice component shows', () => {
		const component = readFileSync(
			join(ROOT, 'src/lib/components/rates/RatesNotice.svelte'),
			'utf8'
		);
		expect(component).toContain('{RATES_NOTICE_LEAD}');
		expect(component).toContain('{RATES_NOTICE_BODY}');
		expect(component).toContain('aria-label="About these figures"');
	});
});
