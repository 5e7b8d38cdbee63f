import { createRequire } from 'node:module';
import { invisibleMarks } from '../shared/invisible-marks';
import { io } from './cli-io';

/**
 * Characters a terminal acts on instead of showing: C0 controls (ESC starts the sequences that set
 * the window title, clear the screen, move the cursor), DEL, C1 controls (0x9B is a one-character
 * CSI), and the direction and invisible marks that make text read as something else. Line feed
 * and tab are kept for multi-line output; cells of a table escape them too.
 */
// U+061C, the Arabic letter mark, is a direction mark too; names never held one to refuse.
const unsafe = new RegExp(`[\\p{Cc}\\u061C${invisibleMarks}]`, 'gu');
/** What JSON leaves as it is and a terminal acts on: DEL, C1 controls and the marks. */
const unsafeInJson = new RegExp(`[\\u007F-\\u009F\\u061C${invisibleMarks}]`, 'g');
const escapeChar = (char: string) => {
  const code = char.charCodeAt(0);
  return code < 0x100
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
};

/**
 * Text that came from outside (Vonage's answers, a customer's token, a file name) as a terminal
 * should show it: what would act on the terminal is written out as \x1b, \u202e.
 */
export function terminalSafe(text: string, { oneLine = false } = {}): string {
  return text.replace(unsafe, (char) =>
    !oneLine && (char === '\n' || char === '\t') ? char : escapeChar(char),
  );
}

const requireModule = createRequire(import.meta.url);
let stringWidth: ((text: string) => number) | undefined;

/**
 * Columns a cell takes in a terminal: CJK and emoji take two, combining marks none. Plain ASCII
 * is counted directly: string-width costs 20 ms to load, paid only by a table that needs it.
 */
function width(text: string): number {
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  stringWidth ??= (requireModule('string-width') as { default: (text: string) => number }).default;
  return stringWidth(text);
}

/** The cell cut to `max` columns, with an ellipsis when something was cut. */
function fit(text: string, max: number): string {
  if (width(text) <= max) return text;
  let cut = '';
  for (const char of new Intl.Segmenter().segment(text)) {
    if (width(cut + char.segment) > max - 1) break;
    cut += char.segment;
  }
  return `${cut}…`;
}

/** Pads to a display width (String.padEnd counts code units, which misaligns CJK and emoji). */
const pad = (text: string, columns: number) =>
  text + ' '.repeat(Math.max(0, columns - width(text)));

/**
 * Plain, aligned columns: readable in a terminal and easy to cut. On a terminal narrower than
 * the table, the widest columns give way (cut with "…") so each row stays on one line; piped
 * output is never cut.
 */
export function formatTable(
  headers: string[],
  rows: string[][],
  columns = io().stdout.isTTY ? io().stdout.columns : undefined,
): string {
  const safeRows = rows.map((row) => row.map((cell) => terminalSafe(cell, { oneLine: true })));
  const widths = headers.map((h, i) =>
    Math.max(width(h), ...safeRows.map((r) => width(r[i] ?? ''))),
  );
  if (columns) {
    const gaps = 2 * (widths.length - 1);
    const minimum = 8;
    let total = widths.reduce((sum, w) => sum + w, 0) + gaps;
    while (total > columns) {
      const widest = widths.indexOf(Math.max(...widths));
      if ((widths[widest] ?? 0) <= minimum) break;
      widths[widest] = (widths[widest] ?? 0) - 1;
      total -= 1;
    }
  }
  const line = (cells: string[]) =>
    cells
      .map((c, i) => {
        const shown = fit(c, widths[i] ?? 0);
        return i === cells.length - 1 ? shown : pad(shown, widths[i] ?? 0);
      })
      .join('  ')
      .trimEnd();
  return [line(headers), ...safeRows.map(line)].join('\n');
}

/**
 * JSON escapes C0 controls itself; C1 controls and direction marks are written as \\u escapes too,
 * which any JSON reader decodes to the same value.
 */
export function printJson(value: unknown): void {
  const text = JSON.stringify(value, null, 2).replace(
    unsafeInJson,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  io().stdout.write(`${text}\n`);
}

/** Output for a person or a script, with terminal controls written out (terminalSafe). */
export function print(text: string): void {
  io().stdout.write(`${terminalSafe(text)}\n`);
}

/**
 * A value a script reads back exactly (a secret, a token, an environment, a CSV export): as it is
 * when stdout is a pipe or a file, with terminal controls written out when a person is watching.
 */
export function printValue(text: string, { newline = true } = {}): void {
  const shown = io().stdout.isTTY ? terminalSafe(text) : text;
  io().stdout.write(newline ? `${shown}\n` : shown);
}

/** Notes for a person (progress, hints) go to stderr so stdout stays clean for pipes. */
export function note(text: string): void {
  io().stderr.write(`${terminalSafe(text)}\n`);
}
