import { describe, it, expect } from 'vitest';
import {
	OVER_LIMIT_MARKER,
	clampLabelX,
	estimateTextWidth,
	labelStep,
	layoutActivityRows,
	layoutContacts,
	layoutWeeklyHours,
	plotArea,
	wholePercentages,
	type Frame
} from './geometry';

const FRAME: Frame = {
	width: 400,
	height: 200,
	margin: { top: 10, right: 10, bottom: 30, left: 40 }
};

describe('plotArea', () => {
	it('is the frame inside its margins, never negative', () => {
		expect(plotArea(FRAME)).toEqual({ x: 40, y: 10, width: 350, height: 160 });
		expect(plotArea({ width: 20, height: 20, margin: FRAME.margin })).toMatchObject({
			width: 0,
			height: 0
		});
	});
});

describe('labelStep', () => {
	it('shows every label when they fit and thins them when they do not', () => {
		expect(labelStep(50, 30)).toBe(1);
		expect(labelStep(10, 30)).toBe(4);
		expect(labelStep(0, 30)).toBe(1);
		expect(estimateTextWidth('10 Aug', 10)).toBeCloseTo(34.8);
	});
});

describe('clampLabelX', () => {
	it('keeps a centred label inside the chart', () => {
		expect(clampLabelX(200, 40, 0, 400)).toBe(200);
		expect(clampLabelX(395, 40, 0, 400)).toBe(380);
		expect(clampLabelX(3, 40, 0, 400)).toBe(20);
		expect(clampLabelX(3, 500, 0, 400)).toBe(200);
	});
});

describe('wholePercentages', () => {
	it('adds up to exactly 100 by largest remainder', () => {
		expect(wholePercentages([1, 1, 1])).toEqual([34, 33, 33]);
		expect(wholePercentages([2, 1])).toEqual([67, 33]);
		expect(wholePercentages([120, 45, 22])).toEqual([64, 24, 12]);
		expect(wholePercentages([0, 0])).toEqual([0, 0]);
		expect(wholePercentages([5, -3])).toEqual([100, 0]);
	});
});

describe('layoutWeeklyHours', () => {
	const data = [
		{ label: '3 Aug', plannedMinutes: 1500, workedMinutes: 1680 },
		{ label: '10 Aug', plannedMinutes: 1500, workedMinutes: 0 }
	];

	it('draws planned and worked side by side, from a shared baseline', () => {
		const layout = layoutWeeklyHours(data, FRAME);
		const base = 10 + 160;
		const [first, second] = layout.bars;
		expect(first.planned.y + first.planned.height).toBeCloseTo(base);
		expect(first.worked.y + first.worked.height).toBeCloseTo(base);
		expect(first.worked.x).toBeGreaterThan(first.planned.x);
		expect(first.worked.height).toBeCloseTo((first.planned.height * 28) / 25);
		expect(second.worked.height).toBe(0);
		expect(second.planned.x).toBeGreaterThan(first.worked.x + first.worked.width);
		for (const bar of layout.bars) {
			expect(bar.planned.x).toBeGreaterThanOrEqual(40);
			expect(bar.worked.x + bar.worked.width).toBeLessThanOrEqual(390);
		}
	});

	it('ticks whole hours from zero past the highest bar', () => {
		const layout = layoutWeeklyHours(data, FRAME);
		expect(layout.yTicks[0]).toMatchObject({ value: 0, label: '0', y: 170 });
		expect(layout.yTicks.at(-1)!.value).toBeGreaterThanOrEqual(28);
		expect(layout.yTicks.every((tick) => Number.isInteger(tick.value))).toBe(true);
	});

	it('thins axis labels when many weeks share a narrow chart', () => {
		const many = Array.from({ length: 26 }, (_, i) => ({
			label: `${i + 1} Sept`,
			plannedMinutes: 1500,
			workedMinutes: 1500
		}));
		const shown = layoutWeeklyHours(many, FRAME).bars.filter((bar) => bar.showLabel);
		expect(shown.length).toBeLessThan(26);
		expect(shown[0].datum.label).toBe('1 Sept');
		for (let i = 1; i < shown.length; i++) {
			expect(shown[i].labelX - shown[i - 1].labelX).toBeGreaterThan(
				estimateTextWidth('26 Sept', 12)
			);
		}
	});

	it('copes with no data and with all zeros', () => {
		expect(layoutWeeklyHours([], FRAME).bars).toEqual([]);
		const zero = layoutWeeklyHours([{ label: 'x', plannedMinutes: 0, workedMinutes: 0 }], FRAME);
		expect(zero.bars[0].worked.height).toBe(0);
		expect(zero.yTicks.length).toBeGreaterThan(1);
	});
});

describe('layoutContacts', () => {
	const data = [
		{ date: '2026-08-03', label: '3 Aug', contacts: 20, overLimit: false },
		{ date: '2026-08-04', label: '4 Aug', contacts: 50, overLimit: true }
	];

	it('puts the limit line at the limit and bars to scale', () => {
		const layout = layoutContacts(data, 25, FRAME);
		const base = 170;
		const perContact = (base - layout.limitY) / 25;
		expect(base - layout.bars[0].rect.y).toBeCloseTo(20 * perContact);
		expect(base - layout.bars[1].rect.y).toBeCloseTo(50 * perContact);
		expect(layout.bars[1].rect.y).toBeGreaterThanOrEqual(10);
	});

	it('keeps the limit line on the chart when every day is under it', () => {
		const layout = layoutContacts([{ ...data[0], contacts: 3 }], 25, FRAME);
		expect(layout.limitY).toBeGreaterThanOrEqual(10);
		expect(layout.limitY).toBeLessThan(170);
	});

	it('has a downward marker small enough to sit above a bar', () => {
		expect(OVER_LIMIT_MARKER.path).toMatch(/^M/);
		expect(OVER_LIMIT_MARKER.gap).toBeGreaterThan(5);
	});
});

describe('layoutActivityRows', () => {
	it('gives each activity a row, the largest filling the plot width', () => {
		const layout = layoutActivityRows(
			[
				{ label: 'Consulting', minutes: 600, percent: 60 },
				{ label: 'Admin', minutes: 300, percent: 30 },
				{ label: 'CPD', minutes: 100, percent: 10 }
			],
			400,
			{ top: 4, right: 48, bottom: 4, left: 112 },
			28
		);
		expect(layout.height).toBe(8 + 3 * 28);
		expect(layout.rows[0].bar).toMatchObject({ x: 112, width: 240 });
		expect(layout.rows[1].bar.width).toBeCloseTo(120);
		expect(layout.rows[2].bar.y - layout.rows[1].bar.y).toBe(28);
		expect(layout.rows[0].textY).toBe(4 + 14);
	});
});
