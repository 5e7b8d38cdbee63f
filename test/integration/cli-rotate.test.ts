import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertCliBuilt, cliRunnerAsync, seedWithCli } from '../helpers/cli';
import { fakeVonageEnv, startFakeVonage, type FakeVonage } from '../helpers/fake-vonage';
import { createTestKeychain } from '../helpers/keychain';
import { makeRsaKeys, type RsaKeys } from '../helpers/keys';
import { makeDataDir } from '../helpers/services';

/** `keydesk apps rotate-key`, `apps add --upload` and a crash half-way, as a user meets them. */
const keychain = createTestKeychain();
const dataDir = makeDataDir();
const appId = 'aaaaaaaa-bbbb-4ccc-8ddd-0000000000c1';
const missingId = 'aaaaaaaa-bbbb-4ccc-8ddd-0000000000c2';
let fake: FakeVonage;
let keys: RsaKeys;
let keydesk: ReturnType<typeof cliRunnerAsync>;

beforeAll(async () => {
  assertCliBuilt();
  keys = makeRsaKeys();
  fake = await startFakeVonage();
  keydesk = cliRunnerAsync(dataDir, keychain.service, fakeVonageEnv(fake));
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
  await keychain.clear();
});

const fingerprint = async () =>
  (JSON.parse((await keydesk(['apps', 'show', appId, '--json'])).stdout) as { fingerprint: string })
    .fingerprint;

/** Starts a rotation, waits until its upload reached the fake (which never answers), kills it. */
async function rotationKilledDuringUpload(): Promise<void> {
  const run = keydesk(['apps', 'rotate-key', 'Voice', '--yes'], {
    onSpawn: (child) => {
      const poll = setInterval(() => {
        if (fake.requests.some((r) => r.method === 'PUT')) {
          clearInterval(poll);
          child.kill('SIGKILL');
        }
      }, 20);
    },
  });
  const killed = await run;
  expect(killed.code).toBeNull();
}

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

  it('after a crash during the upload: doctor explains, and --fix finishes by asking Vonage', async () => {
    const before = await fingerprint();
    // Vonage applied the new key, but the process died before hearing so.
    fake.fail({ kind: 'hang', method: 'PUT', applied: true });
    await rotationKilledDuringUpload();
    fake.fail(undefined);
    const doctor = await keydesk(['doctor']);
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toMatch(/Unfinished key rotation: "Voice" \(.*\) since /);
    expect(doctor.stdout).not.toMatch(/Orphan secret/);
    // Still signing with the previous key until it is settled.
    expect(await fingerprint()).toBe(before);
    const fixed = await keydesk(['doctor', '--fix']);
    expect(fixed.stdout).toMatch(
      /Fixed: Vonage has the new key of "Voice": Keydesk now signs with it/,
    );
    expect(fixed.code).toBe(0);
    expect(await fingerprint()).not.toBe(before);
    expect(JSON.parse((await keydesk(['check', 'Voice', '--json'])).stdout)).toMatchObject([
      { code: 'OK' },
    ]);
  });

  it('after a crash before Vonage took it, --fix keeps the previous key', async () => {
    const before = await fingerprint();
    fake.fail({ kind: 'hang', method: 'PUT' });
    await rotationKilledDuringUpload();
    fake.fail(undefined);
    const fixed = await keydesk(['doctor', '--fix']);
    expect(fixed.stdout).toMatch(/Fixed: Vonage kept the previous key of "Voice"/);
    expect(await fingerprint()).toBe(before);
    expect((await keydesk(['doctor'])).stdout).toMatch(/agree\. Nothing to fix/);
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
