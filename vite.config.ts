import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

const unit = {
	include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tools/**/*.test.ts'],
	environment: 'node' as const
};
const integration = {
	include: ['tests/integration/**/*.test.ts'],
	environment: 'node' as const,
	testTimeout: 60_000,
	hookTimeout: 120_000,
	globalSetup: ['tests/integration/global-setup.ts']
};

// Files that never read the date (each fixes its own, or has none): they run once, in the main
// run, not again on every pinned day.
const dateFree = [
	'tests/integration/backup.test.ts',
	'tests/integration/proxy.test.ts',
	'tests/integration/migration-lock.test.ts',
	'tests/integration/publication-instances.test.ts',
	'tests/integration/read-replica.test.ts'
];

// SESSIONAL_DAYS="2027-01-31 2027-02-01 …" runs both suites once per day in one vitest process,
// each day a project of its own (`unit@2027-01-31`) with the clock pinned (.ci/other-days).
const days = (process.env.SESSIONAL_DAYS ?? '').split(/\s+/).filter(Boolean);

export default defineConfig({
	plugins: [sveltekit()],
	server: { port: 5173 },
	test: {
		// Two cores: two test files at a time, for every project (vitest wants one value for all).
		maxWorkers: 2,
		projects: days.length
			? days.flatMap((day) => [
					{ extends: true, test: { ...unit, name: `unit@${day}`, env: { SESSIONAL_TODAY: day } } },
					{
						extends: true,
						test: {
							...integration,
							exclude: dateFree,
							name: `integration@${day}`,
							env: { SESSIONAL_TODAY: day }
						}
					}
				])
			: [
					{ extends: true, test: { ...unit, name: 'unit' } },
					{ extends: true, test: { ...integration, name: 'integration' } }
				]
	}
});
