import type { Migration } from 'kysely';
import * as m20261124120000 from './2026_11_24_120000_foundation';

// Listed by hand so the same set runs from the built server, the CLI (tsx) and Vitest,
// none of which can rely on reading the folder at run time. Keys sort in the order they run.
export const migrations: Record<string, Migration> = {
	'2026_11_24_120000_foundation': m20261124120000
};
