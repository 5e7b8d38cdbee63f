import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertCliBuilt, cliRunnerAsync, seedWithCli } from '../helpers/cli';
import { fakeVonageEnv, startFakeVonage, type FakeVonage } from '../helpers/fake-vonage';
import { createTestKeychain } from '../helpers/keychain';
import { makeDataDir } from '../helpers/services';

/**
 * `keydesk accounts secrets | rotate-secret | revoke-secret` and `keydesk subaccounts`, as a user
 * runs them; and a rotation killed at each of its requests to Vonage.
 */
const keychain = createTestKeychain();
const dataDir = makeDataDir();
let fake: FakeVonage;
let keydesk: ReturnType<typeof cliRunnerAsync>;
const first = 'first-Secret1';

beforeAll(async () => {
  assertCliBuilt();
  fake = await startFakeVonage();
  keydesk = cliRunnerAsync(dataDir, keychain.service, fakeVonageEnv(fake));
  fake.accounts.set('acme0001', { apiKey: 'acme0001', secret: first, balance: 1, name: 'Acme' });
  await seedWithCli(keydesk, dataDir, {
    accounts: [{ name: 'Acme', apiKey: 'acme0001', secret: first }],
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

const acme = () => fake.accounts.get('acme0001') ?? ({} as never);
const storedSecret = async () => (await keydesk(['accounts', 'secret', 'Acme'])).stdout.trim();
/** The stored secret is one Vonage accepts (a balance check with Basic auth). */
const storedWorks = async () => (await keydesk(['check', 'Acme'])).code === 0;

describe('keydesk accounts rotate-secret', () => {
  it('refuses without a terminal or --yes, then rotates and lists the held secret', async () => {
    const refused = await keydesk(['accounts', 'rotate-secret', 'Acme']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Not rotating a secret without confirmation: pass --yes');
    expect(fake.requests.filter((r) => r.method !== 'GET')).toEqual([]);

    const rotated = await keydesk(['accounts', 'rotate-secret', 'Acme', '--yes']);
    expect(rotated.code).toBe(0);
    expect(rotated.stderr).toMatch(/Rotated the API secret of "Acme".*is revoked/);
    expect(await storedWorks()).toBe(true);
    expect(fake.secretsOf(acme()).map((s) => s.value)).toEqual([await storedSecret()]);
    const listed = await keydesk(['accounts', 'secrets', 'Acme']);
    expect(listed.stdout.trim()).toMatch(/^SECRET ID +CREATED +KEYDESK\n\S+ +\S+ +holds this one$/);
  });

  it('a failed revocation exits 1, saying the old secret still works', async () => {
    fake.fail({ kind: 'status', status: 500, method: 'DELETE' });
    const run = await keydesk(['accounts', 'rotate-secret', 'Acme', '--yes']);
    fake.fail(undefined);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/revoking the previous one failed: it still works/);
    expect(await storedWorks()).toBe(true);
    const other = fake.secretsOf(acme()).find((s) => s.value !== undefined && s.id !== undefined);
    const json = JSON.parse((await keydesk(['accounts', 'secrets', 'Acme', '--json'])).stdout) as {
      secrets: { id: string; held: boolean }[];
    };
    const old = json.secrets.find((s) => !s.held)?.id ?? '';
    expect(other).toBeDefined();
    const refused = await keydesk(['accounts', 'rotate-secret', 'Acme', '--yes']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('already has two API secrets');
    expect(refused.stderr).toContain(old);
    const revoked = await keydesk(['accounts', 'revoke-secret', 'Acme', old, '--yes']);
    expect(revoked.code).toBe(0);
    expect(fake.secretsOf(acme())).toHaveLength(1);
  });

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
      // Back to one secret at Vonage for the next step.
      const held = JSON.parse(
        (await keydesk(['accounts', 'secrets', 'Acme', '--json'])).stdout,
      ) as {
        secrets: { id: string; held: boolean }[];
      };
      for (const s of held.secrets.filter((x) => !x.held)) {
        expect((await keydesk(['accounts', 'revoke-secret', 'Acme', s.id, '--yes'])).code).toBe(0);
      }
      fake.requests.length = 0;
    }
    // Some 25 runs of the CLI: on the vault file each pays the passphrase's scrypt.
  }, 180_000);
});

describe('keydesk subaccounts', () => {
  it('lists, creates (stored at once), and imports with the secret on stdin', async () => {
    fake.accounts.set('sub00001', {
      apiKey: 'sub00001',
      secret: 'sub-Secret-001',
      balance: 3,
      name: 'Branch A',
      primary: 'acme0001',
      ownBalance: true,
    });
    const created = await keydesk(['subaccounts', 'create', 'Acme', '--name', 'Branch B']);
    expect(created.code).toBe(0);
    expect(created.stderr).toContain('Created subaccount "Branch B"');
    const imported = await keydesk(['subaccounts', 'import', 'Acme', 'sub00001'], {
      stdin: 'sub-Secret-001\n',
    });
    expect(imported.code).toBe(0);
    const list = await keydesk(['subaccounts', 'list', 'Acme']);
    expect(list.stdout).toMatch(/sub00001 +Branch A +3\.00 +active +Branch A/);
    expect(list.stdout).toMatch(/Branch B +primary's +active +Branch B/);
    const show = JSON.parse((await keydesk(['accounts', 'show', 'Branch A', '--json'])).stdout) as {
      primary: { name: string };
    };
    expect(show.primary.name).toBe('Acme');
    const wrong = await keydesk(['subaccounts', 'import', 'Acme', 'sub00001', 'sub00002'], {
      stdin: 'only-one-Secret1\n',
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('one API secret per subaccount');
  });
});
