import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			// The app is served from the site root (no `paths.base`), so plain hrefs are correct.
			'svelte/no-navigation-without-resolve': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		// One clock (src/lib/server/clock.ts): the server's decisions read "now" and "today" from it,
		// so a pinned SESSIONAL_TODAY holds for the whole process and tests can run on any date.
		files: ['src/**/*.ts', 'scripts/**/*.ts'],
		ignores: ['**/*.test.ts', 'src/lib/server/clock.ts', 'scripts/check-faults.ts'],
		rules: {
			'no-restricted-syntax': [
				'error',
				{
					selector: "NewExpression[callee.name='Date'][arguments.length=0]",
					message: 'Ask the clock: clock.now() from $lib/server/clock.'
				},
				{
					selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
					message: 'Ask the clock: clock.nowMs() from $lib/server/clock.'
				},
				{
					selector: 'TemplateElement[value.raw=/\\bnow\\(\\)|current_date|current_timestamp/i]',
					message: "The database's clock is not the app's: pass clock.now() as a parameter."
				}
			]
		}
	},
	{
		// Migrations are frozen in time and typed Kysely<any> on purpose (Kysely's migration guide).
		files: ['db/migrations/**/*.ts'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' }
	},
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'test-results/',
			'playwright-report/',
			'.data/'
		]
	}
);
