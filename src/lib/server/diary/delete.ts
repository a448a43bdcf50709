import type { Db } from '../db/index';

/**
 * Deletes the doctor's diary and nothing else: workplaces (with their job plans and entries),
 * templates and diary settings. The account and rate submissions stay.
 */
export async function deleteDiary(db: Db, userId: string): Promise<{ entries: number }> {
	return db.transaction().execute(async (trx) => {
		const result = await trx
			.deleteFrom('worked_sessions')
			.where('user_id', '=', userId)
			.executeTakeFirst();
		await trx.deleteFrom('workplaces').where('user_id', '=', userId).execute();
		await trx.deleteFrom('diary_templates').where('user_id', '=', userId).execute();
		await trx.deleteFrom('diary_settings').where('user_id', '=', userId).execute();
		return { entries: Number(result.numDeletedRows) };
	});
}
