import type { Migration } from 'kysely';
import * as m20261124120000 from './2026_11_24_120000_foundation';
import * as m20261124130000 from './2026_11_24_130000_rates';
import * as m20261124140000 from './2026_11_24_140000_diary';
import * as m20261124150000 from './2026_11_24_150000_membership_admin';
import * as m20261124160000 from './2026_11_24_160000_performance';
import * as m20261124170000 from './2026_11_24_170000_offline_sync';
import * as m20261203120000 from './2026_12_03_120000_two_factor';
import * as m20261203190000 from './2026_12_03_190000_passkeys';
import * as m20261207180000 from './2026_12_07_180000_jobs';

// Listed by hand so the same set runs from the built server, the CLI (tsx) and Vitest,
// none of which can rely on reading the folder at run time. Keys sort in the order they run.
export const migrations: Record<string, Migration> = {
	'2026_11_24_120000_foundation': m20261124120000,
	'2026_11_24_130000_rates': m20261124130000,
	'2026_11_24_140000_diary': m20261124140000,
	'2026_11_24_150000_membership_admin': m20261124150000,
	'2026_11_24_160000_performance': m20261124160000,
	'2026_11_24_170000_offline_sync': m20261124170000,
	'2026_12_03_120000_two_factor': m20261203120000,
	'2026_12_03_190000_passkeys': m20261203190000,
	'2026_12_07_180000_jobs': m20261207180000
};
