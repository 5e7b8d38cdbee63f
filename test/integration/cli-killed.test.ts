import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertCliBuilt, cliRunnerAsync, seedWithCli } from '../helpers/cli';
import { fakeVonageEnv, startFakeVonage, type FakeVonage } from '../helpers/fake-vonage';
import { createTestKeychain } from '../helpers/keychain';
import { makeRsaKeys, type RsaKeys } from '../helpers/keys';
import { makeDataDir } from '../helpers/services';

/**
 * The built CLI killed (SIGKILL) while Vonage holds one of its requests: a key rotation during
 * its upload, a secret rotation at each of its requests. The next run finds the vault and the
 * keychain as the killed one left them, and doctor settles it with Vonage. Only a real process
 * can be killed half-way; everything else these commands do is tested as units
 * (unit/cli-rotate, unit/cli-secrets).
 */
const keychain = createTestKeychain();
const dataDir = makeDataDir();
const appId = 'aaaaaaaa-bbbb-4ccc-8ddd-0000000000c1';
const first = 'first-Secret1';
let fake: FakeVonage;
let keys: RsaKeys;
let keydesk: ReturnType<typeof cliRunnerAsync>;

beforeAll(async () => {
  assertCliBuilt();
  keys = makeRsaKeys();
  fake = await startFakeVonage();
  keydesk = cliRunnerAsync(dataDir, keychain.service, fakeVonageEnv(fake));
  fake.accounts.set('acme0001', { apiKey: 'acme0001', secret: first, balance: 1, name: 'Acme' });
  fake.applications.set(appId, {
    id: appId,
    apiKey: 'acme0001',
    name: 'Voice (dashboard)',
    capabilities: { voice: {} },
    publicKey: keys.spki,
  });
  await seedWithCli(keydesk, dataDir, {
    accounts: [{ name: 'Acme', apiKey: 'acme0001', secret: first }],
    apps: [{ account: 'Acme', id: appId, name: 'Voice', pem: keys.pkcs8 }],
  });
});
beforeEach(() => {
  fake.fail(undefined);
  fake.holdRequest(undefined);
  fake.requests.length = 0;
});
afterAll(async () => {
  await fake.close();
  await keychain.clear();
});

const fingerprint = async () =>
  (JSON.parse((await keydesk(['apps', 'show', appId, '--json'])).stdout) as { fingerprint: string })
    .fingerprint;
/** The stored secret is one Vonage accepts (a balance check with Basic auth). */
const storedWorks = async () => (await keydesk(['check', 'Acme'])).code === 0;

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

describe('keydesk apps rotate-key killed during the upload', () => {
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

describe('keydesk accounts rotate-secret killed', () => {
  it('killed at each request to Vonage, the stored secret works; doctor --fix settles it', async () => {
    // 1: the list before any change; 2: adding the new secret (held: never applied);
    // 3: proving it (the add was applied); 4: revoking the old one (held: not applied).
    for (const step of [1, 2, 3, 4]) {
      fake.holdRequest(step);
      const run = await keydesk(['accounts', 'rotate-secret', 'Acme', '--yes'], {
        onSpawn: (child) => {
          const poll = setInterval(() => {
            if (fake.requests.length >= step) {
              clearInterval(poll);
              // The held request arrived; give it a moment to be the one waiting, then kill.
              setTimeout(() => child.kill('SIGKILL'), 100);
            }
          }, 10);
        },
      });
      expect(run.code).toBeNull();
      fake.holdRequest(undefined);
      expect(await storedWorks()).toBe(true);
      const doctor = await keydesk(['doctor', '--fix']);
      expect(doctor.stdout).not.toMatch(/Needs you/);
      expect(await storedWorks()).toBe(true);
      expect((await keydesk(['doctor'])).code).toBe(0);
      // Back to one secret at Vonage for the next step: every one but the stored (the fake knows
      // their values; Keydesk may not know which id it holds when its secret was pasted).
      const stored = (await keydesk(['accounts', 'secret', 'Acme'])).stdout.trim();
      const account = fake.accounts.get('acme0001') ?? ({} as never);
      for (const other of fake.secretsOf(account).filter((x) => x.value !== stored)) {
        const revoked = await keydesk(['accounts', 'revoke-secret', 'Acme', other.id, '--yes']);
        expect(revoked.stderr).toContain('Revoked API secret');
      }
      expect(fake.secretsOf(account).map((x) => x.value)).toEqual([stored]);
      fake.requests.length = 0;
    }
    // Some 25 runs of the CLI: on the vault file each pays the passphrase's scrypt.
  }, 180_000);
});
