// The CLI bundle's SHA-256, written beside it by the build: the launcher names its V8 code caches
// by it (V8 itself checks a cache only against the source's length), without hashing at start.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

export function writeBundleHash(bundle) {
  const hash = createHash('sha256').update(readFileSync(bundle)).digest('hex');
  writeFileSync(`${bundle}.sha256.tmp`, `${hash}\n`);
  renameSync(`${bundle}.sha256.tmp`, `${bundle}.sha256`);
  return hash;
}
