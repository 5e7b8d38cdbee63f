import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseRawRequest } from '../../src/core/webhooks/parse-raw-request';
import { normalisePastedText } from '../../src/core/keys/find-pem-blocks';
import { parseDuration } from '../../src/shared/durations';
import { trimTrailingSlashes } from '../../src/shared/trim';

const root = join(import.meta.dirname, '..', '..');
const mib = 1024 * 1024;

/**
 * Runs `expression` over pathological input in a child process that is stopped after 20 s. A
 * quadratic parser takes minutes on it (a regex such as /\s+$/ took 18 s on 200 KB of spaces
 * before one more character, about 8 minutes at 1 MiB) and blocks the process it runs in, so it
 * cannot run in this one; a linear one takes milliseconds. The bound only says "it finishes";
 * how fast is measured by npm run bench.
 */
function finishes(module: string, expression: string): string {
  const script = `import * as m from ${JSON.stringify(pathToFileURL(join(root, module)).href)};
    const spaces = ' '.repeat(${mib});
    process.stdout.write(String(${expression}));`;
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script],
    {
      cwd: root,
      encoding: 'utf8',
      timeout: 20_000,
    },
  );
  expect(run.signal, `${expression} did not finish`).toBeNull();
  expect(run.stderr).toBe('');
  return run.stdout;
}

describe('parsers of pasted text run in linear time', () => {
  it('a pasted request of 1 MiB of spaces before one more character (issue 20, finding 6)', () => {
    expect(
      finishes(
        'src/core/webhooks/parse-raw-request.ts',
        "m.parseRawRequest('POST /webhooks/event HTTP/1.1\\nX-A: b' + spaces + 'x' + spaces).headers.get('x-a').length",
      ),
    ).toBe(String(mib + 2));
  });

  it('a pasted key line, a duration and a host with long runs of what they trim', () => {
    expect(
      finishes(
        'src/core/keys/find-pem-blocks.ts',
        "m.normalisePastedText('>' + spaces + 'x' + spaces + ',y').length",
      ),
    ).toBe(String(1 + mib + 2));
    expect(finishes('src/shared/durations.ts', "m.parseDuration('1' + spaces + 'x')")).toBe(
      'undefined',
    );
    expect(
      finishes(
        'src/shared/trim.ts',
        "m.trimTrailingSlashes('https://a' + '/'.repeat(1048576) + 'x').length",
      ),
    ).toBe(String(9 + mib + 1));
  });

  it('still trims what it did before', () => {
    const request = parseRawRequest('\n\n  POST /hook HTTP/1.1\r\nX-Sig: abc  \r\n  ');
    expect([request.method, request.target, request.headers.get('x-sig'), request.body]).toEqual([
      'POST',
      '/hook',
      'abc',
      '',
    ]);
    expect(normalisePastedText('  > "-----BEGIN KEY-----\\nAB",  \r\n')).toBe(
      '-----BEGIN KEY-----\nAB\n',
    );
    expect([parseDuration(' 15 m '), parseDuration('90'), parseDuration('1 x')]).toEqual([
      900,
      90,
      undefined,
    ]);
    expect(trimTrailingSlashes('https://api.nexmo.com///')).toBe('https://api.nexmo.com');
  });
});
