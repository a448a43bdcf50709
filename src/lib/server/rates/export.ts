/**
 * The members' CSV of published cells (DESIGN §3.6): every figure a member sees on the map, for
 * every kind of work, nation, region and health area of the latest snapshot, one row per cell.
 * It is built from readRateCells' member shape only, so it holds what the map already shows a
 * member and nothing the submissions table knows: a suppressed cell is a name and "not enough
 * reports", with every figure empty. The first row is the §3.7 notice, padded to the width of
 * the table so every record has the same number of fields (RFC 4180) and a spreadsheet opens it
 * as a plain grid. As with the diary's CSVs, rows end in CRLF and the file starts with a UTF-8
 * byte-order mark so Excel reads '£' and '–' rightly.
 */
import { stringify } from 'csv-stringify/sync';
import type { Db } from '../db/index';
import { findGeoUnit, type GeoLevel } from '../../domain/geography';
import { guardText } from '../diary/exports/csv';
import { latestSnapshot, readRateCells } from './read';
import { RATES_NOTICE_TEXT } from '../../domain/rates-notice';
import type { MemberCell, RateCells, SnapshotInfo } from '../../domain/published-cell';

/** What a signed-in non-member is told instead of the file: no figure, and how to join. */
export const RATES_CSV_MEMBERS_ONLY =
	'The CSV of published figures is for members of the group. Membership is through the group ' +
	'that runs Sessional; ask its committee to join. Everyone can use the rates map for nations ' +
	'and regions.';

const SUPPRESSED_STATUS = 'not enough reports';

export interface PublishedRates {
	snapshot: SnapshotInfo;
	/** One entry per kind of work asked for, in the order asked. */
	categories: RateCells<MemberCell>[];
}

/**
 * The member shape of a snapshot (by default the latest on `db`) for the given kinds of work, read
 * through the same reader as the map; null while nothing has been published. Unknown codes are
 * left out.
 */
export async function readPublishedRates(
	db: Db,
	categoryCodes: readonly string[],
	latest?: SnapshotInfo | null
): Promise<PublishedRates | null> {
	const snapshot = latest === undefined ? await latestSnapshot(db) : latest;
	if (!snapshot) return null;
	const categories: RateCells<MemberCell>[] = [];
	for (const code of categoryCodes) {
		const cells = await readRateCells(db, code, 'member', snapshot);
		if (cells) categories.push(cells);
	}
	return { snapshot, categories };
}

interface Row {
	category: RateCells<MemberCell>['category'];
	cell: MemberCell;
	snapshot: SnapshotInfo;
}

type Value = string | number | null | undefined;

interface Column {
	header: string;
	value: (row: Row) => Value;
}

const LEVEL_LABELS: Record<GeoLevel, string> = {
	nation: 'nation',
	region: 'region',
	area: 'health area'
};

/** A figure of a published cell; empty for a suppressed one, whatever the reader gave. */
function figure(read: (cell: Extract<MemberCell, { status: 'published' }>) => Value) {
	return ({ cell }: Row): Value => (cell.status === 'published' ? read(cell) : null);
}

const COLUMNS: Column[] = [
	{ header: 'Kind of work', value: (r) => guardText(r.category.name) },
	{ header: 'Kind of work code', value: (r) => r.category.code },
	{ header: 'Level', value: (r) => LEVEL_LABELS[r.cell.level] },
	{ header: 'Geography code', value: (r) => r.cell.geoCode },
	{ header: 'Place', value: (r) => r.cell.name },
	{ header: 'Parent code', value: (r) => r.cell.parentCode },
	{
		header: 'Parent',
		value: (r) => (r.cell.parentCode ? (findGeoUnit(r.cell.parentCode)?.shortName ?? '') : '')
	},
	{
		header: 'Status',
		value: (r) => (r.cell.status === 'published' ? 'published' : SUPPRESSED_STATUS)
	},
	{ header: 'Median £ per hour', value: figure((c) => c.medianPerHour) },
	{ header: 'Median £ per 4 h 10 min session', value: figure((c) => c.medianPerSession) },
	// An en dash, as on the map: Excel reads "10-19" as a date.
	{ header: 'Doctors reporting (band)', value: figure((c) => c.countBand.replace('-', '–')) },
	{ header: 'Confidence', value: figure((c) => c.confidence) },
	{ header: '25th percentile £ per hour', value: figure((c) => c.quartiles?.p25) },
	{ header: '75th percentile £ per hour', value: figure((c) => c.quartiles?.p75) },
	{ header: 'Median patient contacts per hour', value: figure((c) => c.contactsPerHour) },
	{ header: 'Quarter end', value: (r) => r.snapshot.quarterEnd },
	{ header: 'Work from (month)', value: (r) => r.snapshot.windowFrom },
	{ header: 'Work to (month)', value: (r) => r.snapshot.windowTo },
	{ header: 'Published on', value: (r) => r.snapshot.publishedAt.slice(0, 10) }
];

export const RATES_CSV_HEADER: readonly string[] = COLUMNS.map((c) => c.header);

/** The notice row: §3.7's words, then what the rows are and what an empty figure means. */
function ratesCsvNotice(snapshot: SnapshotInfo): string {
	return (
		`${RATES_NOTICE_TEXT} Published figures of Sessional for work done from ` +
		`${snapshot.windowFrom} to ${snapshot.windowTo} (quarter ending ${snapshot.quarterEnd}). ` +
		`A place where too few doctors reported says "${SUPPRESSED_STATUS}" and has no figures.`
	);
}

export interface RatesCsvOptions {
	/** Start with a UTF-8 byte-order mark so Excel reads the file as UTF-8. Default true. */
	bom?: boolean;
}

/** The notice row, the header, then each kind of work's cells in the map's order. */
export function buildRatesCsv(rates: PublishedRates, options: RatesCsvOptions = {}): string {
	const rows = rates.categories.flatMap(({ category, cells }) =>
		cells.map((cell) => ({ category, cell, snapshot: rates.snapshot }))
	);
	const notice = [ratesCsvNotice(rates.snapshot), ...COLUMNS.slice(1).map(() => '')];
	return stringify(
		[notice, RATES_CSV_HEADER, ...rows.map((row) => COLUMNS.map((c) => c.value(row)))],
		{ bom: options.bom ?? true, record_delimiter: 'windows' }
	);
}

/** sessional-rates-2026-09-30.csv, or …-2026-09-30-in-hours-session.csv for one kind of work. */
export function ratesCsvFilename(snapshot: SnapshotInfo, categoryCode: string | null): string {
	const suffix = categoryCode ? `-${categoryCode.replaceAll('_', '-')}` : '';
	return `sessional-rates-${snapshot.quarterEnd}${suffix}.csv`;
}
