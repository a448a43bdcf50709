import { describe, it, expect } from 'vitest';
import {
	countBand,
	DEFAULT_CELL_SETTINGS,
	describeSpread,
	findOutliers,
	hasTrendPoint,
	median,
	moderationReason,
	needsModeration,
	percentile,
	perContributorMedians,
	robustZScore,
	roundHalfAwayFromZero,
	summariseCell,
	type ContributorValue
} from './rate-stats';
import { dueQuarters, isQuarterDue, lastClosedQuarter, windowForQuarter } from './calendar';

/** `n` contributors; rate and contacts by index, so each test states only what it is about. */
function contributors(
	n: number,
	pencePerHour: (i: number) => number = () => 9000,
	contactsPerHour: (i: number) => number | null = () => null
): ContributorValue[] {
	return Array.from({ length: n }, (_, i) => ({
		contributorKey: `doctor-${i}`,
		pencePerHour: pencePerHour(i),
		contactsPerHour: contactsPerHour(i)
	}));
}

describe('percentile and median', () => {
	it('takes the middle value, or the mean of the middle two', () => {
		expect(median([3, 1, 2])).toBe(2);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(median([7])).toBe(7);
	});

	it('interpolates between closest ranks like percentile_cont', () => {
		const oneToTen = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
		// SELECT percentile_cont(0.25) WITHIN GROUP (ORDER BY x) FROM generate_series(1, 10) x; → 3.25
		expect(percentile(oneToTen, 0.25)).toBe(3.25);
		expect(percentile(oneToTen, 0.75)).toBe(7.75);
		expect(percentile(oneToTen, 0)).toBe(1);
		expect(percentile(oneToTen, 1)).toBe(10);
		expect(percentile([10, 20], 0.3)).toBe(13);
	});

	it('handles ties', () => {
		expect(median([5, 5, 5, 9])).toBe(5);
		expect(percentile([1, 5, 5, 5, 5], 0.25)).toBe(5);
	});

	it('does not reorder the caller’s array', () => {
		const values = [3, 1, 2];
		median(values);
		expect(values).toEqual([3, 1, 2]);
	});

	it('refuses what has no answer', () => {
		expect(() => median([])).toThrow(RangeError);
		expect(() => percentile([1, 2], 1.5)).toThrow(RangeError);
		expect(() => percentile([1, 2], -0.1)).toThrow(RangeError);
		expect(() => median([1, Number.NaN])).toThrow(RangeError);
	});
});

describe('roundHalfAwayFromZero', () => {
	it('rounds halves up for positive values, never to even', () => {
		expect(roundHalfAwayFromZero(89.5)).toBe(90);
		expect(roundHalfAwayFromZero(88.5)).toBe(89);
		expect(roundHalfAwayFromZero(89.49)).toBe(89);
		expect(roundHalfAwayFromZero(-2.5)).toBe(-3);
	});

	it('agrees with PostgreSQL round(numeric) despite binary noise', () => {
		// 1.005 × 100 is 100.49999999999999 in binary; round(1.005::float8::numeric, 2) is 1.01.
		expect(roundHalfAwayFromZero(1.005, 2)).toBe(1.01);
		// What interpolating halfway between 2.3 and 2.4 gives; PostgreSQL reads it as 2.35.
		expect(roundHalfAwayFromZero(2.3499999999999996, 1)).toBe(2.4);
		expect(roundHalfAwayFromZero(1.14, 1)).toBe(1.1);
	});
});

