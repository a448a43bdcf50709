// npm start — builds when the sources are newer than the build, migrates and seeds the demo data
// on an empty database, then serves the app (http://localhost:3000 unless PORT says otherwise).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const buildEntry = join(root, 'build', 'index.js');

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
// adapter-node assumes https when ORIGIN is unset, which would make SvelteKit's CSRF check refuse
// every form posted to a plain-http demo; a deployment sets ORIGIN to its public https URL.
const origin = process.env.ORIGIN ?? `http://localhost:${port}`;
console.log(`\nSessional is starting at ${origin}`);
const server = spawn(process.execPath, [buildEntry], {
	cwd: root,
	stdio: 'inherit',
	env: { ...process.env, PORT: port, ORIGIN: origin }
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
