import { appendFileSync } from 'node:fs';

/**
 * Counts across test files (which run in separate processes): each fault injected and each bad
 * input tried adds a line to one file that the summary reporter totals at the end of the run.
 */
export function tally(what: 'faults injected' | 'bad inputs tried', count = 1): void {
  const file = process.env.KEYDESK_TALLY_FILE;
  if (file) appendFileSync(file, `${what}\t${count}\n`);
}
