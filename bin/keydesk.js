#!/usr/bin/env node
// The CLI is bundled with the main process code by `npm run build` (run by `npm install`).
import module from 'node:module';

// V8's code cache on disk (Node >= 22.1) saves re-compiling the bundle on every invocation.
module.enableCompileCache?.();

import('../out/main/cli.js').catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND') {
    console.error('keydesk: the CLI is not built yet; run "npm run build" in the Keydesk folder.');
    process.exit(1);
  }
  throw error;
});
