import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { formatTable, terminalSafe } from '../../src/cli/output';

describe('CLI tables', () => {
  const rows = [
    ['東京カスタマー', 'key00001', '3'],
    ['Acme 🚀 Corp', 'key00002', '12'],
    ['Zürich AG', 'key00003', '0'],
  ];

  it('keeps columns aligned with wide characters (CJK, emoji)', () => {
    const lines = formatTable(['NAME', 'API KEY', 'APPS'], rows).split('\n');
    // The API key column starts at the same display column on every line.
    const starts = lines.map((line) => stringWidth(line.slice(0, line.search(/API KEY|key0/))));
    expect(new Set(starts).size).toBe(1);
  });

  it('fits a narrow terminal by cutting the widest column, never the others', () => {
    const wide = [['a'.repeat(80), 'key00001', 'done']];
    const lines = formatTable(['WHAT', 'KEY', 'STATE'], wide, 40).split('\n');
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(40);
    expect(lines[1]).toContain('…');
    expect(lines[1]).toContain('key00001');
    // Piped (no width): nothing is cut.
    expect(formatTable(['WHAT', 'KEY', 'STATE'], wide)).toContain('a'.repeat(80));
  });
});

describe('CLI output of text from outside', () => {
  const hostile = '\u001b]0;pwned\u0007Voice\u202ebot\u009b2J\nnext';

  it('writes terminal controls and direction marks out, keeping line breaks in text', () => {
    expect(terminalSafe(hostile)).toBe('\\x1b]0;pwned\\x07Voice\\u202ebot\\x9b2J\nnext');
    expect(terminalSafe('a\tb\r\n', { oneLine: true })).toBe('a\\x09b\\x0d\\x0a');
  });

  it('keeps every table row on its own line, aligned', () => {
    const lines = formatTable(
      ['NAME', 'ID'],
      [
        [hostile, 'ID-1'],
        ['Acme', 'ID-2'],
      ],
    ).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.join('')).not.toMatch(/[\p{Cc}\u202e]/u);
    expect(lines[1]?.indexOf('ID-1')).toBe(lines[2]?.indexOf('ID-2'));
  });
});
