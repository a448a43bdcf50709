import type { ColumnType } from 'kysely';
import type { BigSerial, CreatedAt, Timestamp } from './columns';

/** One authenticator app per account (src/lib/server/auth/totp.ts). */
export interface TotpCredentialTable {
	user_id: string;
	key_ciphertext: string;
	confirmed_at: Timestamp | null;
	last_used_step: number | null;
	created_at: CreatedAt;
}

/** One-time recovery codes, stored as SHA-256 (src/lib/server/auth/recovery-codes.ts). */
export interface RecoveryCodeTable {
	id: BigSerial;
	user_id: string;
	code_hash: string;
	used_at: Timestamp | null;
	created_at: CreatedAt;
}

/** Passkeys (WebAuthn credentials), any number per account (src/lib/server/auth/passkeys.ts). */
export interface PasskeyCredentialTable {
	/** The credential id, base64url. */
	id: string;
	user_id: string;
	/** The COSE public key, base64url. */
	public_key: string;
	/** bigint: a string from pg, a number from PGlite; read through Number(). */
	counter: ColumnType<string | number, number | undefined, number>;
	/** Comma-separated transports ('internal,hybrid'); empty when the browser gave none. */
	transports: ColumnType<string, string | undefined, string>;
	name: string;
	created_at: Timestamp;
	last_used_at: Timestamp | null;
}

export type WebAuthnPurpose = 'register' | 'authenticate';

/** The challenge of a passkey ceremony in progress, one per session and purpose. */
export interface WebAuthnChallengeTable {
	session_id: string;
	purpose: WebAuthnPurpose;
	challenge: string;
	expires_at: Timestamp;
}

export interface TwoFactorTables {
	totp_credentials: TotpCredentialTable;
	recovery_codes: RecoveryCodeTable;
	passkey_credentials: PasskeyCredentialTable;
	webauthn_challenges: WebAuthnChallengeTable;
}
