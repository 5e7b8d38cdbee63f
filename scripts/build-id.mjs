// The CLI build's id, written into out/cli/build-id by the build: a SHA-256 over every bundle it
// made, by which the launcher names its V8 code caches (V8 itself checks a cache only against the
// source's length) without hashing anything at start.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function writeBuildId(cliFolder) {
  const hash = createHash('sha256');
  for (const folder of [cliFolder, join(cliFolder, 'commands')]) {
    for (const name of readdirSync(folder)
      .filter((file) => file.endsWith('.cjs'))
      .sort()) {
      hash.update(`${name}\n`).update(readFileSync(join(folder, name)));
    }
  }
  const id = hash.digest('hex');
  writeFileSync(join(cliFolder, 'build-id.tmp'), `${id}\n`);
  renameSync(join(cliFolder, 'build-id.tmp'), join(cliFolder, 'build-id'));
  return id;
}
