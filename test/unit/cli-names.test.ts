import { beforeAll, describe, expect, it } from 'vitest';
import { seedWithCli } from '../helpers/cli';
import { cliInProcess } from '../helpers/cli-in-process';
import { makeRsaKeys } from '../helpers/keys';
import { makeDataDir } from '../helpers/services';

/** Two accounts with an application named alike: `--account` picks, a typo gets a suggestion. */
const dataDir = makeDataDir();
const keydesk = cliInProcess(dataDir);
const acmeApp = 'aaaaaaaa-bbbb-4ccc-8ddd-000000000001';
const globexApp = 'aaaaaaaa-bbbb-4ccc-8ddd-000000000002';

beforeAll(async () => {
  const pem = makeRsaKeys().pkcs8;
  await seedWithCli(keydesk, dataDir, {
    accounts: [
      { name: 'Acme Corp', apiKey: 'acme0001', secret: 's3cret' },
      { name: 'Globex', apiKey: 'globex01', secret: 's3cret' },
    ],
    apps: [
      { account: 'Acme Corp', id: acmeApp, name: 'Voice bot', pem },
      { account: 'Globex', id: globexApp, name: 'Voice bot', pem },
    ],
  });
});

describe('names on the command line', () => {
  it('asks for --account when two applications share a name, and --account picks one', async () => {
    expect(await keydesk(['jwt', 'Voice bot'])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('Add --account NAME, or use the application id'),
    });
    const json = await keydesk(['jwt', 'Voice bot', '--account', 'globex', '--json']);
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
    expect(await keydesk(['jwt', acmeApp, '--account', 'Globex'])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('belongs to account "Acme Corp", not "Globex"'),
    });
  });

  it('suggests the closest names for a typo', async () => {
    expect((await keydesk(['jwt', 'Voice bt', '--account', 'Acme Corp'])).stderr).toContain(
      'No application named or with id "Voice bt" in account "Acme Corp". Did you mean "Voice bot"?',
    );
    expect((await keydesk(['accounts', 'show', 'Globx'])).stderr).toContain(
      'No account named "Globx". Did you mean "Globex"?',
    );
    expect((await keydesk(['accounts', 'show', 'Initech'])).stderr).toContain(
      '"keydesk accounts list" shows them',
    );
  });
});
