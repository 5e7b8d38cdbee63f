import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Channel } from '../../src/shared/contract';
import { contractCaller } from '../helpers/contract-caller';
import { makeRsaKeys, type RsaKeys } from '../helpers/keys';
import { useTestVault } from '../helpers/vault-fixture';

const vaultFixture = useTestVault({ keychain: 'memory' });
const appId = 'aaaaaaaa-bbbb-cccc-dddd-0123456789ab';
let keys: RsaKeys;
let env: ReturnType<typeof vaultFixture.env>;
beforeEach(() => {
  keys = vaultFixture.keys();
  env = vaultFixture.env();
});

const { call, ok } = contractCaller(() => env.invoke);
const tableCounts = () => ({
  accounts: env.services.db.prepare('SELECT count(*) AS n FROM accounts').get(),
  applications: env.services.db.prepare('SELECT count(*) AS n FROM applications').get(),
});

describe('the contract rejects bad input with the field at fault, storing nothing', () => {
  it.each([
    [{ name: '', apiKey: 'abcd1234', apiSecret: 's' }, 'name', /Enter a name/],
    [{ name: 'x'.repeat(101), apiKey: 'abcd1234', apiSecret: 's' }, 'name', /at most 100/],
    [{ name: 'Acme', apiKey: 'ab cd', apiSecret: 's' }, 'apiKey', /4 to 64 letters/],
    [{ name: 'Acme', apiKey: 'abcd1234', apiSecret: '' }, 'apiSecret', /Enter the API secret/],
    [{ name: 'Acme', apiKey: 'abcd1234', apiSecret: 'a\nb' }, 'apiSecret', /line breaks/],
    [{ name: 'Acme', apiKey: 'abcd1234', apiSecret: 's'.repeat(300) }, 'apiSecret', /at most 256/],
    [
      { name: 'Acme', apiKey: 'abcd1234', apiSecret: 's', color: 'plaid' },
      'color',
      /colour labels/,
    ],
    [
      { name: 'Acme', apiKey: 'abcd1234', apiSecret: 's', notes: 'n'.repeat(20_000) },
      'notes',
      /at most 10,000/,
    ],
    [{ name: 'Acme', apiKey: 'abcd1234', apiSecret: 's', admin: true }, '', /admin/],
  ])('accounts:create %#', async (input, field, message) => {
    const result = await call('accounts:create', input);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringMatching(message) },
    });
    if (field && !result.ok) expect(result.error.field).toBe(field);
    expect(tableCounts()).toEqual({ accounts: { n: 0 }, applications: { n: 0 } });
  });

  it('apps:create: a bad id, a bad TTL, a bad ACL, a huge key, a public key', async () => {
    const acme = await ok('accounts:create', { name: 'Acme', apiKey: 'abcd1234', apiSecret: 's' });
    const base = {
      accountId: acme.id,
      id: appId,
      name: 'Voice',
      key: { kind: 'pem', pem: keys.pkcs8 },
    };
    const cases: [unknown, string, RegExp][] = [
      [{ ...base, id: 'not-a-uuid' }, 'id', /UUID/],
      [
        { ...base, jwtDefaults: { ttlSeconds: 10 } },
        'jwtDefaults.ttlSeconds',
        /between 30 seconds and 24 hours .* too short/,
      ],
      [
        { ...base, jwtDefaults: { ttlSeconds: 90_000 } },
        'jwtDefaults.ttlSeconds',
        /between 30 seconds and 24 hours .* too long/,
      ],
      [
        { ...base, jwtDefaults: { acl: { kind: 'custom', acl: { paths: { 'v1/users': {} } } } } },
        'jwtDefaults.acl.acl.paths.v1/users',
        /starts with "\/"/,
      ],
      [
        {
          ...base,
          jwtDefaults: {
            acl: { kind: 'custom', acl: { paths: { '/v1/users/**': { methods: ['FETCH'] } } } },
          },
        },
        'jwtDefaults.acl.acl.paths./v1/users/**.methods.0',
        /ACL methods are GET/,
      ],
      [
        { ...base, jwtDefaults: { acl: { kind: 'preset', preset: 'admin' } } },
        'jwtDefaults.acl.preset',
        /presets are client-sdk and none/,
      ],
      [{ ...base, key: { kind: 'pem', pem: 'x'.repeat(70_000) } }, 'key.pem', /64 KiB/],
      [{ ...base, key: { kind: 'pem', pem: keys.spki } }, 'key.pem', /public key/],
      [{ ...base, key: { kind: 'upload' } }, 'key.kind', /./],
      [{ ...base, accountId: 'missing' }, 'accountId', /No account/],
    ];
    for (const [input, field, message] of cases) {
      const result = await call('apps:create', input);
      expect(result, JSON.stringify(result)).toMatchObject({
        ok: false,
        error: { field, message: expect.stringMatching(message) },
      });
    }
    expect(tableCounts().applications).toEqual({ n: 0 });
  });

  it('unknown ids get NOT_FOUND, an unknown channel is refused', async () => {
    expect(await call('accounts:get', { id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'id' },
    });
    expect(await call('apps:exportPrivateKey', { id: appId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await call('accounts:drop' as Channel, {})).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: /Unknown channel/ },
    });
  });
});

