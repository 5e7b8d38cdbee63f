import { createRequire } from 'node:module';

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
  columns = process.stdout.isTTY ? process.stdout.columns : undefined,
): string {
  const widths = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
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
  return [line(headers), ...rows.map(line)].join('\n');
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

/** Notes for a person (progress, hints) go to stderr so stdout stays clean for pipes. */
export function note(text: string): void {
  process.stderr.write(`${text}\n`);
}
