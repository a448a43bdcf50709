// Bundle sizes of the built app (tools/build.ts builds it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
	file: string;
	isEntry?: boolean;
	imports?: string[];
	dynamicImports?: string[];
	assets?: string[];
	css?: string[];
}

export interface PageWeight {
	route: string;
	/** JavaScript a first visit downloads before the page is interactive, gzip bytes. */
	firstLoad: number;
	/** Everything the route can load later (dynamic imports, workers, data assets), gzip bytes. */
	total: number;
}

/** First-load JavaScript per page route, summed over distinct files' gzip sizes (level 9). */
export async function pageWeights(dir: string): Promise<PageWeight[]> {
	const manifest: Record<string, ManifestChunk> = JSON.parse(
		readFileSync(join(dir, '.svelte-kit', 'output', 'client', '.vite', 'manifest.json'), 'utf8')
	);
	const server = await import(
		pathToFileURL(join(dir, '.svelte-kit', 'output', 'server', 'manifest-full.js')).href
	);
	const routes: { id: string; page: { layouts: (number | undefined)[]; leaf: number } | null }[] =
		server.manifest._.routes;
	const clientDir = join(dir, '.svelte-kit', 'output', 'client');
	const gzipCache = new Map<string, number>();
	const gz = (file: string) => {
		let size = gzipCache.get(file);
		if (size === undefined)
			gzipCache.set(
				file,
				(size = gzipSync(readFileSync(join(clientDir, file)), { level: 9 }).length)
			);
		return size;
	};
	const entries = Object.keys(manifest).filter(
		(key) => manifest[key].isEntry && !key.includes('/nodes/')
	);
	const nodeKey = (n: number) => `.svelte-kit/generated/client-optimized/nodes/${n}.js`;

	const collect = (starts: string[], dynamic: boolean) => {
		const files = new Set<string>();
		const seen = new Set<string>();
		const visit = (key: string) => {
			if (seen.has(key) || !manifest[key]) return;
			seen.add(key);
			const chunk = manifest[key];
			files.add(chunk.file);
			for (const next of chunk.imports ?? []) visit(next);
			if (dynamic) {
				for (const next of chunk.dynamicImports ?? []) visit(next);
				for (const asset of [...(chunk.assets ?? []), ...(chunk.css ?? [])]) files.add(asset);
			}
		};
		for (const start of starts) visit(start);
		return files;
	};
	const sum = (files: Set<string>) => [...files].reduce((total, file) => total + gz(file), 0);

	const weights: PageWeight[] = [];
	for (const route of routes) {
		if (!route.page) continue;
		const nodes = [
			...route.page.layouts.filter((n): n is number => n !== undefined),
			route.page.leaf
		].map(nodeKey);
		const first = collect([...entries, ...nodes], false);
		// The app entry lists every node as a dynamic import; only this route's own count.
		const later = collect(nodes, true);
		for (const file of first) later.add(file);
		weights.push({
			route: route.id,
			firstLoad: sum(new Set([...first].filter((f) => f.endsWith('.js')))),
			total: sum(later)
		});
	}
	return weights.sort((a, b) => a.route.localeCompare(b.route));
}