describe('perContributorMedians', () => {
	it('counts a doctor with many submissions once, at their own median', () => {
		const rows = [
			{ contributorKey: 'a', pencePerHour: 8000 },
			{ contributorKey: 'b', pencePerHour: 9000 },
			{ contributorKey: 'a', pencePerHour: 12000 },
			{ contributorKey: 'a', pencePerHour: 10000 },
			{ contributorKey: 'b', pencePerHour: 9500 }
		];
		expect(perContributorMedians(rows)).toEqual([
			{ contributorKey: 'a', pencePerHour: 10000, contactsPerHour: null },
			{ contributorKey: 'b', pencePerHour: 9250, contactsPerHour: null }
		]);
	});

	it('takes contacts only from the rows that gave them', () => {
		const rows = [
			{ contributorKey: 'a', pencePerHour: 9000, contactsPerHour: 6 },
			{ contributorKey: 'a', pencePerHour: 9000, contactsPerHour: null },
			{ contributorKey: 'a', pencePerHour: 9000, contactsPerHour: 8 },
			{ contributorKey: 'b', pencePerHour: 9000 }
		];
		expect(perContributorMedians(rows).map((v) => v.contactsPerHour)).toEqual([7, null]);
	});

	it('returns nothing for no rows', () => {
		expect(perContributorMedians([])).toEqual([]);
	});
});

describe('summariseCell: suppression and bands', () => {
	it('suppresses below k = 10, with no numbers at all', () => {
		for (const n of [0, 1, 9]) {
			const summary = summariseCell(contributors(n));
			expect(summary).toEqual({ status: 'suppressed' });
			expect(Object.keys(summary)).toEqual(['status']);
		}
	});

	it.each([
		[10, '10-19', 'low', false],
		[19, '10-19', 'low', false],
		[20, '20-49', 'medium', true],
		[49, '20-49', 'medium', true],
		[50, '50+', 'high', true],
		[400, '50+', 'high', true]
	] as const)('publishes %i contributors as band %s (%s)', (n, band, confidence, detailed) => {
		const summary = summariseCell(
			contributors(
				n,
				(i) => 8000 + i * 10,
				() => 5
			)
		);
		expect(summary.status).toBe('published');
		if (summary.status !== 'published') return;
		expect(summary.countBand).toBe(band);
		expect(summary.confidence).toBe(confidence);
		expect(summary.quartiles !== null).toBe(detailed);
		expect(summary.medianContactsPerHour !== null).toBe(detailed);
		expect(hasTrendPoint(summary)).toBe(detailed);
	});

	it('never exposes a count, minimum, maximum or individual value', () => {
		const values = contributors(
			60,
			(i) => 5000 + i * 100,
			() => 4
		);
		const summary = summariseCell(values);
		expect(Object.keys(summary).sort()).toEqual([
			'confidence',
			'countBand',
			'medianContactsPerHour',
			'medianPerHour',
			'medianPerSession',
			'quartiles',
			'status'
		]);
		const json = JSON.stringify(summary);
		expect(json).not.toContain('60');
		expect(json).not.toMatch(/\b50\b(?!\+)/); // the minimum, £50, appears only as the band '50+'
		expect(json).not.toContain('109'); // the maximum, £109
	});

	it('reaches k only by distinct doctors, however many submissions one of them makes', () => {
		const nineDoctors = Array.from({ length: 9 }, (_, i) => ({
			contributorKey: `doctor-${i}`,
			pencePerHour: 8000
		}));
		const prolific = Array.from({ length: 30 }, () => ({
			contributorKey: 'doctor-0',
			pencePerHour: 20000
		}));
		expect(summariseCell(perContributorMedians([...nineDoctors, ...prolific]))).toEqual({
			status: 'suppressed'
		});

		const tenth = { contributorKey: 'doctor-9', pencePerHour: 8000 };
		const summary = summariseCell(perContributorMedians([...nineDoctors, ...prolific, tenth]));
		// Thirty £200 submissions from one doctor are one £200 voice among ten, so the median stays £80.
		expect(summary).toMatchObject({ status: 'published', medianPerHour: 80, countBand: '10-19' });
	});

	it('refuses values that count a doctor twice', () => {
		const values = [...contributors(10), { ...contributors(1)[0] }];
		expect(() => summariseCell(values)).toThrow(/one value per contributor/);
	});
});

