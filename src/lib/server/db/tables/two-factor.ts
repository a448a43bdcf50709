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

export interface TwoFactorTables {
	totp_credentials: TotpCredentialTable;
	recovery_codes: RecoveryCodeTable;
}
