import { describe, expect, it } from 'vitest';
import { SCALE, SUPPRESSED, colourFor, legendSteps } from './colour';

describe('rate map colours', () => {
	it('splits the range of medians into five equal whole-pound steps covering every value', () => {
		const steps = legendSteps([80, 85, 90, 104]);
		expect(steps.map((s) => [s.from, s.to])).toEqual([
			[80, 84],
			[85, 89],
			[90, 94],
			[95, 99],
			[100, 104]
		]);
		for (const m of [80, 85, 90, 104]) expect(SCALE).toContain(colourFor(m, steps));
	});

	it('gives the lowest median the lightest colour and the highest the darkest', () => {
		const steps = legendSteps([70, 120]);
		expect(colourFor(70, steps)).toBe(SCALE[0]);
		expect(colourFor(120, steps)).toBe(SCALE[4]);
	});

	it('keeps one step when every median is the same', () => {
		const steps = legendSteps([90, 90]);
		expect(steps).toHaveLength(1);
		expect(colourFor(90, steps)).toBe(SCALE[0]);
	});

	it('draws suppressed cells grey, a colour no step uses', () => {
		expect(colourFor(null, legendSteps([80, 100]))).toBe(SUPPRESSED);
		expect(SCALE).not.toContain(SUPPRESSED);
		expect(legendSteps([])).toEqual([]);
	});
});
