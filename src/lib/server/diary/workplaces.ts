import type { Selectable } from 'kysely';
import type { Db } from '../db/index';
import type { WorkplaceTable } from '../db/tables/diary';
import type { Nation } from '../../domain/vocabulary';
import { findGeoUnit, isAreaCode, regionOfArea } from '../../domain/geography';
import type { WorkplaceInput } from '../../schemas/diary';
import type { FieldErrors } from '../forms';
import { isUuid } from '../../ids';
import * as clock from '../clock';

export interface Workplace {
	id: string;
	name: string;
	kind: Selectable<WorkplaceTable>['kind'];
	areaCode: string | null;
	nation: Nation;
	basis: Selectable<WorkplaceTable>['basis'];
	archived: boolean;
}

export type SaveResult = { ok: true; id: string } | { ok: false; errors: FieldErrors };

/** ONS nation codes (data/geography) → the bank-holiday regions of the diary rules. */
const NATION_OF_ONS: Record<string, Nation> = {
	E92000001: 'ENG',
	S92000003: 'SCT',
	W92000004: 'WLS',
	N92000002: 'NIR'
};

export function nationOfArea(areaCode: string): Nation | null {
	const region = regionOfArea(areaCode);
	const nation = region?.parentCode ? findGeoUnit(region.parentCode) : null;
	return nation ? (NATION_OF_ONS[nation.code] ?? null) : null;
}

function toWorkplace(row: Selectable<WorkplaceTable>): Workplace {
	return {
		id: row.id,
		name: row.name,
		kind: row.kind,
		areaCode: row.area_code,
		nation: row.nation,
		basis: row.basis,
		archived: row.archived
	};
}

export async function listWorkplaces(db: Db, userId: string): Promise<Workplace[]> {
	const rows = await db
		.selectFrom('workplaces')
		.selectAll()
		.where('user_id', '=', userId)
		.orderBy('archived')
		.orderBy('created_at')
		.execute();
	return rows.map(toWorkplace);
}

/** Undefined for an unknown id and for another doctor's workplace alike. */
export async function findWorkplace(
	db: Db,
	userId: string,
	id: string
): Promise<Workplace | undefined> {
	if (!isUuid(id)) return undefined;
	const row = await db
		.selectFrom('workplaces')
		.selectAll()
		.where('id', '=', id)
		.where('user_id', '=', userId)
		.executeTakeFirst();
	return row && toWorkplace(row);
}

type Place =
	{ ok: true; areaCode: string | null; nation: Nation } | { ok: false; errors: FieldErrors };

/** The nation follows from the area when there is one; otherwise the doctor chooses it. */
function resolvePlace(input: WorkplaceInput): Place {
	const areaCode = input.areaCode ? input.areaCode.toUpperCase() : null;
	if (areaCode) {
		const nation = isAreaCode(areaCode) ? nationOfArea(areaCode) : null;
		if (!nation) return { ok: false, errors: { areaCode: 'Choose an area from the list.' } };
		return { ok: true, areaCode, nation };
	}
	if (!input.nation) {
		return {
			ok: false,
			errors: { nation: 'Choose the nation, or the area, where this workplace is.' }
		};
	}
	return { ok: true, areaCode: null, nation: input.nation };
}

export async function createWorkplace(
	db: Db,
	userId: string,
	input: WorkplaceInput
): Promise<SaveResult> {
	const place = resolvePlace(input);
	if (!place.ok) return place;
	const row = await db
		.insertInto('workplaces')
		.values({
			user_id: userId,
			name: input.name,
			kind: input.kind,
			basis: input.basis,
			area_code: place.areaCode,
			nation: place.nation
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return { ok: true, id: row.id };
}

export async function updateWorkplace(
	db: Db,
	userId: string,
	id: string,
	input: WorkplaceInput & { archived?: boolean }
): Promise<SaveResult | null> {
	if (!(await findWorkplace(db, userId, id))) return null;
	const place = resolvePlace(input);
	if (!place.ok) return place;
	await db
		.updateTable('workplaces')
		.set({
			name: input.name,
			kind: input.kind,
			basis: input.basis,
			area_code: place.areaCode,
			nation: place.nation,
			...(input.archived === undefined ? {} : { archived: input.archived }),
			updated_at: clock.now()
		})
		.where('id', '=', id)
		.where('user_id', '=', userId)
		.execute();
	return { ok: true, id };
}

export async function setWorkplaceArchived(
	db: Db,
	userId: string,
	id: string,
	archived: boolean
): Promise<boolean> {
	if (!isUuid(id)) return false;
	const result = await db
		.updateTable('workplaces')
		.set({ archived, updated_at: clock.now() })
		.where('id', '=', id)
		.where('user_id', '=', userId)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

/**
 * Deletes a workplace that has no diary entries; one with entries is archived instead, so its
 * history stays in the reports.
 */
export async function deleteWorkplace(
	db: Db,
	userId: string,
	id: string
): Promise<'deleted' | 'has_entries' | 'not_found'> {
	if (!(await findWorkplace(db, userId, id))) return 'not_found';
	const used = await db
		.selectFrom('worked_sessions')
		.select('id')
		.where('workplace_id', '=', id)
		.where('user_id', '=', userId)
		.limit(1)
		.executeTakeFirst();
	if (used) return 'has_entries';
	await db.deleteFrom('workplaces').where('id', '=', id).where('user_id', '=', userId).execute();
	return 'deleted';
}
