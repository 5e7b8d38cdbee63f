import { beforeEach, describe, expect, it } from 'vitest';
import type { ParsedInput } from '../../src/shared/contract';
import { secretRefs } from '../../src/core/keychain/keychain';
import { failingOnSet } from '../helpers/keychain';
import type { RsaKeys } from '../helpers/keys';
import { useTestVault } from '../helpers/vault-fixture';
import { openTestServices } from '../helpers/services';

const vaultFixture = useTestVault({ keychain: 'memory' });
const keychain = vaultFixture.keychain;
const appId = 'aaaaaaaa-bbbb-cccc-dddd-0123456789ab';
let keys: RsaKeys;
let env: ReturnType<typeof vaultFixture.env>;
beforeEach(() => {
  keys = vaultFixture.keys();
  env = vaultFixture.env();
});

const vault = () => env.services.vault;
/** Voice, with the test key, in the given account; a test overrides only what it is about. */
const voiceApp = (accountId: string, overrides: Partial<ParsedInput<'apps:create'>> = {}) => ({
  accountId,
  id: appId,
  name: 'Voice',
  key: { kind: 'pem' as const, pem: keys.pkcs8 },
  ...overrides,
});
const addAcme = () =>
  vault().accounts.create({ name: 'Acme', apiKey: 'abcd1234', apiSecret: 'acme-secret-1' });

describe('accounts in the keychain', () => {
  it('stores the secret in the keychain and only metadata in SQLite', async () => {
    const acme = await addAcme();
    expect(await env.services.keychain.get(secretRefs.apiSecret(acme.id))).toBe('acme-secret-1');
    expect(await vault().accounts.revealSecret(acme.id, 'apiSecret')).toBe('acme-secret-1');
    expect(JSON.stringify(env.services.db.prepare('SELECT * FROM accounts').all())).not.toContain(
      'acme-secret-1',
    );
  });

  it('refuses a second account with the same name in another case, or the same API key', async () => {
    await addAcme();
    await expect(
      vault().accounts.create({ name: 'ACME', apiKey: 'zzzz9999', apiSecret: 's' }),
    ).rejects.toMatchObject({ code: 'CONFLICT', field: 'name' });
    await expect(
      vault().accounts.create({ name: 'Other', apiKey: 'abcd1234', apiSecret: 's' }),
    ).rejects.toMatchObject({ code: 'CONFLICT', field: 'apiKey' });
    expect(vault().accounts.list()).toHaveLength(1);
  });

  it('edits, renames and rotates secrets; removing the signature secret deletes it', async () => {
    const acme = await vault().accounts.create({
      name: 'Acme',
      apiKey: 'abcd1234',
      apiSecret: 'old',
      signatureSecret: 'sig',
    });
    const updated = await vault().accounts.update({
      id: acme.id,
      name: 'Acme Ltd',
      apiSecret: 'new',
      color: 'teal',
      notes: 'VIP',
      signatureSecret: null,
    });
    expect(updated).toMatchObject({
      name: 'Acme Ltd',
      color: 'teal',
      notes: 'VIP',
      hasSignatureSecret: false,
    });
    expect(await env.services.keychain.get(secretRefs.apiSecret(acme.id))).toBe('new');
    expect(await env.services.keychain.get(secretRefs.signatureSecret(acme.id))).toBeNull();
  });

  it('searches by name, API key and application id', async () => {
    const acme = await addAcme();
    await vault().accounts.create({ name: 'Globex', apiKey: 'ffff0000', apiSecret: 's' });
    await vault().applications.create(voiceApp(acme.id));
    expect(
      vault()
        .accounts.list('glob')
        .map((a) => a.name),
    ).toEqual(['Globex']);
    expect(
      vault()
        .accounts.list('ffff')
        .map((a) => a.name),
    ).toEqual(['Globex']);
    expect(
      vault()
        .accounts.list('0123456789ab')
        .map((a) => a.name),
    ).toEqual(['Acme']);
    expect(vault().accounts.list('%')).toEqual([]);
  });

  it('leaves no account row behind when the keychain write fails', async () => {
    const broken = openTestServices(failingOnSet(keychain, 1));
    await expect(
      broken.services.vault.accounts.create({ name: 'Acme', apiKey: 'abcd1234', apiSecret: 's' }),
    ).rejects.toMatchObject({ code: 'KEYCHAIN_LOCKED' });
    expect(broken.services.vault.accounts.list()).toEqual([]);
    broken.dispose();
  });

  it('takes the API secret back out when the signature secret cannot be stored', async () => {
    const broken = openTestServices(failingOnSet(keychain, 2));
    await expect(
      broken.services.vault.accounts.create({
        name: 'Acme',
        apiKey: 'abcd1234',
        apiSecret: 's',
        signatureSecret: 'sig',
      }),
    ).rejects.toMatchObject({ code: 'KEYCHAIN_LOCKED' });
    expect(broken.services.vault.accounts.list()).toEqual([]);
    expect(await keychain.listRefs()).toEqual([]);
    broken.dispose();
  });

  it('removing an account removes its applications and every secret', async () => {
    const acme = await vault().accounts.create({
      name: 'Acme',
      apiKey: 'abcd1234',
      apiSecret: 's',
      signatureSecret: 'sig',
    });
    await vault().applications.create({
      accountId: acme.id,
      id: appId,
      name: 'Voice',
      key: { kind: 'generate' },
    });
    expect(await vault().accounts.remove(acme.id)).toEqual({ removedApplications: 1 });
    expect(await keychain.listRefs()).toEqual([]);
    expect(vault().applications.list()).toEqual([]);
  });
});