describe('summariseCell: figures and rounding', () => {
	it('reports ties exactly', () => {
		expect(
			summariseCell(
				contributors(
					20,
					() => 9000,
					() => 3
				)
			)
		).toEqual({
			status: 'published',
			medianPerHour: 90,
			medianPerSession: 375,
			countBand: '20-49',
			confidence: 'medium',
			quartiles: { p25: 90, p75: 90 },
			medianContactsPerHour: 3
		});
	});

	it('rounds the hourly median to £1, halves up', () => {
		// Ten values: the median is the mean of the 5th and 6th.
		const withMiddle = (a: number, b: number) =>
			summariseCell(contributors(10, (i) => (i < 5 ? (i === 4 ? a : 7000) : i === 5 ? b : 11000)));
		expect(withMiddle(8900, 9000)).toMatchObject({ medianPerHour: 90 }); // £89.50
		expect(withMiddle(8800, 8900)).toMatchObject({ medianPerHour: 89 }); // £88.50, not to even
		expect(withMiddle(8900, 8999)).toMatchObject({ medianPerHour: 89 }); // £89.495
		expect(withMiddle(8999, 9000)).toMatchObject({ medianPerHour: 90 }); // £89.995
	});

	it('rounds the session equivalent to £5, halves up, from the unrounded hourly median', () => {
		const atMedian = (pence: number) => summariseCell(contributors(11, () => pence));
		expect(atMedian(9000)).toMatchObject({ medianPerSession: 375 }); // £375.00
		expect(atMedian(8940)).toMatchObject({ medianPerSession: 375 }); // £372.50 exactly
		expect(atMedian(8939)).toMatchObject({ medianPerSession: 370 }); // £372.46
		expect(atMedian(9100)).toMatchObject({ medianPerSession: 380 }); // £379.17
		// £89.49/h is shown as £89, but its session is £372.875 → £375, not £89 × 25/6 = £370.83 → £370.
		expect(atMedian(8949)).toMatchObject({ medianPerHour: 89, medianPerSession: 375 });
	});

	it('gives quartiles from 20 contributors, rounded to £1', () => {
		// £100.00 … £119.00: p25 sits at rank 4.75 → £104.75, p75 at 14.25 → £114.25.
		const summary = summariseCell(contributors(20, (i) => 10000 + i * 100));
		expect(summary).toMatchObject({
			medianPerHour: 110, // £109.50
			medianPerSession: 455, // £456.25
			quartiles: { p25: 105, p75: 114 }
		});
	});

	it('gives contacts per hour only when at least k contributors gave them', () => {
		const withContacts = (n: number, giving: number) =>
			summariseCell(
				contributors(
					n,
					() => 9000,
					(i) => (i < giving ? 4 + i / 10 : null)
				)
			);
		expect(withContacts(20, 9)).toMatchObject({ medianContactsPerHour: null });
		// 4.0 … 4.9: median 4.45 → 4.5.
		expect(withContacts(20, 10)).toMatchObject({ medianContactsPerHour: 4.5 });
		expect(withContacts(19, 19)).toMatchObject({ medianContactsPerHour: null });
	});

	it('rounds contacts per hour to one decimal, halves up', () => {
		// Halfway between 2.3 and 2.4 comes out as 2.3499999999999996 in binary; published as 2.4.
		const summary = summariseCell(
			contributors(
				20,
				() => 9000,
				(i) => (i < 10 ? 2.3 : 2.4)
			)
		);
		expect(summary).toMatchObject({ medianContactsPerHour: 2.4 });
	});
});

