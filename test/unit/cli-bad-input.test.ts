import { beforeAll, describe, expect, it } from 'vitest';
import { cliInProcess } from '../helpers/cli-in-process';
import { makeDataDir } from '../helpers/services';
import { tally } from '../helpers/tally';

const dataDir = makeDataDir();
const keydesk = cliInProcess(dataDir);

beforeAll(async () => {
  expect(
    (
      await keydesk(['accounts', 'add', '--name', 'Acme', '--api-key', 'abcd1234'], {
        stdin: 'acme-secret\n',
      })
    ).code,
  ).toBe(0);
});

/** Every command, fed something wrong: a non-zero exit, one line on stderr saying what, nothing on stdout. */
const cases: [args: string[], message: RegExp, stdin?: string][] = [
  [
    ['accounts', 'add', '--name', 'Ac\u202Eme', '--api-key', 'ffff0000'],
    /--name: An account name cannot contain direction marks/,
    's\n',
  ],
  [
    ['accounts', 'add', '--name', 'Globex', '--api-key', 'bad key'],
    /--api-key: An API key is 4 to 64/,
    's\n',
  ],
  [['accounts', 'add', '--name', 'Globex'], /required option '--api-key/],
  [['accounts', 'show', 'Nobody'], /No account named "Nobody"/],
  [['accounts', 'remove', 'Nobody', '--yes'], /No account named "Nobody"/],
  [
    ['apps', 'add', '--account', 'Acme', '--id', 'not-a-uuid', '--name', 'Voice', '--generate-key'],
    /--id: An application id is a UUID/,
  ],
  [
    [
      'apps',
      'add',
      '--account',
      'Acme',
      '--id',
      'aaaaaaaa-bbbb-cccc-dddd-0123456789ab',
      '--name',
      'Voice',
    ],
    /exactly one of --key-file PATH, --key-stdin or --generate-key/,
  ],
  [
    [
      'apps',
      'add',
      '--account',
      'Acme',
      '--id',
      'aaaaaaaa-bbbb-cccc-dddd-0123456789ab',
      '--name',
      'Voice',
      '--key-file',
      '/nonexistent/key.pem',
    ],
    /Cannot read \/nonexistent\/key.pem: no such file/,
  ],
  [
    [
      'apps',
      'add',
      '--account',
      'Acme',
      '--id',
      'aaaaaaaa-bbbb-cccc-dddd-0123456789ab',
      '--name',
      'Voice',
      '--key-stdin',
    ],
    /the private key: .*(not a private key|no PEM|Paste a private key)/i,
    'hello\n',
  ],
  [['apps', 'show', 'Nope'], /No application named or with id "Nope"/],
  [['apps', 'public-key', 'bbbbbbbb-bbbb-cccc-dddd-0123456789ab'], /No application with id/],
  [['import', '/nonexistent/.nexmorc'], /Cannot read \/nonexistent\/.nexmorc: no such file/],
  [['jwt', 'Nope'], /APP: No application named or with id "Nope"/],
  [['jwt', 'Nope', '--ttl', 'forever'], /"forever" is not a duration/],
  [['decode', 'not-a-token'], /TOKEN: A JWT has three parts/],
  [['history', '--limit', '-1'], /--limit: give a whole number from 1 to 1,000,000/],
  [['history', '--since', 'tomorrow'], /--since: "tomorrow" is neither a time/],
  [
    ['oauth', 'consumer', 'add', '--account', 'Acme', '--key', 'k', '--base-url', 'not a url'],
    /--base-url: Enter an http\(s\) URL/,
    's\n',
  ],
  [['oauth', 'consumer', 'remove', 'nope', '--yes'], /no OAuth consumer with key "nope"/],
  [['oauth', 'login', 'Acme', '--no-browser'], /Account "Acme" has no OAuth consumer/],
  [['oauth', 'login', 'Acme', '--timeout', 'ten'], /give a whole number of seconds from 5 to 3600/],
  [['oauth', 'sign', 'Acme', 'GET', 'ftp://x'], /URL: Enter an http\(s\) URL/],
  [['oauth', 'forget', 'nope'], /no access token with id or label "nope"/],
  [['no-such-command'], /unknown command 'no-such-command'/],
];

describe('every CLI command refuses bad input clearly', () => {
  it.each(cases)('keydesk %j', async (args, message, stdin) => {
    tally('bad inputs tried');
    const result = await keydesk(args, stdin === undefined ? {} : { stdin });
    expect(result.code, result.stderr).not.toBe(0);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('and the vault is as it was', async () => {
    expect(
      JSON.parse((await keydesk(['accounts', 'list', '--json'])).stdout).map(
        (a: { name: string }) => a.name,
      ),
    ).toEqual(['Acme']);
    expect(JSON.parse((await keydesk(['apps', 'list', '--json'])).stdout)).toEqual([]);
  });
});
