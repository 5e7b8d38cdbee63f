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

export default defineConfig({
  test: {
    include: [
      'test/unit/**/*.test.ts',
      'test/integration/**/*.test.ts',
      'test/shell/**/*.test.ts',
      'test/e2e/**/*.test.ts',
    ],
    pool: 'forks',
    reporters: ['default', './test/helpers/summary-reporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
