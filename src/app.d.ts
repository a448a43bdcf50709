import type { Session, SessionUser, SessionValidation } from '$lib/server/auth/session';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			session: Session | null;
			/**
			 * A session that has given the password but not yet the second factor. It is not signed
			 * in: `user` and `session` stay null; only /login/two-factor reads this.
			 */
			secondFactorPending: SessionValidation | null;
		}
		interface Error {
			message: string;
			id?: string;
		}
	}
}

export {};
