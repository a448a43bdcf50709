/**
 * Pure layout for the diary's charts: plain rectangles, lines and labels in a chart's own
 * coordinates (y grows downward, as in SVG and PDF). The Svelte components draw them as SVG and
 * the PDF pack draws the same layout with pdfkit, so a chart reads the same on screen and on paper.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { symbol, symbolTriangle } from 'd3-shape';

export interface Margins {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

export interface Frame {
	width: number;
	height: number;
	margin: Margins;
}

export interface Rect {
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface Tick {
	value: number;
	y: number;
	label: string;
}

/** The plotting area inside a frame's margins. */
export function plotArea(frame: Frame): Rect {
	const { width, height, margin } = frame;
	return {
		x: margin.left,
		y: margin.top,
		width: Math.max(0, width - margin.left - margin.right),
		height: Math.max(0, height - margin.top - margin.bottom)
	};
}

/** A rough width of a label in a proportional sans-serif font, enough to stop labels colliding. */
export function estimateTextWidth(text: string, fontSize: number): number {
	return text.length * fontSize * 0.58;
}

/**
 * Show every `step`-th label so that labels `labelWidth` wide, centred on bands `bandwidth`
 * apart, never overlap (with a small gap).
 */
export function labelStep(bandwidth: number, labelWidth: number, gap = 4): number {
	if (bandwidth <= 0) return 1;
	return Math.max(1, Math.ceil((labelWidth + gap) / bandwidth));
}

/** Moves a centred label's x so that all of it stays within [min, max] (a chart's edges). */
export function clampLabelX(x: number, labelWidth: number, min: number, max: number): number {
	const half = labelWidth / 2;
	if (max - min <= labelWidth) return (min + max) / 2;
	return Math.min(Math.max(x, min + half), max - half);
}

/**
 * Shares of a total as whole percentages that add up to exactly 100 (largest remainder), so a
 * table of percentages never sums to 99 or 101. All zero gives all zero.
 */
export function wholePercentages(values: readonly number[]): number[] {
	const total = values.reduce((sum, value) => sum + Math.max(0, value), 0);
	if (total === 0) return values.map(() => 0);
	const exact = values.map((value) => (Math.max(0, value) * 100) / total);
	const result = exact.map(Math.floor);
	let left = 100 - result.reduce((sum, value) => sum + value, 0);
	const byRemainder = exact
		.map((value, index) => ({ index, remainder: value - Math.floor(value) }))
		.sort((a, b) => b.remainder - a.remainder || a.index - b.index);
	for (const { index } of byRemainder) {
		if (left <= 0) break;
		result[index] += 1;
		left -= 1;
	}
	return result;
}

function linearTicks(
	max: number,
	plot: Rect,
	count: number,
	format: (value: number) => string
): { scale: (value: number) => number; ticks: Tick[] } {
	const scale = scaleLinear()
		.domain([0, max > 0 ? max : 1])
		.range([plot.y + plot.height, plot.y])
		.nice(count);
	const ticks = scale
		.ticks(count)
		.filter((value) => Number.isInteger(value))
		.map((value) => ({ value, y: scale(value), label: format(value) }));
	return { scale, ticks };
}

// ---------------------------------------------------------------------------------------------
// Worked vs planned hours per week: grouped bars
// ---------------------------------------------------------------------------------------------

export interface WeeklyHoursDatum {
	/** Short label for the axis, e.g. '10 Aug' (the week's first date). */
	label: string;
	plannedMinutes: number;
	workedMinutes: number;
}

export interface WeeklyHoursBar {
	datum: WeeklyHoursDatum;
	planned: Rect;
	worked: Rect;
	/** Centre of the group's axis label, kept inside the frame. */
	labelX: number;
	showLabel: boolean;
}

export interface WeeklyHoursLayout {
	plot: Rect;
	bars: WeeklyHoursBar[];
	yTicks: Tick[];
}

export function layoutWeeklyHours(
	data: readonly WeeklyHoursDatum[],
	frame: Frame,
	fontSize = 12
): WeeklyHoursLayout {
	const plot = plotArea(frame);
	const maxHours = Math.max(0, ...data.flatMap((d) => [d.plannedMinutes, d.workedMinutes])) / 60;
	const { scale: y, ticks: yTicks } = linearTicks(maxHours, plot, 5, (value) => `${value}`);
	const x = scaleBand<number>()
		.domain(data.map((_, index) => index))
		.range([plot.x, plot.x + plot.width])
		.paddingInner(0.3)
		.paddingOuter(0.15);
	const inner = scaleBand<'planned' | 'worked'>()
		.domain(['planned', 'worked'])
		.range([0, x.bandwidth()])
		.paddingInner(0.08);
	const widest = Math.max(0, ...data.map((d) => estimateTextWidth(d.label, fontSize)));
	const step = labelStep(x.step(), widest);
	const base = plot.y + plot.height;
	const bar = (groupX: number, key: 'planned' | 'worked', minutes: number): Rect => {
		const top = y(minutes / 60);
		return { x: groupX + (inner(key) ?? 0), y: top, width: inner.bandwidth(), height: base - top };
	};
	const bars = data.map((datum, index) => {
		const groupX = x(index) ?? plot.x;
		return {
			datum,
			planned: bar(groupX, 'planned', datum.plannedMinutes),
			worked: bar(groupX, 'worked', datum.workedMinutes),
			labelX: clampLabelX(
				groupX + x.bandwidth() / 2,
				estimateTextWidth(datum.label, fontSize),
				0,
				frame.width
			),
			showLabel: index % step === 0
		};
	});
	return { plot, bars, yTicks };
}

