import { existsSync, readFileSync, rmSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

/** Totals of test/helpers/tally.ts, read once the workers are done. */
function readTallies(): string {
  const file = process.env.KEYDESK_TALLY_FILE;
  if (!file || !existsSync(file)) return '';
  const totals = new Map<string, number>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [what, count] = line.split('\t');
    if (what && count) totals.set(what, (totals.get(what) ?? 0) + Number(count));
  }
  rmSync(file, { force: true });
  return [...totals].map(([what, count]) => `${what}: ${count}`).join(', ');
}

/** Ends the run with one plain "N passed, N failed" line that CI logs can be read by. */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed += 1;
        else if (state === 'failed') counts.failed += 1;
        else counts.skipped += 1;
      }
    }
    const tallies = readTallies();
    process.stdout.write(
      `\nvitest: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}${tallies ? `; ${tallies}` : ''}\n`,
    );
  }
}
