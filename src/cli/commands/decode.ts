import type { Command } from 'commander';
import type { DecodeResult } from '../../shared/jwt-schemas';
import { CliError } from '../cli-error';
import type { CliContext } from '../context';
import { note, print, printJson } from '../output';
import { readStdin } from '../terminal-input';

function describe(result: DecodeResult): string {
  const lines = [`Header:    ${JSON.stringify(result.header)}`, 'Claims:'];
  const width = Math.max(...Object.keys(result.claims).map((k) => k.length), 4);
  for (const [name, value] of Object.entries(result.claims)) {
    const time = result.times[name as keyof DecodeResult['times']];
    const shown = time
      ? `${time.unix}  ${time.iso} (${time.relative})`
      : typeof value === 'string'
        ? value
        : JSON.stringify(value);
    lines.push(`  ${name.padEnd(width)}  ${shown}`);
  }
  const { signature } = result;
  lines.push(
    signature.verifiedBy
      ? `Signature: verified with the key of "${signature.verifiedBy.name}" (${signature.verifiedBy.id}, account "${signature.verifiedBy.accountName}")`
      : `Signature: not verified (${signature.checkedKeys} stored key(s) checked)`,
  );
  if (result.diagnostics.length) {
    lines.push('Findings:');
    for (const d of result.diagnostics) lines.push(`  ${d.severity.padEnd(7)}  ${d.message}`);
  } else {
    lines.push('Findings:  none; the token looks valid.');
  }
  return lines.join('\n');
}

export function registerDecodeCommand(program: Command, ctx: CliContext): void {
  program
    .command('decode [token]')
    .description(
      'Decode a JWT (from the argument, or stdin when it is "-" or left out): claims, times, which stored key signed it, and what is wrong with it. Exits 1 when it has errors.',
    )
    .option('--json', 'print JSON')
    .action(async (tokenArg: string | undefined, options: { json?: boolean }) => {
      if ((tokenArg === undefined || tokenArg === '-') && process.stdin.isTTY) {
        note('Paste the token, then press Ctrl-D on a line of its own:');
      }
      const token = tokenArg === undefined || tokenArg === '-' ? await readStdin() : tokenArg;
      if (token.trim() === '') throw new CliError('No token given: pass it as TOKEN or on stdin.');
      const result = await ctx.call('jwt:decode', { token });
      if (options.json) printJson(result);
      else print(describe(result));
      if (result.diagnostics.some((d) => d.severity === 'error')) process.exitCode = 1;
    });
}
