// How the server tells the service worker which session an answer belongs to (issue 14, F3).
// Shared by the server (src/lib/server/auth/session.ts) and src/service-worker.ts: names only.

/** Every answer from the app carries the tag of the session it leaves this browser in. */
export const SESSION_TAG_HEADER = 'X-Session-Tag';
/** On an answer that deletes the session cookie. */
export const SESSION_ENDED_HEADER = 'X-Session-Ended';
/** The tag's value on an answer given with no session. */
export const NO_SESSION = 'none';
