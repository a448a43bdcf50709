import type { Db } from '../db/index';
import { ancestorsOf } from '../../domain/geography';
import { readRateCells } from './read';
import type { MemberCell, SnapshotInfo } from '../../domain/published-cell';
import { positionAgainst, type QuartilePosition } from '../../domain/rate-position';
import type { OwnSubmission } from './submissions';

export interface OwnPosition {
	category: string;
	geoName: string;
	workMonth: string;
	position: QuartilePosition;
}

/**
 * For each category, where the doctor's latest accepted rate sits against the published quartiles
 * of the finest cell that has them, in `snapshot` (by default the latest on `db`). Uses published
 * figures only; the submissions are the doctor's own, read by the caller on the primary.
 */
export async function ownPositions(
	db: Db,
	submissions: OwnSubmission[],
	snapshot?: SnapshotInfo | null
): Promise<OwnPosition[]> {
	const latest = new Map<string, OwnSubmission>();
	for (const s of submissions) {
		if (s.status !== 'accepted') continue;
		const seen = latest.get(s.category);
		if (!seen || s.workMonth > seen.workMonth) latest.set(s.category, s);
	}
	const positions: OwnPosition[] = [];
	for (const [category, s] of latest) {
		const data = await readRateCells(db, category, 'member', snapshot);
		if (!data?.snapshot) continue;
		const byCode = new Map(data.cells.map((c) => [c.geoCode, c]));
		const chain = [s.areaCode, ...(ancestorsOf(s.areaCode) ?? []).map((u) => u.code)];
		for (const code of chain) {
			const cell = byCode.get(code) as MemberCell | undefined;
			if (cell?.status !== 'published' || !cell.quartiles) continue;
			const position = positionAgainst(s.pencePerHour, cell);
			if (position)
				positions.push({ category, geoName: cell.name, workMonth: s.workMonth, position });
			break;
		}
	}
	return positions;
}
