// The shapes of published rate figures, shared by the server (which builds them) and the pages.
import type { GeoLevel } from './domain/geography';

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
	| (CellBase & { status: 'suppressed' })
	| (CellBase & {
			status: 'published';
			medianPerHour: number;
			medianPerSession: number;
			countBand: string;
			confidence: 'low' | 'medium' | 'high';
	  });

export type MemberCell =
	| (CellBase & { status: 'suppressed' })
	| (CellBase & {
			status: 'published';
			medianPerHour: number;
			medianPerSession: number;
			countBand: string;
			confidence: 'low' | 'medium' | 'high';
			quartiles: { p25: number; p75: number } | null;
			contactsPerHour: number | null;
			trend: { quarterEnd: string; medianPerHour: number }[];
	  });

export interface RateCells<C> {
	snapshot: SnapshotInfo | null;
	category: { code: string; name: string; description: string };
	cells: C[];
}
