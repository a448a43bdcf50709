// A text progress bar on stderr for long seeding runs: redrawn in place on a terminal, a line every
// tenth of the way otherwise (CI logs, piped output). No dependency.

export interface ProgressBar {
	update(done: number): void;
	/** Ends the bar; `done` defaults to the last update. */
	finish(done?: number): void;
}

const WIDTH = 28;

export function createProgressBar(
	label: string,
	total: number,
	stream: NodeJS.WriteStream = process.stderr
): ProgressBar {
	const started = performance.now();
	const tty = stream.isTTY === true;
	let last = 0;
	let lastTenth = -1;
	let lastDraw = 0;
	const n = (value: number) => value.toLocaleString('en-GB');
	const line = (done: number, of = total) => {
		const share = of > 0 ? Math.min(1, done / of) : 1;
		const filled = Math.round(share * WIDTH);
		const seconds = ((performance.now() - started) / 1000).toFixed(1);
		return `${label.padEnd(12)} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${String(Math.floor(share * 100)).padStart(3)}% ${n(done)}/${n(of)} ${seconds}s`;
	};
	return {
		update(done) {
			last = done;
			if (tty) {
				// At most ten redraws a second: drawing must not cost more than the work.
				const now = performance.now();
				if (now - lastDraw < 100) return;
				lastDraw = now;
				stream.write(`\r${line(done)}`);
				return;
			}
			const tenth = total > 0 ? Math.floor((done / total) * 10) : 10;
			if (tenth > lastTenth && tenth < 10) {
				lastTenth = tenth;
				stream.write(`${line(done)}\n`);
			}
		},
		// The total may have been an estimate (diary entries): the finished bar shows what was done.
		finish(done = last) {
			stream.write(`${tty ? '\r' : ''}${line(done, done)}\n`);
		}
	};
}
