#!/usr/bin/env node
// The CLI is built by `npm run build` (run by `npm install`) into out/cli/: keydesk.cjs (the whole
// CLI), a bundle per command in commands/, their SHA-256, and the launcher that runs the one a
// command line needs with a code cache (src/cli/launcher.ts). CommonJS, as
// everything a start loads: Node's ES module loader alone cost each start about 5 ms.
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

// Checked before the bundle (and its native modules) loads: on an older Node they can crash the
// process with no message at all.
const required = JSON.parse(
  readFileSync(join(__dirname, '..', 'package.json'), 'utf8'),
).engines.node.replace(/^>=\s*/, '');
const newer = (found, needed) => {
  const [a = 0, b = 0, c = 0] = found.split('.').map(Number);
  const [x = 0, y = 0, z = 0] = needed.split('.').map(Number);
  return a !== x ? a > x : b !== y ? b > y : c >= z;
};
if (!newer(process.versions.node, required)) {
  console.error(
    `keydesk: Node.js ${process.versions.node} is too old; Keydesk needs Node.js ${required} or newer. Install a current Node.js LTS and run it again.`,
  );
  process.exit(1);
}

let launcher;
try {
  launcher = require('../out/cli/launcher.cjs');
} catch {
  console.error('keydesk: the CLI is not built yet; run "npm run build" in the Keydesk folder.');
  process.exit(1);
}
launcher.launch(join(__dirname, '..', 'out', 'cli'));
