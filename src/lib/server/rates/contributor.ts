import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { config } from '../config';

let secret: string | undefined;

/**
 * The HMAC key behind contributor keys (DESIGN §3.3). From CONTRIBUTOR_KEY_SECRET when set; in
 * embedded mode it is generated on first start and kept in DATA_DIR (mode 0600); with a database
 * server and no secret the app refuses to start, because a secret that changed would split every
 * doctor's past submissions from their account.
 */
export function contributorSecret(): string {
	if (secret) return secret;
	const c = config();
	if (c.CONTRIBUTOR_KEY_SECRET) return (secret = c.CONTRIBUTOR_KEY_SECRET);
	if (c.DATABASE_URL) {
		if (c.NODE_ENV === 'test') return (secret = randomBytes(32).toString('hex'));
		throw new Error(
			'CONTRIBUTOR_KEY_SECRET must be set (32+ characters) when DATABASE_URL is used: every instance needs the same one.'
		);
	}
	const dir = resolve(c.DATA_DIR);
	const file = join(dir, 'contributor-key-secret');
	if (!existsSync(file)) {
		mkdirSync(dir, { recursive: true });
		writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
	}
	return (secret = readFileSync(file, 'utf8').trim());
}

/** HMAC-SHA256(secret, user id): stable per doctor, meaningless without the server's secret. */
export function contributorKey(userId: string, key: string = contributorSecret()): string {
	return createHmac('sha256', key).update(userId).digest('hex');
}
