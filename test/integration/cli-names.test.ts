import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, cliRunner } from '../helpers/cli';
import { createTestKeychain } from '../helpers/keychain';
import { makeRsaKeys } from '../helpers/keys';
import { makeDataDir } from '../helpers/services';

/** Two accounts with an application named alike: `--account` picks, a typo gets a suggestion. */
const keychain = createTestKeychain();
const dataDir = makeDataDir();
const keydesk = cliRunner(dataDir, keychain.service);
const acmeApp = 'aaaaaaaa-bbbb-4ccc-8ddd-000000000001';
const globexApp = 'aaaaaaaa-bbbb-4ccc-8ddd-000000000002';

beforeAll(() => {
  assertCliBuilt();
  const keyFile = join(dataDir, 'private.key');
  writeFileSync(keyFile, makeRsaKeys().pkcs8);
  for (const [account, apiKey, id] of [
    ['Acme Corp', 'acme0001', acmeApp],
    ['Globex', 'globex01', globexApp],
  ] as const) {
    expect(
      keydesk(['accounts', 'add', '--name', account, '--api-key', apiKey], { stdin: 's3cret' })
        .code,
    ).toBe(0);
    expect(
      keydesk([
        'apps',
        'add',
        '--account',
        account,
        '--id',
        id,
        '--name',
        'Voice bot',
        '--key-file',
        keyFile,
      ]).code,
    ).toBe(0);
  }
});
afterAll(() => keychain.clear());

describe('names on the command line', () => {
  it('asks for --account when two applications share a name, and --account picks one', () => {
    expect(keydesk(['jwt', 'Voice bot'])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('Add --account NAME, or use the application id'),
    });
    const json = keydesk(['jwt', 'Voice bot', '--account', 'globex', '--json']);
    expect(json.code).toBe(0);
    const minted = JSON.parse(json.stdout) as {
      token: string;
      header: object;
      claims: { application_id: string; exp: number };
      expiresAt: string;
    };
    expect(minted.claims.application_id).toBe(globexApp);
    expect(minted.header).toEqual({ alg: 'RS256', typ: 'JWT' });
    expect(minted.expiresAt).toBe(new Date(minted.claims.exp * 1000).toISOString());
    expect(minted.token.split('.')).toHaveLength(3);
    expect(keydesk(['jwt', acmeApp, '--account', 'Globex'])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('belongs to account "Acme Corp", not "Globex"'),
    });
  });

  it('suggests the closest names for a typo', () => {
    expect(keydesk(['jwt', 'Voice bt', '--account', 'Acme Corp']).stderr).toContain(
      'No application named or with id "Voice bt" in account "Acme Corp". Did you mean "Voice bot"?',
    );
    expect(keydesk(['accounts', 'show', 'Globx']).stderr).toContain(
      'No account named "Globx". Did you mean "Globex"?',
    );
    expect(keydesk(['accounts', 'show', 'Initech']).stderr).toContain(
      '"keydesk accounts list" shows them',
    );
  });
});
