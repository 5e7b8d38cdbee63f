// Loaded with `node --import tsx --import ./register.mjs out/main/index.js` by main-process.ts.
import { createRequire, register } from 'node:module';

// Electron's process.platform is the OS's; a test may play macOS (windows closed, app still
// running). Native modules pick their binary by platform, so better-sqlite3's is loaded (and
// cached by the module) first, with the real one.
if (process.env.KEYDESK_STANDIN_PLATFORM) {
  const require = createRequire(new URL('../../../package.json', import.meta.url));
  const Database = require('better-sqlite3');
  new Database(':memory:').close();
  Object.defineProperty(process, 'platform', { value: process.env.KEYDESK_STANDIN_PLATFORM });
}
register('./hooks.mjs', import.meta.url);
