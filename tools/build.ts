// The built app, for the servers that benchmarks, fault checks and tests start. It is built in a
// private copy of the sources (node_modules linked), so a benchmark or a check never overwrites the
// build/ that someone's `npm start` or end-to-end run is serving from the checkout.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
const COPIED = [
	'src',
	'static',
	'data',
	'db',
	'svelte.config.js',
	'vite.config.ts',
	'package.json',
	'tsconfig.json'
];

/** Builds the current sources into `dir` (default node_modules/.cache/sessional-bench); returns it. */
export function buildApp(dir = join(ROOT, 'node_modules', '.cache', 'sessional-bench')): string {
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	for (const item of COPIED) cpSync(join(ROOT, item), join(dir, item), { recursive: true });
	symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
	execFileSync(
		process.execPath,
		[join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'error'],
		{
			cwd: dir,
			stdio: ['ignore', 'ignore', 'inherit'],
			env: { ...process.env, NODE_ENV: 'production' }
		}
	);
	return dir;
}

export function hasBuild(dir: string): boolean {
	return (
		existsSync(join(dir, 'build', 'index.js')) &&
		existsSync(join(dir, '.svelte-kit', 'output', 'client', '.vite', 'manifest.json'))
	);
}
