// A passkey authenticator in software, for the integration tests: an ES256 key pair, answers in
// the JSON shapes @simplewebauthn/browser sends (attestation "none"), and a signature counter
// the test controls (to replay an old count, as a cloned authenticator would). Written from the
// WebAuthn Level 2 spec (§6.1 authenticator data, §6.5 attestation, §8.7 none) and RFC 8949
// (CBOR), so the server is checked against an independent encoder, not its own.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';

type Cbor = number | string | Uint8Array | Map<Cbor, Cbor>;

function cborHead(major: number, length: number): Buffer {
	if (length < 24) return Buffer.from([(major << 5) | length]);
	if (length < 256) return Buffer.from([(major << 5) | 24, length]);
	if (length < 65536) {
		const b = Buffer.alloc(3);
		b[0] = (major << 5) | 25;
		b.writeUInt16BE(length, 1);
		return b;
	}
	const b = Buffer.alloc(5);
	b[0] = (major << 5) | 26;
	b.writeUInt32BE(length, 1);
	return b;
}

export function encodeCbor(value: Cbor): Buffer {
	if (typeof value === 'number') return value >= 0 ? cborHead(0, value) : cborHead(1, -1 - value);
	if (typeof value === 'string') {
		const bytes = Buffer.from(value, 'utf8');
		return Buffer.concat([cborHead(3, bytes.length), bytes]);
	}
	if (value instanceof Uint8Array) return Buffer.concat([cborHead(2, value.length), value]);
	const parts = [cborHead(5, value.size)];
	for (const [k, v] of value) parts.push(encodeCbor(k), encodeCbor(v));
	return Buffer.concat(parts);
}

const b64url = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64url');
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest();

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

export class SoftAuthenticator {
	readonly credentialId = randomBytes(32);
	private readonly privateKey: KeyObject;
	private readonly publicKey: KeyObject;
	/** The next signature counter the authenticator reports (0: it keeps none). */
	counter: number;

	constructor({ counter = 1 }: { counter?: number } = {}) {
		const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
		this.privateKey = pair.privateKey;
		this.publicKey = pair.publicKey;
		this.counter = counter;
	}

	get id(): string {
		return b64url(this.credentialId);
	}

	/** The public key as COSE_Key (EC2, ES256, P-256). */
	private coseKey(): Buffer {
		const jwk = this.publicKey.export({ format: 'jwk' });
		return encodeCbor(
			new Map<Cbor, Cbor>([
				[1, 2],
				[3, -7],
				[-1, 1],
				[-2, Buffer.from(jwk.x!, 'base64url')],
				[-3, Buffer.from(jwk.y!, 'base64url')]
			])
		);
	}

	private authenticatorData(rpId: string, flags: number, attested?: Buffer): Buffer {
		const counter = Buffer.alloc(4);
		counter.writeUInt32BE(this.counter, 0);
		return Buffer.concat([
			sha256(rpId),
			Buffer.from([flags]),
			counter,
			attested ?? Buffer.alloc(0)
		]);
	}

	/** navigator.credentials.create() for the options the server gave. */
	register(options: { challenge: string; rp: { id?: string } }, origin: string) {
		const rpId = options.rp.id ?? new URL(origin).hostname;
		const idLength = Buffer.alloc(2);
		idLength.writeUInt16BE(this.credentialId.length, 0);
		const attested = Buffer.concat([
			Buffer.alloc(16), // AAGUID: none given
			idLength,
			this.credentialId,
			this.coseKey()
		]);
		const authData = this.authenticatorData(rpId, FLAG_UP | FLAG_UV | FLAG_AT, attested);
		const clientDataJSON = clientData('webauthn.create', options.challenge, origin);
		const attestationObject = encodeCbor(
			new Map<Cbor, Cbor>([
				['fmt', 'none'],
				['attStmt', new Map()],
				['authData', authData]
			])
		);
		return this.credential({
			clientDataJSON: b64url(clientDataJSON),
			attestationObject: b64url(attestationObject),
			transports: ['internal' as const]
		});
	}

	/** navigator.credentials.get(): signs the challenge with the current counter. */
	authenticate(
		options: { challenge: string; rpId?: string },
		origin: string,
		{ userHandle }: { userHandle?: string } = {}
	) {
		const rpId = options.rpId ?? new URL(origin).hostname;
		const authData = this.authenticatorData(rpId, FLAG_UP | FLAG_UV);
		const clientDataJSON = clientData('webauthn.get', options.challenge, origin);
		// ES256 as WebAuthn carries it: ECDSA over authData ‖ SHA-256(clientDataJSON), DER-encoded.
		const signature = sign('sha256', Buffer.concat([authData, sha256(clientDataJSON)]), {
			key: this.privateKey,
			dsaEncoding: 'der'
		});
		return this.credential({
			clientDataJSON: b64url(clientDataJSON),
			authenticatorData: b64url(authData),
			signature: b64url(signature),
			...(userHandle ? { userHandle } : {})
		});
	}

	/** The credential as the browser hands it to the page, around one ceremony's response. */
	private credential<R>(response: R) {
		return {
			id: this.id,
			rawId: this.id,
			type: 'public-key' as const,
			clientExtensionResults: {},
			authenticatorAttachment: 'platform' as const,
			response
		};
	}
}

/** The client data the browser makes for a ceremony: what it is, the server's challenge, the page. */
function clientData(type: 'webauthn.create' | 'webauthn.get', challenge: string, origin: string) {
	return JSON.stringify({ type, challenge, origin, crossOrigin: false });
}
