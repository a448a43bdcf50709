import type { SubmitFunction } from '@sveltejs/kit';

/**
 * A form posted with `use:enhance={posting.submit}` is `posting.pending` from the press until its
 * answer is applied, so the page can disable the button and a second press does not post twice.
 * `reset: false` keeps what was typed after a success too.
 */
export function pendingSubmit(options: { reset?: boolean } = {}) {
	let pending = $state(false);
	const submit: SubmitFunction = () => {
		pending = true;
		return async ({ update }) => {
			await update(options);
			pending = false;
		};
	};
	return {
		get pending() {
			return pending;
		},
		submit
	};
}
