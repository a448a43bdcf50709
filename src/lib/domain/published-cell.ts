// The shape of a published rate cell (DESIGN §3.5–3.6), written once: `summariseCell` computes its
// figures, the publication job stores them (rate_snapshot_cells), the snapshot reads return them
// to pages and exports. A suppressed cell carries no figures at all.
import type { GeoLevel } from './geography';

export type CellStatus = 'published' | 'suppressed';

export type Confidence = 'low' | 'medium' | 'high';

/** Whole pounds per hour at the 25th and 75th percentiles. */
export interface Quartiles {
	p25: number;
	p75: number;
}

/** What every published cell shows, to anyone. */
export interface PublishedFigures {
	/** Whole pounds per hour, rounded to £1. */
	medianPerHour: number;
	/** Whole pounds per standard session, rounded to £5. */
	medianPerSession: number;
	/** '10-19' | '20-49' | '50+' with the default k (see `countBand` in rate-stats.ts). */
	countBand: string;
	confidence: Confidence;
}

export interface SnapshotInfo {
	id: number;
	quarterEnd: string;
	windowFrom: string;
	windowTo: string;
	publishedAt: string;
}

export interface CellBase {
	geoCode: string;
	level: GeoLevel;
	name: string;
	parentCode: string | null;
}

export type PublicCell =
	(CellBase & { status: 'suppressed' }) | (CellBase & { status: 'published' } & PublishedFigures);

export type MemberCell =
	| (CellBase & { status: 'suppressed' })
	| (CellBase & {
			status: 'published';
			/** Null below the detail threshold. */
			quartiles: Quartiles | null;
			contactsPerHour: number | null;
			trend: { quarterEnd: string; medianPerHour: number }[];
	  } & PublishedFigures);

export interface RateCells<C> {
	snapshot: SnapshotInfo | null;
	category: { code: string; name: string; description: string };
	cells: C[];
}
