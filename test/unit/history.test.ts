import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { secretRefs } from '../../src/core/keychain/keychain';
import { contractCaller } from '../helpers/contract-caller';
import { openTestServices } from '../helpers/services';
import { expectNoSecretsAtRest } from '../helpers/secrets-at-rest';
import { useTestVault } from '../helpers/vault-fixture';

const vaultFixture = useTestVault({ keychain: 'memory' });
const appId = 'aaaaaaaa-bbbb-cccc-dddd-0123456789ab';
const generatedAppId = 'cccccccc-bbbb-cccc-dddd-0123456789ab';
const apiSecret = 'history-Secret-4c3b2a';
let env: ReturnType<typeof vaultFixture.env>;
const { ok, fails } = contractCaller(() => env.invoke);

beforeEach(() => {
  env = vaultFixture.env();
});

async function addAcmeWithVoice() {
  const acme = await ok('accounts:create', { name: 'Acme', apiKey: 'abcd1234', apiSecret });
  await ok('apps:create', {
    accountId: acme.id,
    id: appId,
    name: 'Voice',
    key: { kind: 'pem', pem: vaultFixture.keys().pkcs8 },
  });
  return acme;
}

const listAll = async (filter: object = {}) =>
  (await ok('history:list', { limit: 500, ...filter })).events;