describe('applications and keys', () => {
  it('stores the key as PKCS#8 in the keychain, public key and fingerprint as metadata', async () => {
    const acme = await addAcme();
    const app = await vault().applications.create({
      accountId: acme.id,
      id: appId.toUpperCase(),
      name: 'Voice',
      key: { kind: 'pem', pem: keys.pkcs1 },
    });
    expect(app).toMatchObject({
      id: appId,
      accountName: 'Acme',
      keyBits: 2048,
      publicKeyPem: keys.spki,
    });
    expect(await vault().applications.exportPrivateKey(appId)).toBe(keys.pkcs8);
    const row = JSON.stringify(env.services.db.prepare('SELECT * FROM applications').all());
    expect(row).not.toContain(keys.pkcs8.split('\n')[1]);
  });

  it('rejects a bad key without storing the application', async () => {
    const acme = await addAcme();
    await expect(
      vault().applications.create(voiceApp(acme.id, { key: { kind: 'pem', pem: keys.spki } })),
    ).rejects.toMatchObject({ code: 'KEY_IS_PUBLIC', field: 'key.pem' });
    await expect(
      vault().applications.create(
        voiceApp(acme.id, { key: { kind: 'pem', pem: keys.pkcs8Encrypted('pw') } }),
      ),
    ).rejects.toMatchObject({ code: 'KEY_ENCRYPTED', field: 'key.passphrase' });
    expect(vault().applications.list()).toEqual([]);
    expect(await env.services.keychain.listRefs()).toEqual([secretRefs.apiSecret(acme.id)]);
  });

  it('refuses a duplicate id, a duplicate name in the account, and an unknown account', async () => {
    const acme = await addAcme();
    await vault().applications.create(voiceApp(acme.id));
    await expect(
      vault().applications.create(voiceApp(acme.id, { name: 'Other' })),
    ).rejects.toMatchObject({ code: 'CONFLICT', field: 'id' });
    await expect(
      vault().applications.create(
        voiceApp(acme.id, { id: 'aaaaaaaa-bbbb-cccc-dddd-000000000000', name: 'VOICE' }),
      ),
    ).rejects.toMatchObject({ code: 'CONFLICT', field: 'name' });
    await expect(
      vault().applications.create({
        accountId: 'nope',
        id: 'aaaaaaaa-bbbb-cccc-dddd-000000000000',
        name: 'X',
        key: { kind: 'pem', pem: keys.pkcs8 },
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'accountId' });
  });

  it('leaves no application row behind when the keychain write fails', async () => {
    const acme = await addAcme();
    const broken = openTestServices(failingOnSet(keychain, 1), { dataDir: env.dataDir });
    await expect(
      broken.services.vault.applications.create(voiceApp(acme.id)),
    ).rejects.toMatchObject({ code: 'KEYCHAIN_LOCKED' });
    expect(vault().applications.list()).toEqual([]);
    broken.services.close();
  });

  it('replaces a key, updates defaults, resolves by name, and removes with its key', async () => {
    const acme = await addAcme();
    await vault().applications.create(voiceApp(acme.id));
    const replaced = await vault().applications.replaceKey({
      id: appId,
      key: { kind: 'generate' },
    });
    expect(replaced.publicKeyPem).not.toBe(keys.spki);
    const updated = vault().applications.update({
      id: appId,
      name: 'Voice EU',
      jwtDefaults: { ttlSeconds: 300, sub: 'alice' },
    });
    expect(updated).toMatchObject({
      name: 'Voice EU',
      jwtDefaults: { ttlSeconds: 300, sub: 'alice' },
    });
    expect(vault().applications.resolve('voice eu').id).toBe(appId);
    await vault().applications.remove(appId);
    expect(await env.services.keychain.get(secretRefs.privateKey(appId))).toBeNull();
    expect(() => vault().applications.resolve(appId)).toThrow(/No application/);
  });
});

describe('doctor', () => {
  it('finds orphans both ways and repairs them with fix', async () => {
    const acme = await addAcme();
    const globex = await vault().accounts.create({
      name: 'Globex',
      apiKey: 'ffff0000',
      apiSecret: 's',
    });
    await vault().applications.create({
      accountId: acme.id,
      id: appId,
      name: 'Voice',
      key: { kind: 'generate' },
    });
    await env.services.keychain.set('account/ghost/apiSecret', 'left behind');
    await env.services.keychain.delete(secretRefs.privateKey(appId));
    await env.services.keychain.delete(secretRefs.apiSecret(globex.id));

    const report = await env.services.doctor(false);
    expect(report.orphanSecrets.map((o) => o.ref)).toEqual(['account/ghost/apiSecret']);
    expect(report.missingSecrets.map((m) => `${m.name}:${m.secret}`).sort()).toEqual([
      'Globex:apiSecret',
      'Voice:privateKey',
    ]);
    expect(report.repairs).toEqual([]);

    const fixed = await env.services.doctor(true);
    expect(fixed.repairs).toHaveLength(3);
    expect(
      vault()
        .accounts.list()
        .map((a) => a.name),
    ).toEqual(['Acme']);
    expect(vault().applications.list()).toEqual([]);
    const again = await env.services.doctor(false);
    expect(again.orphanSecrets.length + again.missingSecrets.length).toBe(0);
  });

  it('does not remove an account whose applications still hold keys', async () => {
    const acme = await addAcme();
    await vault().applications.create({
      accountId: acme.id,
      id: appId,
      name: 'Voice',
      key: { kind: 'generate' },
    });
    await env.services.keychain.delete(secretRefs.apiSecret(acme.id));
    const report = await env.services.doctor(true);
    expect(report.needsAttention[0]).toMatch(/Acme.*lost its API secret.*1 application/);
    expect(vault().accounts.list()).toHaveLength(1);
    expect(await env.services.keychain.get(secretRefs.privateKey(appId))).not.toBeNull();
  });
});
