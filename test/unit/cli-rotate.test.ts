import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedWithCli } from '../helpers/cli';
import { cliInProcess } from '../helpers/cli-in-process';
import { fakeVonageEnv, startFakeVonage, type FakeVonage } from '../helpers/fake-vonage';
import { makeRsaKeys, type RsaKeys } from '../helpers/keys';
import { makeDataDir } from '../helpers/services';

/** `keydesk apps rotate-key` and `apps add --upload` (a crash half-way: cli-killed.test.ts). */
const dataDir = makeDataDir();
const appId = 'aaaaaaaa-bbbb-4ccc-8ddd-0000000000c1';
const missingId = 'aaaaaaaa-bbbb-4ccc-8ddd-0000000000c2';
let fake: FakeVonage;
let keys: RsaKeys;
let keydesk: ReturnType<typeof cliInProcess>;

beforeAll(async () => {
  keys = makeRsaKeys();
  fake = await startFakeVonage();
  keydesk = cliInProcess(dataDir, fakeVonageEnv(fake));
  fake.accounts.set('acme0001', { apiKey: 'acme0001', secret: 's3cret', balance: 1 });
  for (const [id, name] of [
    [appId, 'Voice (dashboard)'],
    [missingId, 'Bot (dashboard)'],
  ] as const) {
    fake.applications.set(id, {
      id,
      apiKey: 'acme0001',
      name,
      capabilities: { voice: {} },
      publicKey: keys.spki,
    });
  }
  await seedWithCli(keydesk, dataDir, {
    accounts: [{ name: 'Acme', apiKey: 'acme0001', secret: 's3cret' }],
    apps: [{ account: 'Acme', id: appId, name: 'Voice', pem: keys.pkcs8 }],
  });
});
beforeEach(() => {
  fake.fail(undefined);
  fake.requests.length = 0;
});
afterAll(async () => {
  await fake.close();
});

const fingerprint = async () =>
  (JSON.parse((await keydesk(['apps', 'show', appId, '--json'])).stdout) as { fingerprint: string })
    .fingerprint;

describe('keydesk apps rotate-key', () => {
  it('asks for --yes without a terminal, then rotates and prints the new fingerprint', async () => {
    const before = await fingerprint();
    const refused = await keydesk(['apps', 'rotate-key', 'Voice']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/Not rotating a key without confirmation: pass --yes/);
    expect(fake.requests).toEqual([]);

    const rotated = await keydesk(['apps', 'rotate-key', 'Voice', '--yes']);
    expect(rotated.stderr).toMatch(/Rotated the key of "Voice"/);
    expect(rotated.code).toBe(0);
    const after = await fingerprint();
    expect(after).not.toBe(before);
    expect(rotated.stdout).toBe(`Fingerprint: ${after}\n`);
    const check = await keydesk(['check', 'Voice', '--json']);
    expect(JSON.parse(check.stdout)).toMatchObject([{ code: 'OK' }]);
  });
});

describe('keydesk apps add --generate-key --upload', () => {
  it('needs --generate-key, then adds and uploads', async () => {
    const add = ['apps', 'add', '--account', 'Acme', '--id', missingId, '--name', 'Bot'];
    const wrong = await keydesk([...add, '--upload', '--key-file', 'x.pem']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(
      /--upload sends a new key pair's public half: use it with --generate-key/,
    );
    const added = await keydesk([...add, '--generate-key', '--upload', '--json']);
    expect(added.code).toBe(0);
    const change = JSON.parse(added.stdout) as { application: { publicKeyPem: string } };
    expect(change.application).toMatchObject({ id: missingId, name: 'Bot', pendingKey: null });
    const sync = JSON.parse((await keydesk(['apps', 'sync', 'Acme', '--json'])).stdout) as {
      applications: { id: string; state: string; keyMatches?: boolean }[];
    };
    expect(sync.applications.find((a) => a.id === missingId)).toMatchObject({
      state: 'stored',
      keyMatches: true,
    });
  });
});
