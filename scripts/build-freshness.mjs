// Whether out/ was built from the sources as they are now: the CLI, shell and end-to-end tests run
// the built files, and a stale build tests yesterday's code. `node scripts/build-freshness.mjs`
// exits 0 and says why when a build is due, 1 when out/ is current.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = [
  'out/main/index.js',
  'out/preload/index.cjs',
  'out/renderer/index.html',
  'out/cli/keydesk.cjs',
];
const sources = ['src', 'scripts/build-cli.mjs', 'electron.vite.config.ts', 'package.json'];

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return { path, mtimeMs: stat.mtimeMs };
  let found = { path, mtimeMs: 0 };
  for (const name of readdirSync(path)) {
    const inner = newest(join(path, name));
    if (inner.mtimeMs > found.mtimeMs) found = inner;
  }
  return found;
}

/** Why out/ needs building ('' when it is current). */
export function staleBuild() {
  let oldest = Infinity;
  for (const file of built) {
    try {
      oldest = Math.min(oldest, statSync(join(root, file)).mtimeMs);
    } catch {
      return `${file} is missing`;
    }
  }
  for (const source of sources) {
    const found = newest(join(root, source));
    if (found.mtimeMs > oldest)
      return `${found.path.slice(root.length)} changed after the last build`;
  }
  return '';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const why = staleBuild();
  if (why) console.log(why);
  process.exit(why ? 0 : 1);
}
