// A throwaway self-signed certificate for a TLS-terminating proxy on loopback (the proxy test and
// the scale drill run HAProxy with it): made with openssl, which .ci/run installs.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes `sessional.pem` (certificate, then key, as HAProxy reads them) into `dir`; its path. */
export function selfSignedPem(dir: string): string {
	const key = join(dir, 'key.pem');
	const cert = join(dir, 'cert.pem');
	const made = spawnSync(
		'openssl',
		[
			'req',
			'-x509',
			'-newkey',
			'rsa:2048',
			'-nodes',
			'-days',
			'1',
			'-subj',
			'/CN=localhost'
		].concat(['-keyout', key, '-out', cert]),
		{ encoding: 'utf8' }
	);
	if (made.error) throw new Error('openssl is not installed: apt-get install -y openssl');
	if (made.status !== 0) throw new Error(`openssl could not make a certificate:\n${made.stderr}`);
	const pem = join(dir, 'sessional.pem');
	writeFileSync(pem, readFileSync(cert, 'utf8') + readFileSync(key, 'utf8'));
	return pem;
}
