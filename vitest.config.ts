import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Workers (separate processes) append their tallies here; the summary reporter totals them.
process.env.KEYDESK_TALLY_FILE = join(tmpdir(), `keydesk-tally-${process.pid}.txt`);
rmSync(process.env.KEYDESK_TALLY_FILE, { force: true });

// Tests that go through a proxy set these themselves; one set on the machine running the tests
// would otherwise send the fakes' loopback traffic to it, as curl would.
for (const name of [
  'HTTPS_PROXY',
  'https_proxy',
  'HTTP_PROXY',
  'http_proxy',
  'NO_PROXY',
  'no_proxy',
])
  Reflect.deleteProperty(process.env, name);

/**
 * `unit` needs nothing (no keyring, no build: `npm run test:unit`, seconds); `system` runs the
 * built app and CLI against a real gnome-keyring and Chromium (scripts/with-keyring.sh, which
 * `npm test` and `npm run test:file` use); `file-vault` runs the CLI suite again with the secrets
 * in the encrypted vault file instead of the OS keychain (all but what only the OS keychain does).
 */
export default defineConfig({
  test: {
    pool: 'forks',
    reporters: ['default', './test/helpers/summary-reporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'system',
          include: [
            'test/integration/**/*.test.ts',
            'test/shell/**/*.test.ts',
            'test/e2e/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'file-vault',
          include: ['test/integration/cli*.test.ts'],
          exclude: [
            'test/integration/cli-os-keychain.test.ts',
            // Sets the keychain itself, to compare the two.
            'test/integration/cli-vault-file.test.ts',
            // Node's version check runs before any keychain is chosen.
            'test/integration/cli-node-version.test.ts',
            // Git's steps killed, twice over: the backend plays no part (the team's files are
            // the same on both), and each run on the vault file costs a key derivation.
            'test/integration/cli-team-killed.test.ts',
          ],
          env: { KEYDESK_KEYCHAIN: 'file', KEYDESK_PASSPHRASE: 'file-vault suite passphrase' },
        },
      },
    ],
  },
});
