import type { Db } from '../db/index';
import type { SessionUser } from '../auth/session';
import { isMemberOn } from '../membership';
import type { RateAudience } from './read';

/** Members and administrators see the member shape; decided per request from the records. */
export async function rateAudienceFor(db: Db, user: SessionUser | null): Promise<RateAudience> {
	if (!user) return 'public';
	if (user.role === 'admin') return 'member';
	return (await isMemberOn(db, user.id)) ? 'member' : 'public';
}
