import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import type { TestProject } from 'vitest/node';
import { setupDatabase, type Db } from '../../src/lib/server/db/index';

declare module 'vitest' {
	export interface ProvidedContext {
		/** A dump of a migrated PGlite with its reference data, for the harness to start from. */
		pgliteTemplate: string;
	}
}

/**
 * Creating a PGlite runs initdb in WebAssembly (about 4 s on this machine); starting from a dump
 * of one already migrated takes about 1 s. The template is made once per run and is the same for
 * every day a run pins (migrations and reference data do not read the clock).
 */
export default async function setup(project: TestProject) {
	const dir = mkdtempSync(join(tmpdir(), 'sessional-pglite-template-'));
	const pglite = await PGlite.create();
	const db = new Kysely({ dialect: new PGliteDialect(pglite) }) as unknown as Db;
	await setupDatabase(db);
	const file = join(dir, 'template.tar');
	writeFileSync(file, Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer()));
	await db.destroy();
	project.provide('pgliteTemplate', file);
	return () => rmSync(dir, { recursive: true, force: true });
}
