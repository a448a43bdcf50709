// npm start — the demo: builds when the sources are newer than the build, migrates and seeds the
// demo data on an empty database, then serves the app (http://localhost:3000 unless PORT says
// otherwise) from whatever address the person typed (scripts/demo-server.mjs).
// With DATABASE_URL it refuses, unless `npm start -- --demo`: the demo accounts' passwords are
// public, and an operator pointing it at a real database wants `npm run serve` instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const root = new URL('..', import.meta.url).pathname;
const { values: args } = parseArgs({ options: { demo: { type: 'boolean', default: false } } });
if (process.env.DATABASE_URL && !args.demo) {
	console.error(
		[
			'npm start is the demo: it would create the demo accounts, whose passwords are public, in the',
			'PostgreSQL database at DATABASE_URL. Nothing was changed.',
			'  To run Sessional for a group: npm run build, then npm run serve (README, "Run it for a group").',
			'  To put the demo in that database on purpose: npm start -- --demo'
		].join('\n')
	);
	process.exit(1);
}
const buildEntry = join(root, 'build', 'index.js');
const demoServer = join(root, 'scripts', 'demo-server.mjs');

function newestMtime(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
	return newest;
}

function run(args, label) {
	const result = spawnSync(process.execPath, args, {
		cwd: root,
		stdio: 'inherit',
		env: process.env
	});
	if (result.status !== 0) {
		console.error(`\n${label} failed (exit ${result.status}).`);
		process.exit(result.status ?? 1);
	}
}

const inputs = [
	'src',
	'static',
	'db',
	'data',
	'svelte.config.js',
	'vite.config.ts',
	'package.json'
];
const sourcesChanged = Math.max(...inputs.map((p) => newestMtime(join(root, p))));
if (!existsSync(buildEntry) || newestMtime(join(root, 'build')) < sourcesChanged) {
	console.log('Building the app…');
	run(
		[join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
		'Build'
	);
}

run(['--import', 'tsx', join(root, 'scripts', 'seed.ts')], 'Seeding');

const port = process.env.PORT ?? '3000';
if (process.env.ORIGIN) {
	console.log(`\nSessional is starting at ${process.env.ORIGIN}`);
} else {
	// No fixed origin: the demo answers at any of the machine's addresses (scripts/demo-server.mjs).
	const addresses = Object.values(networkInterfaces())
		.flat()
		.filter((a) => a && a.family === 'IPv4' && !a.internal)
		.map((a) => `http://${a.address}:${port}`);
	console.log(`\nSessional is starting at http://localhost:${port}`);
	if (addresses.length) console.log(`  and on this network at ${addresses.join(', ')}`);
}
const server = spawn(process.execPath, [demoServer], {
	cwd: root,
	stdio: 'inherit',
	env: { ...process.env, PORT: port }
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
