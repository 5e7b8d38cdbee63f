import type { Command } from 'commander';
import type { DecodeResult } from '../../shared/jwt-schemas';
import { CliError } from '../cli-error';
import type { CliContext } from '../context';
import { note, print, printJson } from '../output';
import { readStdin } from '../terminal-input';
import type { Acl } from '../../shared/acl';
import { aclPresetNames } from '../../shared/presets';
import { readRegularFile } from '../../core/files/read-regular-file';
import { compareExpectations } from '../../core/jwt/compare-expectations';
import { io, exitWith } from '../cli-io';

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
    signature.givenKey
      ? `Signature: ${signature.verified ? 'verified with the given public key' : 'NOT verified with the given public key'}`
      : signature.verifiedBy
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

interface DecodeOptions {
  json?: boolean;
  publicKey?: string;
  expectSub?: string;
  expectApp?: string;
  expectAclPreset?: string;
  expectAcl?: string;
  checkUser?: boolean;
}

async function expectedAcl(options: DecodeOptions): Promise<Acl | null | undefined> {
  if (options.expectAclPreset !== undefined && options.expectAcl !== undefined)
    throw new CliError('Give --expect-acl-preset or --expect-acl, not both.', 2);
  if (options.expectAclPreset !== undefined) {
    const preset = aclPresetNames.find((name) => name === options.expectAclPreset);
    if (!preset)
      throw new CliError(
        `--expect-acl-preset: "${options.expectAclPreset}" is not a preset; use ${aclPresetNames.join(' or ')}.`,
        2,
      );
    const { aclForPreset } = await import('../../shared/acl');
    return aclForPreset(preset) ?? null;
  }
  if (options.expectAcl !== undefined) {
    const { parseAclJson } = await import('../../shared/acl');
    const parsed = parseAclJson(options.expectAcl);
    if (!parsed.ok) throw new CliError(`--expect-acl: ${parsed.message}`, 2);
    return parsed.acl;
  }
  return undefined;
}

export function registerDecodeCommand(program: Command, ctx: CliContext): void {
  program
    .command('decode [token]')
    .description(
      'Decode a JWT (from the argument, or stdin when it is "-" or left out): claims, times, which stored key signed it, and what is wrong with it. Exits 1 when it has errors or differs from what --expect-… says.',
    )
    .option('--json', 'print JSON')
    .option(
      '--public-key <file>',
      'check the signature with this public key (PEM) instead of the stored ones',
    )
    .option('--expect-sub <sub>', 'report it when sub differs')
    .option('--expect-app <id>', 'report it when application_id differs')
    .option(
      '--expect-acl-preset <preset>',
      `report each ACL difference from a preset: ${aclPresetNames.join(' or ')}`,
    )
    .option('--expect-acl <json>', 'report each ACL difference from this ACL')
    .option(
      '--check-user',
      "ask Vonage whether sub is a user of the token's application (when it is stored); exit 1 when not",
    )
    .action(async (tokenArg: string | undefined, options: DecodeOptions) => {
      const acl = await expectedAcl(options);
      if ((tokenArg === undefined || tokenArg === '-') && io().stdin.isTTY) {
        note('Paste the token, then press Ctrl-D on a line of its own:');
      }
      const publicKeyPem =
        options.publicKey === undefined
          ? undefined
          : await readRegularFile(options.publicKey, 65_536, 'public key', 'publicKeyPem');
      const token = tokenArg === undefined || tokenArg === '-' ? await readStdin() : tokenArg;
      if (token.trim() === '') throw new CliError('No token given: pass it as TOKEN or on stdin.');
      const result = await ctx.call('jwt:decode', {
        token,
        ...(publicKeyPem === undefined ? {} : { publicKeyPem }),
      });
      // Asked first and said first: a sub that names no user is why a Client SDK login fails.
      const subject = options.checkUser ? await ctx.call('users:checkToken', { token }) : undefined;
      const differences = compareExpectations(result.claims, {
        ...(options.expectSub !== undefined ? { sub: options.expectSub } : {}),
        ...(options.expectApp !== undefined ? { applicationId: options.expectApp } : {}),
        ...(acl !== undefined ? { acl } : {}),
      });
      if (options.json) printJson({ ...result, differences, ...(subject ? { subject } : {}) });
      else {
        if (subject) print(`User:      ${subject.message}`);
        print(describe(result));
        if (differences.length)
          print(
            ['Differences from what was expected:', ...differences.map((d) => `  ${d}`)].join('\n'),
          );
      }
      const notUser = subject !== undefined && subject.state !== 'user';
      if (result.diagnostics.some((d) => d.severity === 'error') || differences.length || notUser)
        exitWith(1);
    });
}
