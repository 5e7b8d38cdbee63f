import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import {
  contentSecurityPolicy,
  devServerContentSecurityPolicy,
} from './src/shared/content-security-policy';

/**
 * Writes the renderer's CSP into index.html: the strict policy in a build, the dev server's
 * relaxation (inline react-refresh preamble, HMR socket) only while serving `npm run dev`.
 */
function contentSecurityPolicyMeta(): Plugin {
  let policy = contentSecurityPolicy;
  return {
    name: 'keydesk-csp-meta',
    configureServer() {
      policy = devServerContentSecurityPolicy;
    },
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: policy },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}

export default defineConfig({
  main: {
    build: {
      // Pure-JS dependencies are bundled (and tree-shaken): loading zod as ~100 separate ES modules
      // cost the CLI over 100 ms of startup. Native modules stay external.
      externalizeDeps: { exclude: ['zod', 'commander', 'ini', 'csv-stringify', 'oauth-1.0a'] },
      // The CLI is built apart, as one CommonJS file (scripts/build-cli.mjs).
      rolldownOptions: { input: { index: resolve(__dirname, 'src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      // Sandboxed preloads cannot be ES modules.
      lib: { entry: resolve(__dirname, 'src/preload/index.ts'), formats: ['cjs'] },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      // Minified: the renderer is what a user waits for at start (see the bench's gzipped size).
      minify: true,
      rolldownOptions: { input: resolve(__dirname, 'src/renderer/index.html') },
    },
    plugins: [contentSecurityPolicyMeta(), react()],
  },
});
