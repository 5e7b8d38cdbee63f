import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedWithCli } from '../helpers/cli';
import { cliInProcess } from '../helpers/cli-in-process';
import { fakeVonageEnv, startFakeVonage, type FakeVonage } from '../helpers/fake-vonage';
import { makeDataDir } from '../helpers/services';

/**
 * `keydesk accounts secrets | rotate-secret | revoke-secret` and `keydesk subaccounts`, as a user
 * runs them (a rotation killed half-way: cli-killed.test.ts).
 */
const dataDir = makeDataDir();
let fake: FakeVonage;
let keydesk: ReturnType<typeof cliInProcess>;
const first = 'first-Secret1';

beforeAll(async () => {
  fake = await startFakeVonage();
  keydesk = cliInProcess(dataDir, fakeVonageEnv(fake));
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