describe('summariseCell: settings', () => {
	it('defaults to k = 10 and quartiles from 20', () => {
		expect(DEFAULT_CELL_SETTINGS).toEqual({ minContributors: 10, detailContributors: 20 });
	});

	it('starts the lowest band at k when k is below 10', () => {
		const settings = { minContributors: 5 };
		expect(summariseCell(contributors(4), settings)).toEqual({ status: 'suppressed' });
		expect(summariseCell(contributors(5), settings)).toMatchObject({
			countBand: '5-19',
			confidence: 'low'
		});
		expect(summariseCell(contributors(12), settings)).toMatchObject({ countBand: '5-19' });
		expect(summariseCell(contributors(20), settings)).toMatchObject({ countBand: '20-49' });
	});

	it('starts the lowest band at k when k is above 10', () => {
		const settings = { minContributors: 15 };
		expect(summariseCell(contributors(14), settings)).toEqual({ status: 'suppressed' });
		expect(summariseCell(contributors(15), settings)).toMatchObject({ countBand: '15-19' });
		expect(summariseCell(contributors(25), settings)).toMatchObject({ countBand: '20-49' });
	});

	it('moves a higher band’s lower bound when k falls inside it', () => {
		expect(countBand(25, 25)).toEqual({ countBand: '25-49', confidence: 'medium' });
		expect(countBand(50, 25)).toEqual({ countBand: '50+', confidence: 'high' });
		expect(countBand(60, 60)).toEqual({ countBand: '60+', confidence: 'high' });
	});

	it('takes the quartile threshold from settings', () => {
		const settings = { detailContributors: 30 };
		expect(summariseCell(contributors(29), settings)).toMatchObject({ quartiles: null });
		expect(summariseCell(contributors(30), settings)).toMatchObject({
			quartiles: { p25: 90, p75: 90 }
		});
	});

	it('refuses thresholds that are not whole numbers of at least 1', () => {
		expect(() => summariseCell(contributors(10), { minContributors: 0 })).toThrow(RangeError);
		expect(() => summariseCell(contributors(10), { detailContributors: 2.5 })).toThrow(RangeError);
	});
});

describe('outliers', () => {
	it('describes the spread about the median', () => {
		expect(describeSpread([1, 2, 3, 4, 100])).toEqual({
			median: 3,
			mad: 1,
			meanAbsoluteDeviation: 101 / 5
		});
	});

	it('scores with 0.6745 × (x − median) / MAD', () => {
		const spread = describeSpread([10, 11, 12, 12, 13, 14, 35]);
		expect(spread).toMatchObject({ median: 12, mad: 1 });
		expect(robustZScore(35, spread)).toBeCloseTo(15.5135, 4);
		expect(robustZScore(10, spread)).toBeCloseTo(-1.349, 4);
		expect(robustZScore(12, spread)).toBe(0);
	});

	it('finds values beyond 3.5 in input order', () => {
		expect(findOutliers([10, 11, 12, 12, 13, 14, 35])).toEqual([6]);
		expect(findOutliers([35, 10, 11, 12, 12, 13, 14, -20])).toEqual([0, 7]);
		expect(findOutliers([])).toEqual([]);
	});

	it('flags only scores strictly above the threshold', () => {
		// median 0, MAD 1: x = 3.5 / 0.6745 scores exactly 3.5.
		const edge = 3.5 / 0.6745;
		expect(findOutliers([-1, 0, 0, 1, edge])).toEqual([]);
		expect(findOutliers([-1, 0, 0, 1, edge + 0.01])).toEqual([4]);
		expect(findOutliers([-1, 0, 0, 1, 3], { threshold: 2 })).toEqual([4]);
	});

	it('falls back to the mean absolute deviation when the MAD is 0', () => {
		const values = [10, 10, 10, 10, 10, 10, 10, 100];
		const spread = describeSpread(values);
		expect(spread).toMatchObject({ median: 10, mad: 0, meanAbsoluteDeviation: 11.25 });
		expect(robustZScore(100, spread)).toBeCloseTo(90 / (1.253314 * 11.25), 6);
		expect(robustZScore(10, spread)).toBe(0);
		expect(findOutliers(values)).toEqual([7]);
		// Near neighbours of a tied majority are not outliers.
		expect(findOutliers([100, 100, 100, 100, 100, 99, 101, 102])).toEqual([]);
	});

	it('gives no score when every value is the same', () => {
		const spread = describeSpread([9000, 9000, 9000]);
		expect(spread).toEqual({ median: 9000, mad: 0, meanAbsoluteDeviation: 0 });
		expect(robustZScore(9000, spread)).toBeNull();
		expect(robustZScore(20000, spread)).toBeNull();
		expect(findOutliers([9000, 9000, 9000])).toEqual([]);
	});
});

