import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';

/**
 * The age command (Debian's `age`, the reference implementation) as the independent judge of the
 * vault file. age reads a passphrase only from a terminal, so it runs under `script`, which gives
 * it one and types what we pipe in.
 */
function ageAtTerminal(command: string, typed: string) {
  const result = spawnSync('script', ['-qec', command, '/dev/null'], {
    input: typed,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

const quoted = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;

/** `age -d` of `path` with `passphrase`: the plaintext, or a failure with age's own words. */
export function ageDecrypt(path: string, passphrase: string): string {
  const out = join(tmpdir(), `age-out-${randomUUID()}`);
  try {
    const { code, output } = ageAtTerminal(
      `age -d -o ${quoted(out)} ${quoted(path)}`,
      `${passphrase}\r`,
    );
    if (code !== 0) throw new Error(`age -d failed (${code}): ${output}`);
    return readFileSync(out, 'utf8');
  } finally {
    rmSync(out, { force: true });
  }
}

/** `age -p`: `plaintextPath` encrypted to `outPath` with `passphrase` (typed twice). */
export function ageEncrypt(plaintextPath: string, outPath: string, passphrase: string): void {
  const { code, output } = ageAtTerminal(
    `age -p -o ${quoted(outPath)} ${quoted(plaintextPath)}`,
    `${passphrase}\r${passphrase}\r`,
  );
  if (code !== 0) throw new Error(`age -p failed (${code}): ${output}`);
}