describe('every action appends an event', () => {
  it('records create, update, reveal, export, mint, key generation, import and remove, newest first', async () => {
    const acme = await addAcmeWithVoice();
    await ok('apps:create', {
      accountId: acme.id,
      id: generatedAppId,
      name: 'Video',
      key: { kind: 'generate' },
    });
    await ok('accounts:update', { id: acme.id, notes: 'VIP', color: 'red' });
    await ok('accounts:revealSecret', { id: acme.id, which: 'apiSecret' });
    await ok('apps:exportPrivateKey', { id: appId });
    const minted = await ok('jwt:mint', {
      applicationId: appId,
      sub: 'alice',
      acl: { kind: 'preset', preset: 'client-sdk' },
    });
    await ok('apps:replaceKey', { id: appId, key: { kind: 'generate' } });
    await ok('import:apply', {
      fileName: '.nexmorc',
      content: '[credentials]\napi_key = ffff0000\napi_secret = globex-Secret-77\n',
    });
    await ok('apps:remove', { id: generatedAppId });
    await ok('accounts:remove', { id: acme.id });

    const events = await listAll();
    expect(
      events.map((e) => [e.action, e.outcome, e.accountName ?? '', e.applicationName ?? '']),
    ).toEqual([
      ['remove', 'ok', 'Acme', ''],
      ['remove', 'ok', 'Acme', 'Video'],
      ['import', 'ok', '', ''],
      ['generate-key', 'ok', 'Acme', 'Voice'],
      ['mint', 'ok', 'Acme', 'Voice'],
      ['export', 'ok', 'Acme', 'Voice'],
      ['reveal', 'ok', 'Acme', ''],
      ['update', 'ok', 'Acme', ''],
      ['generate-key', 'ok', 'Acme', 'Video'],
      ['create', 'ok', 'Acme', 'Video'],
      ['create', 'ok', 'Acme', 'Voice'],
      ['create', 'ok', 'Acme', ''],
    ]);
    const mint = events.find((e) => e.action === 'mint');
    expect(mint).toMatchObject({
      applicationId: appId,
      accountId: acme.id,
      summary: 'Minted a JWT (ttl 15 min, sub alice, ACL client-sdk)',
      details: {
        jti: minted.jti,
        sub: 'alice',
        exp: minted.exp,
        ttlSeconds: 900,
        acl: 'client-sdk',
      },
    });
    expect(events[0]?.summary).toBe('Removed account "Acme" and 1 application(s)');
    expect(events[2]?.summary).toMatch(/^Imported \.nexmorc: 1 created/);
    expect(events[7]?.summary).toBe('Updated account: color, notes');
    // Ids and timestamps: increasing ids, ISO times, newest first.
    expect(events.map((e) => e.id)).toEqual([...events.map((e) => e.id)].sort((a, b) => b - a));
    expect(events.every((e) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
  });

  it('records a custom ACL by hash and custom claims by name only', async () => {
    await addAcmeWithVoice();
    await ok('jwt:mint', {
      applicationId: appId,
      acl: { kind: 'custom', acl: { paths: { '/*/users/**': {} } } },
      claims: { customer_ref: 'ZX-SECRET-ISH-VALUE' },
    });
    const [mint] = await listAll({ action: 'mint' });
    expect(mint?.details).toMatchObject({
      acl: 'custom',
      aclHash: expect.stringMatching(/^[0-9a-f]{16}$/),
      customClaims: ['customer_ref'],
    });
    expect(JSON.stringify(mint)).not.toContain('ZX-SECRET-ISH-VALUE');
  });

  it('records failures with their error, and keeps names after a rename or removal', async () => {
    const acme = await addAcmeWithVoice();
    await env.services.keychain.delete(secretRefs.apiSecret(acme.id));
    expect((await fails('accounts:revealSecret', { id: acme.id, which: 'apiSecret' })).code).toBe(
      'NOT_FOUND',
    );
    await ok('accounts:update', { id: acme.id, name: 'Acme Europe' });
    const [rename, reveal] = await listAll();
    expect(rename).toMatchObject({ action: 'update', accountName: 'Acme Europe', outcome: 'ok' });
    expect(reveal).toMatchObject({
      action: 'reveal',
      outcome: 'failed',
      accountName: 'Acme',
      error: { code: 'NOT_FOUND', message: expect.stringMatching(/no API secret/) },
    });
  });

  it('never stores a token or a secret: not in the database, the WAL, or any other file', async () => {
    const acme = await addAcmeWithVoice();
    const tokens = [];
    for (let i = 0; i < 5; i += 1)
      tokens.push((await ok('jwt:mint', { applicationId: appId, sub: `user-${i}` })).token);
    await ok('accounts:revealSecret', { id: acme.id, which: 'apiSecret' });
    const pem = (await ok('apps:exportPrivateKey', { id: appId })).pem;
    await ok('history:export', {});
    const checked = expectNoSecretsAtRest(env.dataDir, [
      apiSecret,
      ...pem.split('\n').slice(1, 6),
      ...tokens,
      ...tokens.map((t) => t.split('.')[2] ?? ''),
      ...tokens.map((t) => t.split('.')[1] ?? ''),
    ]);
    expect(checked).toBeGreaterThanOrEqual(2);
  });
});

describe('listing and searching', () => {
  async function seed() {
    const acme = await addAcmeWithVoice();
    const globex = await ok('accounts:create', {
      name: 'Globex Café',
      apiKey: 'ffff0000',
      apiSecret: 'x-secret-1',
    });
    const jtis: string[] = [];
    for (let i = 0; i < 60; i += 1) {
      jtis.push((await ok('jwt:mint', { applicationId: appId, sub: i % 2 ? 'alice' : 'bob' })).jti);
    }
    return { acme, globex, jtis };
  }

  it('pages newest first with a cursor, every event exactly once', async () => {
    await seed();
    const seen: number[] = [];
    let cursor: number | undefined;
    let pages = 0;
    do {
      const page = await ok('history:list', { limit: 25, ...(cursor ? { cursor } : {}) });
      seen.push(...page.events.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(63);
    expect(new Set(seen).size).toBe(63);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
  });

  it('filters by account, application, action and time, and searches free text', async () => {
    const { acme, globex, jtis } = await seed();
    expect(await listAll({ accountId: globex.id })).toHaveLength(1);
    expect((await listAll({ accountId: acme.id })).length).toBe(62);
    expect((await listAll({ applicationId: appId.toUpperCase() })).length).toBe(61);
    expect((await listAll({ action: 'create' })).map((e) => e.accountName)).toEqual([
      'Globex Café',
      'Acme',
      'Acme',
    ]);
    expect(await listAll({ since: new Date(Date.now() + 60_000).toISOString() })).toEqual([]);
    expect((await listAll({ until: new Date(Date.now() + 60_000).toISOString() })).length).toBe(63);

    const jti = jtis[17] ?? '';
    expect((await listAll({ text: jti })).map((e) => e.details.jti)).toEqual([jti]);
    expect((await listAll({ text: jti.slice(0, 13) })).map((e) => e.details.jti)).toEqual([jti]);
    expect(await listAll({ text: 'alice' })).toHaveLength(30);
    expect(await listAll({ text: 'alice', action: 'create' })).toHaveLength(0);
    expect((await listAll({ text: 'globex cafe' })).map((e) => e.action)).toEqual(['create']);
    expect((await listAll({ text: 'GLOB' })).map((e) => e.accountName)).toEqual(['Globex Café']);
    expect(await listAll({ text: 'nobody-here' })).toEqual([]);
    expect((await ok('history:list', { text: 'bob', limit: 10 })).nextCursor).not.toBeNull();
  });

  it('treats search text as words, never as query syntax', async () => {
    await seed();
    for (const text of [
      '"',
      'alice OR bob',
      'NEAR(alice',
      '*',
      "'; DROP TABLE history; --",
      'a"b',
    ]) {
      const result = await ok('history:list', { text });
      expect(Array.isArray(result.events)).toBe(true);
    }
    expect(await listAll({ text: 'alice OR bob' })).toEqual([]);
  });

  it('refuses bad filters with the field at fault', async () => {
    expect(await fails('history:list', { action: 'delete' })).toMatchObject({
      field: 'action',
      message: expect.stringMatching(/mint, copy/),
    });
    expect(await fails('history:list', { since: 'last week' })).toMatchObject({
      field: 'since',
      message: expect.stringMatching(/ISO 8601/),
    });
    expect(await fails('history:list', { limit: 501 })).toMatchObject({
      field: 'limit',
      message: expect.stringMatching(/at most 500/),
    });
    expect(await fails('history:list', { limit: 0 })).toMatchObject({ field: 'limit' });
    expect(await fails('history:list', { text: 'x'.repeat(201) })).toMatchObject({ field: 'text' });
    expect(await fails('history:list', { cursor: -1 })).toMatchObject({ field: 'cursor' });
  });
});

describe('CSV export', () => {
  it('exports the filtered events as RFC 4180 CSV a spreadsheet cannot execute', async () => {
    const acme = await ok('accounts:create', {
      name: '=HYPERLINK("http://x")',
      apiKey: 'abcd1234',
      apiSecret,
    });
    await ok('accounts:update', { id: acme.id, name: 'Acme, "The" Company' });
    const { csv, rows } = await ok('history:export', {});
    expect(rows).toBe(2);
    const records = parseCsv(csv, { columns: true }) as Record<string, string>[];
    expect(records.map((r) => [r.action, r.account])).toEqual([
      ['update', 'Acme, "The" Company'],
      ['create', `'=HYPERLINK("http://x")`],
    ]);
    expect(Object.keys(records[0] ?? {})).toEqual([
      'time',
      'action',
      'outcome',
      'account',
      'account_id',
      'application',
      'application_id',
      'summary',
      'jti',
      'sub',
      'exp',
      'ttl_seconds',
      'acl',
      'acl_hash',
      'error_code',
      'error_message',
    ]);
    const onlyUpdates = await ok('history:export', { action: 'update' });
    expect(onlyUpdates.rows).toBe(1);
    // The export itself is an audited action.
    expect((await listAll({ action: 'export' })).map((e) => e.summary)).toEqual([
      'Exported 1 history event(s) as CSV',
      'Exported 2 history event(s) as CSV',
    ]);
  });
});

describe('retention and settings', () => {
  let clock = Date.parse('2026-01-01T00:00:00Z');
  let opened: ReturnType<typeof openTestServices> | undefined;
  afterEach(() => {
    opened?.dispose();
    opened = undefined;
  });

  it('prunes events older than the retention period, on request and whenever the vault opens', async () => {
    opened = openTestServices(vaultFixture.keychain, { now: () => new Date(clock) });
    const { ok: call } = contractCaller(() => (opened as NonNullable<typeof opened>).invoke);
    await call('accounts:create', { name: 'Old', apiKey: 'old00001', apiSecret: 'old-secret-1' });
    clock += 200 * 86_400_000;
    await call('accounts:create', { name: 'Newer', apiKey: 'new00001', apiSecret: 'new-secret-1' });
    expect(await call('settings:get', {})).toMatchObject({ historyRetentionDays: 365 });
    expect(await call('history:prune', {})).toMatchObject({ removed: 0 });

    await call('settings:update', { historyRetentionDays: 100 });
    const pruned = await call('history:prune', {});
    expect(pruned).toEqual({
      removed: 1,
      before: new Date(clock - 100 * 86_400_000).toISOString(),
    });
    expect((await call('history:list', {})).events.map((e) => e.summary)).toEqual([
      'Changed settings: historyRetentionDays',
      'Created account "Newer"',
    ]);
    expect(await call('history:list', { text: 'old' })).toEqual({ events: [], nextCursor: null });

    // A year later, opening the same data folder applies the retention by itself.
    const dataDir = opened.dataDir;
    opened.services.close();
    clock += 365 * 86_400_000;
    opened = openTestServices(vaultFixture.keychain, { dataDir, now: () => new Date(clock) });
    expect(opened.services.history.count()).toBe(0);
  });

  it('validates settings and keeps the stored ones when an update is refused', async () => {
    const before = await ok('settings:get', {});
    expect(before).toEqual({
      clipboardClearSeconds: 30,
      defaultTtlSeconds: 900,
      defaultAclPreset: 'none',
      historyRetentionDays: 365,
      theme: 'system',
      oauthTimeoutSeconds: 15,
      vonageApiHost: 'https://api.nexmo.com',
      vonageRestHost: 'https://rest.nexmo.com',
      vonageTimeoutSeconds: 15,
      keychain: 'auto',
      vaultLockMinutes: 15,
      quickCopyShortcut: 'CommandOrControl+Shift+Space',
      keepInTray: true,
    });
    for (const [input, field, message] of [
      [
        { vonageApiHost: 'http://api.nexmo.com' },
        'vonageApiHost',
        /only to Vonage's own hosts \(https/,
      ],
      [{ vonageRestHost: 'rest.nexmo.com' }, 'vonageRestHost', /as a URL/],
      [{ historyRetentionDays: 0 }, 'historyRetentionDays', /at least 1 day/],
      [{ historyRetentionDays: 5000 }, 'historyRetentionDays', /at most 3650/],
      [{ defaultTtlSeconds: 10 }, 'defaultTtlSeconds', /30 seconds and 24 hours/],
      [{ defaultAclPreset: 'all' }, 'defaultAclPreset', /client-sdk and none/],
      [{ clipboardClearSeconds: 1 }, 'clipboardClearSeconds', /at least 5 seconds/],
      [{ theme: 'neon' }, 'theme', /system, light, dark/],
      [{ oauthTimeoutSeconds: 0 }, 'oauthTimeoutSeconds', /at least 1 second/],
      [{ colour: 'red' }, '', /colour/],
      // Moving the secrets is keychain migrate's work: the setting alone would strand them.
      [{ keychain: 'file' }, '', /keychain/],
      [{ vaultLockMinutes: 0 }, 'vaultLockMinutes', /at least 1 minute/],
      [{ quickCopyShortcut: 'Space' }, 'quickCopyShortcut', /modifiers and a key/],
      [{ keepInTray: 'yes' }, 'keepInTray', /on or off/],
    ] as const) {
      const error = await fails('settings:update', input);
      expect(error.field ?? '').toBe(field);
      expect(error.message).toMatch(message);
    }
    expect(await ok('settings:get', {})).toEqual(before);
    expect(
      await ok('settings:update', { clipboardClearSeconds: null, theme: 'dark' }),
    ).toMatchObject({ clipboardClearSeconds: null, theme: 'dark', historyRetentionDays: 365 });
  });
});
