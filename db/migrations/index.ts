import type { Migration } from 'kysely';
import * as m20261124120000 from './2026_11_24_120000_foundation';
import * as m20261124130000 from './2026_11_24_130000_rates';
import * as m20261124140000 from './2026_11_24_140000_diary';

// Listed by hand so the same set runs from the built server, the CLI (tsx) and Vitest,
// none of which can rely on reading the folder at run time. Keys sort in the order they run.
export const migrations: Record<string, Migration> = {
	'2026_11_24_120000_foundation': m20261124120000,
	'2026_11_24_130000_rates': m20261124130000,
	'2026_11_24_140000_diary': m20261124140000
};
