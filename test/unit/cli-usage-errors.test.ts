import { describe, expect, it } from 'vitest';
import { cliInProcess } from '../helpers/cli-in-process';
import { makeDataDir } from '../helpers/services';

const keydesk = cliInProcess(makeDataDir());

/** Every usage error: "keydesk: …" on one line, exit 2, nothing on stdout. */
async function expectUsageError(args: string[], message: RegExp) {
  const result = await keydesk(args);
  expect(result.code, args.join(' ')).toBe(2);
  expect(result.stdout, args.join(' ')).toBe('');
  expect(result.stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
  expect(result.stderr, args.join(' ')).toMatch(/^keydesk: /);
  expect(result.stderr, args.join(' ')).not.toMatch(/^error: /m);
  expect(result.stderr, args.join(' ')).toMatch(message);
}

describe('usage errors look like every other Keydesk error', () => {
  it('a mistyped option is called unknown, with the option meant, not a missing one', async () => {
    await expectUsageError(
      ['apps', 'add', '--acount', 'Acme', '--id', 'x', '--name', 'y', '--generate-key'],
      /unknown option '--acount' \(did you mean --account\?\) \(run "keydesk apps add --help" for usage\)/,
    );
    await expectUsageError(
      ['jwt', 'Voice', '--tll', '5m'],
      /unknown option '--tll' \(did you mean --ttl\?\)/,
    );
  });

  it('unknown commands, missing arguments and missing options', async () => {
    await expectUsageError(['bogus'], /unknown command 'bogus'/);
    await expectUsageError(['jwt'], /Name the application, or set a default: "keydesk use APP"/);
    await expectUsageError(
      ['accounts', 'add', '--name', 'Acme'],
      /required option '--api-key <key>'/,
    );
  });

  it('history --limit: the same documented bounds with and without --csv, out of range said so', async () => {
    for (const extra of [[], ['--csv'], ['--json']]) {
      await expectUsageError(
        ['history', '--limit', '0', ...extra],
        /--limit: give a whole number from 1 to 1,000,000 \(0 is out of range\)/,
      );
      await expectUsageError(['history', '--limit', '1000001', ...extra], /out of range/);
      await expectUsageError(
        ['history', '--limit', 'ten', ...extra],
        /"ten" is not a whole number/,
      );
      expect((await keydesk(['history', '--limit', '1000', ...extra])).code).toBe(0);
    }
    expect((await keydesk(['history', '--help'])).stdout).toMatch(/1 to 1,000,000/);
  });

  it('a number out of range says so', async () => {
    await expectUsageError(
      ['oauth', 'login', 'Acme', '--timeout', '2'],
      /--timeout.*from 5 to 3600 \(2 is out of range\)/,
    );
  });

  it('help and version are not errors', async () => {
    expect(await keydesk(['--version'])).toMatchObject({ code: 0, stderr: '' });
    expect(await keydesk(['apps', '--help'])).toMatchObject({ code: 0, stderr: '' });
  });
});
