import { createHash, type KeyObject } from 'node:crypto';

/** OpenSSH-style SHA-256 fingerprint of the public key (SubjectPublicKeyInfo DER). */
export function fingerprintOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return `SHA256:${createHash('sha256').update(der).digest('base64').replace(/=+$/, '')}`;
}
