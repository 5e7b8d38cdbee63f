import { spawnSync } from 'node:child_process';
import { parseEnv } from 'node:util';
import dotenv from 'dotenv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatEnvironment } from '../../src/core/credentials/format-environment';
import { KeydeskError } from '../../src/shared/errors';

/**
 * `keydesk env --format dotenv|shell` and "Copy as .env" against the readers a customer's script
 * uses (issue 20, finding 8): the dotenv package, Node's util.parseEnv, and a POSIX shell.
 */
const pem = '-----BEGIN PRIVATE KEY-----\nMIIE\nAB+/=\n-----END PRIVATE KEY-----\n';
const awkward = [
  'plain',
  'with "double" quotes',
  "with 'single' quotes",
  'ends with a backslash\\',
  'a literal \\n, not a line break',
  'back\\slash and "quote" and \'apostrophe\'',
  'all three \' " ` but no backslash',
  '  spaces around  ',
  '# not a comment',
  '$HOME ${PATH} `cmd`',
  pem,
];

function readBack(text: string) {
  return { dotenv: dotenv.parse(text), node: parseEnv(text) };
}

/** What trips quoting up, often, among ordinary and wide characters; a PEM's line breaks too. */
const character = fc.oneof(
  fc.constantFrom("'", '"', '`', '\\', 'n', ' ', '#', '=', '$', '\n'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }).filter((c) => !/\p{Cc}/u.test(c)),
);

describe('.env output', () => {
  it('reads back exactly with dotenv and with Node, or is refused with a reason', () => {
    for (const value of awkward) {
      let text: string;
      try {
        text = formatEnvironment([['VONAGE_API_SECRET', value]], 'dotenv');
      } catch (error) {
        expect(error).toBeInstanceOf(KeydeskError);
        expect((error as KeydeskError).message).toMatch(/use the shell or JSON format/);
        expect(value).toMatch(/'/);
        continue;
      }
      const read = readBack(text);
      expect(read.dotenv.VONAGE_API_SECRET, text).toBe(value);
      expect(read.node.VONAGE_API_SECRET, text).toBe(value);
    }
  });

  it('keeps a PEM on one line, and several variables apart', () => {
    const text = formatEnvironment(
      [
        ['VONAGE_API_SECRET', 'a"b\\c'],
        ['VONAGE_PRIVATE_KEY', pem],
      ],
      'dotenv',
    );
    expect(text.split('\n')).toHaveLength(2);
    expect(readBack(text).dotenv).toEqual({ VONAGE_API_SECRET: 'a"b\\c', VONAGE_PRIVATE_KEY: pem });
    expect(readBack(text).node).toEqual({ VONAGE_API_SECRET: 'a"b\\c', VONAGE_PRIVATE_KEY: pem });
  });

  it('holds for any printable value a secret may be', () => {
    fc.assert(
      fc.property(fc.string({ unit: character, maxLength: 40 }), (value) => {
        let text: string;
        try {
          text = formatEnvironment([['V', value]], 'dotenv');
        } catch {
          // Refused only when no quoting carries it.
          return value.includes("'") && value.includes('`') && /"|\\[nr]/.test(value);
        }
        const read = readBack(text);
        return read.dotenv.V === value && read.node.V === value;
      }),
      { numRuns: 2000 },
    );
  });
});

describe('shell output', () => {
  it('a shell reads back every value, one ending in a backslash included', () => {
    const values = [...awkward, 'all three \' " ` \\', 'x\\'];
    const text = formatEnvironment(
      values.map((value, i) => [`V${i}`, value]),
      'shell',
    );
    const script = `eval "$(cat)"; ${values.map((_, i) => `printf '%s\\0' "$V${i}"`).join('; ')}`;
    const run = spawnSync('sh', ['-c', script], { input: text, encoding: 'utf8' });
    expect(run.stdout.split('\0').slice(0, -1)).toEqual(values);
  });
});