describe('needsModeration', () => {
	const group = { median: 9000, mad: 500, meanAbsoluteDeviation: 600 };

	it('holds rates outside the soft bounds even with no group to compare', () => {
		expect(moderationReason(4999, null)).toBe('below_soft_bound');
		expect(moderationReason(25001, null)).toBe('above_soft_bound');
		expect(needsModeration(5000, null)).toBe(false);
		expect(needsModeration(25000, null)).toBe(false);
	});

	it('holds rates more than 3.5 robust z-scores from the group median', () => {
		// 0.6745 × 3000 / 500 = 4.05; 0.6745 × 2000 / 500 = 2.70.
		expect(moderationReason(12000, group)).toBe('outlier');
		expect(moderationReason(6000, group)).toBe('outlier');
		expect(needsModeration(11000, group)).toBe(false);
		expect(needsModeration(7000, group)).toBe(false);
	});

	it('reports the soft bound before the z-score', () => {
		expect(moderationReason(30000, group)).toBe('above_soft_bound');
	});

	it('uses the mean absolute deviation when the group MAD is 0', () => {
		const tied = describeSpread([9000, 9000, 9000, 9000, 9000, 10000]);
		// meanAD = 1000 / 6; 1 z-unit is about £2.09/h.
		expect(needsModeration(9500, tied)).toBe(false);
		expect(needsModeration(10000, tied)).toBe(true);
	});

	it('relies on the soft bounds alone when the group has no spread', () => {
		const identical = describeSpread([9000, 9000]);
		expect(needsModeration(24000, identical)).toBe(false);
		expect(needsModeration(26000, identical)).toBe(true);
	});

	it('accepts a custom threshold', () => {
		expect(needsModeration(11000, group, 2.5)).toBe(true);
	});
});

describe('lastClosedQuarter', () => {
	it.each([
		['2026-11-24', '2026-09-30'],
		['2026-10-01', '2026-09-30'],
		['2026-09-30', '2026-06-30'], // the quarter's last day is still open
		['2026-04-01', '2026-03-31'],
		['2026-03-31', '2025-12-31'],
		['2026-01-01', '2025-12-31'],
		['2025-12-31', '2025-09-30'],
		['2024-02-29', '2023-12-31']
	])('on %s is %s', (today, expected) => {
		expect(lastClosedQuarter(today)).toBe(expected);
	});

	it('refuses impossible dates', () => {
		expect(() => lastClosedQuarter('2025-02-29')).toThrow(RangeError);
		expect(() => lastClosedQuarter('2025-13-01')).toThrow(RangeError);
		expect(() => lastClosedQuarter('1 Oct 2025')).toThrow(RangeError);
	});
});

describe('isQuarterDue', () => {
	it.each([
		// quarter end, lag, last day not due, first day due
		['2026-09-30', 0, '2026-09-30', '2026-10-01'],
		['2026-09-30', 1, '2026-10-31', '2026-11-01'],
		['2026-09-30', 3, '2026-12-31', '2027-01-01'],
		['2025-12-31', 0, '2025-12-31', '2026-01-01'],
		['2025-12-31', 1, '2026-01-31', '2026-02-01'],
		['2025-12-31', 3, '2026-03-31', '2026-04-01'],
		['2026-03-31', 1, '2026-04-30', '2026-05-01']
	] as const)('%s with lag %i is due from %s + 1 day', (quarterEnd, lag, before, from) => {
		expect(isQuarterDue(quarterEnd, before, lag)).toBe(false);
		expect(isQuarterDue(quarterEnd, from, lag)).toBe(true);
		expect(isQuarterDue(quarterEnd, '2030-01-01', lag)).toBe(true);
	});

	it('refuses a date that is not a quarter end, and a bad lag', () => {
		expect(() => isQuarterDue('2026-09-29', '2027-01-01', 1)).toThrow(RangeError);
		expect(() => isQuarterDue('2026-08-31', '2027-01-01', 1)).toThrow(RangeError);
		expect(() => isQuarterDue('2026-06-31', '2027-01-01', 1)).toThrow(RangeError);
		expect(() => isQuarterDue('2026-09-30', '2027-01-01', -1)).toThrow(RangeError);
		expect(() => isQuarterDue('2026-09-30', '2027-01-01', 1.5)).toThrow(RangeError);
	});
});

