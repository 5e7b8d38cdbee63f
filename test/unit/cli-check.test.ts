import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWithCli } from '../helpers/cli';
import { cliInProcess } from '../helpers/cli-in-process';
import { fakeVonageEnv, startFakeVonage, type FakeVonage } from '../helpers/fake-vonage';
import { makeRsaKeys, type RsaKeys } from '../helpers/keys';
import { makeDataDir } from '../helpers/services';

/** `keydesk check` as a user runs it, against the local fake of Vonage. */
const dataDir = makeDataDir();
const appId = 'aaaaaaaa-bbbb-4ccc-8ddd-000000000001';
let fake: FakeVonage;
let keys: RsaKeys;
let keydesk: ReturnType<typeof cliInProcess>;

beforeAll(async () => {
  keys = makeRsaKeys();
  fake = await startFakeVonage();
  keydesk = cliInProcess(dataDir, fakeVonageEnv(fake));
  fake.accounts.set('acme0001', { apiKey: 'acme0001', secret: 'right-Secret', balance: 3.2 });
  fake.applications.set(appId, {
    id: appId,
    apiKey: 'acme0001',
    name: 'Voice (dashboard)',
    capabilities: { voice: {} },
    publicKey: keys.spki,
  });
  await seedWithCli(keydesk, dataDir, {
    accounts: [{ name: 'Acme', apiKey: 'acme0001', secret: 'right-Secret' }],
    apps: [{ account: 'Acme', id: appId, name: 'Voice', pem: keys.pkcs8 }],
  });
});
afterAll(async () => {
  await fake?.close();
});

describe('keydesk check', () => {
  it('exits 0 when all are OK, printing a table or JSON', async () => {
    const all = await keydesk(['check', '--all']);
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/^NAME\s+KIND\s+ACCOUNT\s+RESULT\s+WHAT$/m);
    expect(all.stdout).toMatch(
      /^Acme\s+account\s+Acme\s+OK\s+The key and secret work: balance 3\.20/m,
    );
    const json = JSON.parse((await keydesk(['check', 'Voice', '--json'])).stdout) as Record<
      string,
      unknown
    >[];
    expect(json).toEqual([
      expect.objectContaining({
        kind: 'application',
        id: appId,
        name: 'Voice',
        account: 'Acme',
        ok: true,
        code: 'OK',
      }),
    ]);
  });

  it('exits 1 with the code and what to do when one is not OK', async () => {
    const account = fake.accounts.get('acme0001');
    if (account) account.secret = 'rotated';
    const result = await keydesk(['check', 'Acme', 'Voice', '--json']);
    expect(result.code).toBe(1);
    expect((JSON.parse(result.stdout) as { code: string }[]).map((r) => r.code)).toEqual([
      'AUTH_FAILED',
      'AUTH_FAILED',
    ]);
    if (account) account.secret = 'right-Secret';
  });

  it('apps sync lists the dashboard against the vault, as a table or JSON', async () => {
    const table = await keydesk(['apps', 'sync', 'Acme']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(
      new RegExp(`^${appId}\\s+Voice\\s+stored\\s+matches\\s+Voice \\(dashboard\\)\\s+voice$`, 'm'),
    );
    const json = JSON.parse((await keydesk(['apps', 'sync', 'Acme', '--json'])).stdout) as {
      applications: { id: string; state: string; keyMatches?: boolean }[];
    };
    expect(json.applications).toEqual([
      expect.objectContaining({ id: appId, state: 'stored', keyMatches: true }),
    ]);
    expect((await keydesk(['apps', 'show', 'Voice'])).stdout).toContain(
      'Dashboard:       "Voice (dashboard)" (voice;',
    );
  });

  it('refuses a bad concurrency, and names and --all together', async () => {
    expect(await keydesk(['check', '--all', '--concurrency', '99'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--concurrency'),
    });
    expect(await keydesk(['check', 'Acme', '--all'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('not both'),
    });
  });
});
