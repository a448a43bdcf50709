import type { Session, SessionUser, SessionValidation } from '$lib/server/auth/session';
import type { Logger } from '$lib/server/log';

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
			/** This request's id, on its log lines and in the X-Request-Id header. */
			requestId: string;
			/** The logger for this request: every line carries the request id. */
			log: Logger;
		}
		interface Error {
			message: string;
			id?: string;
		}
	}
}

export {};