describe('the renderer flow over the keychain', () => {
  it('creates an account and application; secrets come back only through reveal and export', async () => {
    const acme = await ok('accounts:create', {
      name: 'Acme',
      apiKey: 'abcd1234',
      apiSecret: 'acme-s3cret',
      color: 'teal',
    });
    const app = await ok('apps:create', {
      accountId: acme.id,
      id: appId,
      name: 'Voice',
      key: { kind: 'pem', pem: keys.pkcs1 },
    });
    const detail = await ok('accounts:get', { id: acme.id });
    expect(detail.applications.map((a) => a.id)).toEqual([app.id]);
    expect(JSON.stringify(detail)).not.toContain('acme-s3cret');
    expect(await ok('accounts:revealSecret', { id: acme.id, which: 'apiSecret' })).toEqual({
      value: 'acme-s3cret',
    });
    expect((await ok('apps:exportPrivateKey', { id: appId })).pem).toBe(keys.pkcs8);
    expect(await ok('keys:inspect', { pem: keys.pkcs8 })).toMatchObject({
      bits: 2048,
      publicKeyPem: keys.spki,
    });
    expect(await ok('system:status', {})).toMatchObject({
      keychain: { state: 'ok' },
      dataDir: env.dataDir,
    });
  });
});

describe('import', () => {
  const folder = () => mkdtempSync(join(tmpdir(), 'keydesk-import-'));

  it('previews a .nexmorc, stores nothing until applied, then deduplicates', async () => {
    const input = {
      fileName: '.nexmorc',
      content: '[credentials]\napi_key = abcd1234\napi_secret = from-file\n',
      accountName: 'Acme',
    };
    const preview = await ok('import:preview', input);
    expect(preview).toMatchObject({
      format: 'nexmorc',
      hasChanges: true,
      items: [{ kind: 'account', action: 'create', name: 'Acme', apiKey: 'abcd1234' }],
    });
    expect(tableCounts().accounts).toEqual({ n: 0 });

    expect((await ok('import:apply', input)).items).toEqual([
      { kind: 'account', label: 'account "Acme" (abcd1234)', outcome: 'created' },
    ]);
    expect((await ok('import:preview', input)).items[0]).toMatchObject({ action: 'unchanged' });
    const rotated = await ok('import:preview', {
      ...input,
      content: input.content.replace('from-file', 'other'),
    });
    expect(rotated.items[0]).toMatchObject({
      action: 'conflict',
      note: expect.stringMatching(/stored secret is kept/),
    });
    await ok('import:apply', { ...input, content: input.content.replace('from-file', 'other') });
    const [acme] = await ok('accounts:list', {});
    expect(await ok('accounts:revealSecret', { id: acme?.id, which: 'apiSecret' })).toEqual({
      value: 'from-file',
    });
  });

  it('imports a .vonagerc holding an account and an application whose key is a relative path', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'private.key'), keys.pkcs8);
    writeFileSync(
      join(dir, '.vonagerc'),
      JSON.stringify({
        'api-key': 'abcd1234',
        'api-secret': 's',
        'app-id': appId,
        'private-key': 'private.key',
      }),
    );
    const input = { path: join(dir, '.vonagerc') };
    const result = await ok('import:applyFile', input);
    expect(result.items.map((i) => i.outcome)).toEqual(['created', 'created']);
    const [app] = await ok('apps:list', {});
    expect(app).toMatchObject({
      id: appId,
      // The file names no application: its project folder does.
      name: basename(dir),
      accountName: 'Account abcd1234',
      publicKeyPem: keys.spki,
    });
    expect((await ok('import:previewFile', input)).hasChanges).toBe(false);
  });

  it('names an application the file does not name after the file, never after its id', async () => {
    await ok('accounts:create', { name: 'Acme', apiKey: 'abcd1234', apiSecret: 's' });
    // An application id and a key, no name: as a dropped file, with no folder to go by.
    const content = JSON.stringify({ application_id: appId, private_key: keys.pkcs8 });
    const preview = (fileName: string) =>
      ok('import:preview', { fileName, content, accountName: 'Acme' }).then((p) => p.items[0]);
    const named = await preview('acme_voice.json');
    expect(named).toMatchObject({ kind: 'application', name: 'acme_voice' });
    const plain = await preview('vonage_app.json');
    expect(plain).toMatchObject({ name: 'Imported application' });
  });

  it('imports vonage_app.json into a named existing account, and matches a bare key by fingerprint', async () => {
    await ok('accounts:create', { name: 'Acme', apiKey: 'abcd1234', apiSecret: 's' });
    const content = JSON.stringify({
      application_name: 'Voice bot',
      application_id: appId,
      private_key: keys.pkcs1,
    });
    const withoutAccount = await ok('import:preview', { fileName: 'vonage_app.json', content });
    expect(withoutAccount.items[0]).toMatchObject({
      action: 'error',
      note: expect.stringMatching(/choose the account/),
    });
    await ok('import:apply', { fileName: 'vonage_app.json', content, accountName: 'acme' });
    expect(await ok('apps:get', { id: appId })).toMatchObject({
      name: 'Voice bot',
      accountName: 'Acme',
    });

    const bare = await ok('import:preview', { fileName: 'private.key', content: keys.pkcs8 });
    expect(bare.items[0]).toMatchObject({ action: 'unchanged', id: appId });
    const stranger = await ok('import:preview', {
      fileName: 'private.key',
      content: makeRsaKeys().pkcs8,
    });
    expect(stranger.items[0]).toMatchObject({
      action: 'error',
      note: expect.stringMatching(/keydesk apps add/),
    });
  });

  it('reports a missing key file and an unusable key per item, without storing anything', async () => {
    const dir = folder();
    writeFileSync(
      join(dir, '.nexmo-app'),
      `[app_config]\napp_id = ${appId}\nprivate_key = gone.key\n`,
    );
    const missing = await ok('import:previewFile', {
      path: join(dir, '.nexmo-app'),
      accountName: 'Acme',
    });
    expect(missing.items[0]).toMatchObject({
      action: 'error',
      note: expect.stringMatching(/gone\.key: no such file/),
    });
    const publicKey = await ok('import:preview', {
      fileName: '.nexmo-app',
      content: `[app_config]\napp_id = ${appId}\nprivate_key = ${JSON.stringify(keys.spki)}\n`,
    });
    expect(publicKey.items[0]).toMatchObject({
      action: 'error',
      note: expect.stringMatching(/public key/),
    });
    expect(await call('import:preview', { fileName: 'notes.txt', content: 'hello' })).toMatchObject(
      { ok: false, error: { code: 'IMPORT_UNRECOGNISED' } },
    );
    expect(tableCounts()).toEqual({ accounts: { n: 0 }, applications: { n: 0 } });
  });
});

describe('apps:index', () => {
  it('lists every application with its names only: no key material, no defaults', async () => {
    const acme = await ok('accounts:create', { name: 'Acme', apiKey: 'abcd1234', apiSecret: 's' });
    await ok('apps:create', {
      accountId: acme.id,
      id: appId,
      name: 'Voice',
      key: { kind: 'pem', pem: keys.pkcs8 },
    });
    expect(await ok('apps:index', {})).toEqual([
      { id: appId, name: 'Voice', accountId: acme.id, accountName: 'Acme' },
    ]);
  });
});

describe('every channel reaches its handler', () => {
  it('each one, loaded on first use, answers rather than reporting a missing handler', async () => {
    const { channels } = await import('../../src/shared/contract');
    for (const channel of channels) {
      // Empty input: most channels refuse it, but only after validation; a channel without a
      // handler would fail with INTERNAL "No handler".
      const result = await call(channel as Channel, {});
      if (!result.ok) expect(result.error.message, channel).not.toMatch(/No handler for/);
    }
  });
});
