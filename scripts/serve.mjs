// npm run serve — the production server: the existing build (`npm run build` first), in production
// mode. It runs the migrations at start and never creates demo data; src/lib/server/config.ts
// refuses to start without the settings a group's server needs (README, "Run it for a group").
// The same as `NODE_ENV=production node build`.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const entry = join(root, 'build', 'index.js');
if (!existsSync(entry)) {
	console.error('No build to serve: run `npm run build` first (once per release).');
	process.exit(1);
}
if (process.env.NODE_ENV && process.env.NODE_ENV !== 'production')
	console.warn(`NODE_ENV=${process.env.NODE_ENV} is replaced by production.`);
process.env.NODE_ENV = 'production';
await import(pathToFileURL(entry).href);