// ---------------------------------------------------------------------------------------------
// Patient contacts per day against the safe limit
// ---------------------------------------------------------------------------------------------

export interface ContactsDatum {
	date: string;
	label: string;
	contacts: number;
	overLimit: boolean;
}

export interface ContactsBar {
	datum: ContactsDatum;
	rect: Rect;
	/** Centre of the bar, for its over-limit marker. */
	centreX: number;
	/** Centre of its axis label, kept inside the frame. */
	labelX: number;
	showLabel: boolean;
}

export interface ContactsLayout {
	plot: Rect;
	bars: ContactsBar[];
	yTicks: Tick[];
	/** The y of the safe-limit line across the plot. */
	limitY: number;
}

/**
 * A triangle centred on the origin, drawn rotated 180° `gap` units above each bar over the limit,
 * pointing down at it: a shape cue besides the colour.
 */
export const OVER_LIMIT_MARKER = Object.freeze({
	path: symbol(symbolTriangle, 40)() ?? '',
	gap: 7
});

export function layoutContacts(
	data: readonly ContactsDatum[],
	limit: number,
	frame: Frame,
	fontSize = 12
): ContactsLayout {
	const plot = plotArea(frame);
	const max = Math.max(limit, ...data.map((d) => d.contacts));
	const { scale: y, ticks: yTicks } = linearTicks(max * 1.05, plot, 5, (value) => `${value}`);
	const x = scaleBand<number>()
		.domain(data.map((_, index) => index))
		.range([plot.x, plot.x + plot.width])
		.paddingInner(0.2)
		.paddingOuter(0.1);
	const widest = Math.max(0, ...data.map((d) => estimateTextWidth(d.label, fontSize)));
	const step = labelStep(x.step(), widest);
	const base = plot.y + plot.height;
	const bars = data.map((datum, index) => {
		const left = x(index) ?? plot.x;
		const top = y(datum.contacts);
		return {
			datum,
			rect: { x: left, y: top, width: x.bandwidth(), height: base - top },
			centreX: left + x.bandwidth() / 2,
			labelX: clampLabelX(
				left + x.bandwidth() / 2,
				estimateTextWidth(datum.label, fontSize),
				0,
				frame.width
			),
			showLabel: index % step === 0
		};
	});
	return { plot, bars, yTicks, limitY: y(limit) };
}

// ---------------------------------------------------------------------------------------------
// Activity mix: one horizontal bar per activity, with its share
// ---------------------------------------------------------------------------------------------

export interface ActivityDatum {
	label: string;
	minutes: number;
	/** Whole percentage of all activity minutes (see `wholePercentages`). */
	percent: number;
}

export interface ActivityRow<D extends ActivityDatum = ActivityDatum> {
	datum: D;
	bar: Rect;
	/** Baseline of the row's text. */
	textY: number;
}

export interface ActivityLayout<D extends ActivityDatum = ActivityDatum> {
	plot: Rect;
	rows: ActivityRow<D>[];
	height: number;
}

/**
 * Rows `rowHeight` tall; the plot's left margin holds the labels and the right margin the values.
 * Bars are scaled to the largest share so the biggest activity fills the width.
 */
export function layoutActivityRows<D extends ActivityDatum>(
	data: readonly D[],
	width: number,
	margin: Margins,
	rowHeight = 28
): ActivityLayout<D> {
	const height = margin.top + margin.bottom + data.length * rowHeight;
	const plot = plotArea({ width, height, margin });
	const max = Math.max(0, ...data.map((d) => d.minutes));
	const x = scaleLinear()
		.domain([0, max > 0 ? max : 1])
		.range([0, plot.width]);
	const barHeight = Math.round(rowHeight * 0.6);
	const rows = data.map((datum, index) => {
		const top = plot.y + index * rowHeight;
		return {
			datum,
			bar: {
				x: plot.x,
				y: top + (rowHeight - barHeight) / 2,
				width: Math.max(datum.minutes > 0 ? 1 : 0, x(datum.minutes)),
				height: barHeight
			},
			textY: top + rowHeight / 2
		};
	});
	return { plot, rows, height };
}
