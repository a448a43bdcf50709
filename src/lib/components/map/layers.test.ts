import { describe, expect, it } from 'vitest';
import { NO_DATA, SCALE, SUPPRESSED, legendSteps } from './colour';
import { fillColourAccessor, lineColourAccessor, lineWidthAccessor } from './layers';

const feature = (code: string) => ({ properties: { code, name: code } });

describe('map layer accessors', () => {
	const cells = [
		{ geoCode: 'TLC', status: 'published' as const, medianPerHour: 80 },
		{ geoCode: 'TLK', status: 'published' as const, medianPerHour: 110 },
		{ geoCode: 'TLN', status: 'suppressed' as const }
	];
	const fill = fillColourAccessor(cells, legendSteps([80, 110]));

	it('colours published regions by their median, suppressed grey, unknown faint', () => {
		expect(fill(feature('TLC'))).toBe(SCALE[0]);
		expect(fill(feature('TLK'))).toBe(SCALE[4]);
		expect(fill(feature('TLN'))).toBe(SUPPRESSED);
		expect(fill(feature('TLX'))).toBe(NO_DATA);
		expect(fill({ properties: null })).toBe(NO_DATA);
	});

	it('outlines the selected region darker and wider', () => {
		expect(lineColourAccessor('TLC')(feature('TLC'))).toEqual([17, 17, 17, 255]);
		expect(lineColourAccessor('TLC')(feature('TLK'))).toEqual([255, 255, 255, 255]);
		expect(lineWidthAccessor('TLC')(feature('TLC'))).toBeGreaterThan(
			lineWidthAccessor('TLC')(feature('TLK'))
		);
	});
});
