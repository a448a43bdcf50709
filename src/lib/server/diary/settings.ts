import type { Db } from '../db/index';
import { overtimeDefaultsFrom, readSettings } from '../settings';
import * as clock from '../clock';
import { DEFAULT_OVERTIME_SETTINGS, type OvertimeSettings } from '../../domain/diary-model';

export interface DiarySettings {
	/** The doctor's own safe limit of patient contacts a day, at most the default 25 (DESIGN §2). */
	contactLimit: number;
	/** The group's overtime multipliers and TOIL rates, set by its administrators (BMA defaults). */
	overtime: ReturnType<typeof overtimeDefaultsFrom>;
}

export async function getDiarySettings(db: Db, userId: string): Promise<DiarySettings> {
	const row = await db
		.selectFrom('diary_settings')
		.select('contact_limit')
		.where('user_id', '=', userId)
		.executeTakeFirst();
	return {
		contactLimit: row?.contact_limit ?? DEFAULT_OVERTIME_SETTINGS.contactLimit,
		overtime: overtimeDefaultsFrom(await readSettings(db))
	};
}

export async function saveDiarySettings(
	db: Db,
	userId: string,
	settings: Pick<DiarySettings, 'contactLimit'>
): Promise<void> {
	await db
		.insertInto('diary_settings')
		.values({ user_id: userId, contact_limit: settings.contactLimit })
		.onConflict((oc) =>
			oc
				.column('user_id')
				.doUpdateSet({ contact_limit: settings.contactLimit, updated_at: clock.now() })
		)
		.execute();
}

/** The rules' settings for this doctor: the group's multipliers with the doctor's contact limit. */
export function overtimeSettingsFor(settings: DiarySettings): OvertimeSettings {
	return {
		...DEFAULT_OVERTIME_SETTINGS,
		...settings.overtime,
		contactLimit: settings.contactLimit
	};
}
