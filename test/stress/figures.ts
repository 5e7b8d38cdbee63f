import { appendFileSync } from 'node:fs';
import { join } from 'node:path';

/** Figures the stress run prints at the end (collected across test files through one file). */
export const figuresFile = join(
  process.env.KEYDESK_STRESS_FIGURES ?? '/tmp',
  'keydesk-stress-figures.txt',
);

export function recordFigure(label: string, value: number | string): void {
  appendFileSync(figuresFile, `${label}: ${value}\n`);
}