describe('windowForQuarter', () => {
	it('covers the twelve work months ending with the quarter', () => {
		const window = windowForQuarter('2026-09-30');
		expect(window).toMatchObject({
			quarterEnd: '2026-09-30',
			fromMonth: '2025-10',
			toMonth: '2026-09'
		});
		expect(window.months).toEqual([
			'2025-10',
			'2025-11',
			'2025-12',
			'2026-01',
			'2026-02',
			'2026-03',
			'2026-04',
			'2026-05',
			'2026-06',
			'2026-07',
			'2026-08',
			'2026-09'
		]);
	});

	it('is the calendar year for a December quarter and crosses the year otherwise', () => {
		expect(windowForQuarter('2026-12-31')).toMatchObject({
			fromMonth: '2026-01',
			toMonth: '2026-12'
		});
		expect(windowForQuarter('2026-03-31')).toMatchObject({
			fromMonth: '2025-04',
			toMonth: '2026-03'
		});
	});

	it('refuses a date that is not a quarter end', () => {
		expect(() => windowForQuarter('2026-09-01')).toThrow(RangeError);
	});
});

describe('dueQuarters', () => {
	it('lists every due quarter from the one holding the earliest data', () => {
		expect(dueQuarters('2026-11-24', 1, '2025-02')).toEqual([
			'2025-03-31',
			'2025-06-30',
			'2025-09-30',
			'2025-12-31',
			'2026-03-31',
			'2026-06-30',
			'2026-09-30'
		]);
	});

	it('waits the lag', () => {
		expect(dueQuarters('2026-11-24', 3, '2026-01').at(-1)).toBe('2026-06-30');
		expect(dueQuarters('2026-10-31', 1, '2026-01').at(-1)).toBe('2026-06-30');
		expect(dueQuarters('2026-11-01', 1, '2026-01').at(-1)).toBe('2026-09-30');
		expect(dueQuarters('2026-10-01', 0, '2026-01').at(-1)).toBe('2026-09-30');
	});

	it('crosses year boundaries', () => {
		expect(dueQuarters('2026-01-31', 1, '2025-12')).toEqual([]);
		expect(dueQuarters('2026-02-01', 1, '2025-12')).toEqual(['2025-12-31']);
		expect(dueQuarters('2026-01-01', 0, '2025-11')).toEqual(['2025-12-31']);
		expect(dueQuarters('2027-04-01', 3, '2025-10')).toEqual([
			'2025-12-31',
			'2026-03-31',
			'2026-06-30',
			'2026-09-30',
			'2026-12-31'
		]);
	});

	it('lists nothing without data or before the first quarter with data is due', () => {
		expect(dueQuarters('2026-11-24', 1, null)).toEqual([]);
		expect(dueQuarters('2026-11-24', 1, '2026-10')).toEqual([]);
		expect(dueQuarters('2026-11-24', 0, '2027-01')).toEqual([]);
	});

	it('agrees with isQuarterDue and lastClosedQuarter on every day of two years', () => {
		for (let day = Date.UTC(2025, 0, 1); day < Date.UTC(2027, 0, 1); day += 86_400_000) {
			const today = new Date(day).toISOString().slice(0, 10);
			for (const lag of [0, 1, 3]) {
				const due = dueQuarters(today, lag, '2024-01');
				const last = due.at(-1);
				expect(last && isQuarterDue(last, today, lag)).toBe(true);
				if (lag === 0) expect(last).toBe(lastClosedQuarter(today));
			}
		}
	});

	it('refuses a bad month or lag', () => {
		expect(() => dueQuarters('2026-11-24', 1, '2025-13')).toThrow(RangeError);
		expect(() => dueQuarters('2026-11-24', 1, '2025-1')).toThrow(RangeError);
		expect(() => dueQuarters('2026-11-24', -1, '2025-01')).toThrow(RangeError);
	});
});
