import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Workers (separate processes) append their tallies here; the summary reporter totals them.
process.env.KEYDESK_TALLY_FILE = join(tmpdir(), `keydesk-tally-${process.pid}.txt`);
rmSync(process.env.KEYDESK_TALLY_FILE, { force: true });

/** The slow reliability runs (`npm run test:stress`): crashes, concurrent writers, load. */
export default defineConfig({
  test: {
    include: ['test/stress/**/*.test.ts'],
    pool: 'forks',
    // One file at a time: the figures are clearer and the machine is not overloaded.
    fileParallelism: false,
    execArgv: ['--expose-gc'],
    reporters: ['default', './test/helpers/summary-reporter.ts'],
    testTimeout: 600_000,
    hookTimeout: 60_000,
  },
});
