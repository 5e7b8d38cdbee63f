import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Workers (separate processes) append their tallies here; the summary reporter totals them.
process.env.KEYDESK_TALLY_FILE = join(tmpdir(), `keydesk-tally-${process.pid}.txt`);
rmSync(process.env.KEYDESK_TALLY_FILE, { force: true });

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
