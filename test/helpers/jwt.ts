import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KeyObject } from 'node:crypto';
import { SignJWT, type JWTPayload } from 'jose';

/**
 * Checks a token's RS256 signature with the openssl command line against a public key PEM: a
 * verifier that shares no code with Keydesk or Node. Returns openssl's verdict line.
 */
export function verifyWithOpenssl(token: string, publicKeyPem: string): string {
  const [header = '', payload = '', signature = ''] = token.split('.');
  const dir = mkdtempSync(join(tmpdir(), 'keydesk-openssl-'));
  try {
    writeFileSync(join(dir, 'input'), `${header}.${payload}`);
    writeFileSync(join(dir, 'signature'), Buffer.from(signature, 'base64url'));
    writeFileSync(join(dir, 'public.pem'), publicKeyPem);
    return execFileSync(
      'openssl',
      ['dgst', '-sha256', '-verify', 'public.pem', '-signature', 'signature', 'input'],
      { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    ).trim();
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error).trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A token made by jose (not Keydesk), for decoding tests: any claims, any header. */
export function joseToken(
  claims: JWTPayload,
  key: KeyObject,
  header: { alg: string; typ?: string } = { alg: 'RS256', typ: 'JWT' },
): Promise<string> {
  return new SignJWT(claims).setProtectedHeader(header).sign(key);
}

export const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
