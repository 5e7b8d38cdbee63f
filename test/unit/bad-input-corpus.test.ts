import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { channels, type Channel } from '../../src/shared/contract';
import { errorCodes } from '../../src/shared/errors';
import { contractCaller } from '../helpers/contract-caller';
import { tally } from '../helpers/tally';
import { useTestVault } from '../helpers/vault-fixture';

const vaultFixture = useTestVault({ keychain: 'memory' });
const appId = 'aaaaaaaa-bbbb-cccc-dddd-0123456789ab';
let env: ReturnType<typeof vaultFixture.env>;
const { ok, fails, call } = contractCaller(() => env.invoke);
let accountId = '';

beforeEach(async () => {
  env = vaultFixture.env();
  const acme = await ok('accounts:create', {
    name: 'Acme',
    apiKey: 'abcd1234',
    apiSecret: 'corpus-secret',
  });
  accountId = acme.id;
  await ok('apps:create', {
    accountId,
    id: appId,
    name: 'Voice',
    key: { kind: 'pem', pem: vaultFixture.keys().pkcs8 },
  });
});

/** Everything a bad input must not change: every table but the history, and the keychain. */
async function snapshot() {
  const db = env.services.db;
  const table = (name: string) =>
    JSON.stringify(db.prepare(`SELECT * FROM ${name} ORDER BY 1`).all());
  return {
    accounts: table('accounts'),
    applications: table('applications'),
    settings: table('settings'),
    consumers: table('oauth_consumers'),
    tokens: table('oauth_tokens'),
    keychain: (await vaultFixture.keychain.listRefs()).sort(),
  };
}

const megabyte = 'x'.repeat(1024 * 1024);
const corpus: [
  label: string,
  channel: Channel,
  input: () => unknown,
  code: string,
  field?: string,
][] = [
  [
    'right-to-left override in a name',
    'accounts:create',
    () => ({ name: 'Ac\u202Eme', apiKey: 'ffff0000', apiSecret: 's' }),
    'VALIDATION',
    'name',
  ],
  [
    'zero-width space in a name',
    'accounts:update',
    () => ({ id: accountId, name: 'Ac\u200Bme' }),
    'VALIDATION',
    'name',
  ],
  [
    'left-to-right mark in an app name',
    'apps:update',
    () => ({ id: appId, name: '\u200EVoice' }),
    'VALIDATION',
    'name',
  ],
  [
    'line break in a name',
    'accounts:create',
    () => ({ name: 'Ac\nme', apiKey: 'ffff0000', apiSecret: 's' }),
    'VALIDATION',
    'name',
  ],
  [
    'NUL in a secret',
    'accounts:create',
    () => ({ name: 'Globex', apiKey: 'ffff0000', apiSecret: 'a\u0000b' }),
    'VALIDATION',
    'apiSecret',
  ],
  [
    '1 MB name',
    'accounts:create',
    () => ({ name: megabyte, apiKey: 'ffff0000', apiSecret: 's' }),
    'VALIDATION',
    'name',
  ],
  [
    '1 MB secret',
    'accounts:create',
    () => ({ name: 'Globex', apiKey: 'ffff0000', apiSecret: megabyte }),
    'VALIDATION',
    'apiSecret',
  ],
  [
    '1 MB notes',
    'accounts:update',
    () => ({ id: accountId, notes: megabyte }),
    'VALIDATION',
    'notes',
  ],
  [
    '1 MB PEM',
    'apps:create',
    () => ({
      accountId,
      id: 'bbbbbbbb-bbbb-cccc-dddd-0123456789ab',
      name: 'Big',
      key: { kind: 'pem', pem: megabyte },
    }),
    'VALIDATION',
    'key.pem',
  ],
  ['1 MB token', 'jwt:decode', () => ({ token: megabyte }), 'VALIDATION', 'token'],
  ['1 MB search', 'history:list', () => ({ text: megabyte }), 'VALIDATION', 'text'],
  [
    'empty strings',
    'accounts:create',
    () => ({ name: '', apiKey: '', apiSecret: '' }),
    'VALIDATION',
    'name',
  ],
  [
    'number for a name',
    'accounts:create',
    () => ({ name: 42, apiKey: 'ffff0000', apiSecret: 's' }),
    'VALIDATION',
    'name',
  ],
  ['array for the input', 'accounts:create', () => [], 'VALIDATION'],
  [
    'null fields',
    'apps:create',
    () => ({ accountId: null, id: null, name: null, key: null }),
    'VALIDATION',
  ],
  ['missing fields', 'apps:create', () => ({ accountId }), 'VALIDATION'],
  ['unknown extra field', 'settings:update', () => ({ theme: 'dark', admin: true }), 'VALIDATION'],
  ['invalid UUID', 'apps:get', () => ({ id: "1' OR '1'='1" }), 'VALIDATION', 'id'],
  [
    'unknown application',
    'apps:remove',
    () => ({ id: 'cccccccc-bbbb-cccc-dddd-0123456789ab' }),
    'NOT_FOUND',
    'id',
  ],
  ['unknown account', 'accounts:remove', () => ({ id: 'no-such-account' }), 'NOT_FOUND', 'id'],
  [
    'unknown account secret',
    'accounts:revealSecret',
    () => ({ id: 'no-such-account', which: 'apiSecret' }),
    'NOT_FOUND',
    'id',
  ],
  ['unknown consumer', 'oauth:consumers:remove', () => ({ id: 'nope' }), 'NOT_FOUND', 'id'],
  ['unknown token', 'oauth:tokens:forget', () => ({ id: 'nope' }), 'NOT_FOUND', 'id'],
  [
    'unknown pending login',
    'oauth:loginFinish',
    () => ({ pendingId: 'nope', pin: '1234' }),
    'NOT_FOUND',
    'pendingId',
  ],
  [
    'public key as private',
    'apps:replaceKey',
    () => ({ id: appId, key: { kind: 'pem', pem: vaultFixture.keys().spki } }),
    'KEY_IS_PUBLIC',
    'key.pem',
  ],
  [
    'truncated PEM',
    'apps:replaceKey',
    () => ({ id: appId, key: { kind: 'pem', pem: vaultFixture.keys().pkcs8.slice(0, 400) } }),
    'KEY_MALFORMED',
    'key.pem',
  ],
  [
    'encrypted PEM without passphrase',
    'apps:replaceKey',
    () => ({ id: appId, key: { kind: 'pem', pem: vaultFixture.keys().pkcs8Encrypted('pw') } }),
    'KEY_ENCRYPTED',
  ],
  [
    'wrong passphrase',
    'apps:replaceKey',
    () => ({
      id: appId,
      key: { kind: 'pem', pem: vaultFixture.keys().pkcs8Encrypted('pw'), passphrase: 'nope' },
    }),
    'KEY_PASSPHRASE_WRONG',
  ],
  [
    'invalid ACL shape',
    'apps:update',
    () => ({ id: appId, jwtDefaults: { acl: { kind: 'custom', acl: { paths: [] } } } }),
    'VALIDATION',
    'jwtDefaults.acl.acl.paths',
  ],
  [
    'TTL 0',
    'jwt:mint',
    () => ({ applicationId: appId, ttlSeconds: 0 }),
    'VALIDATION',
    'ttlSeconds',
  ],
  [
    'TTL 1e9',
    'jwt:mint',
    () => ({ applicationId: appId, ttlSeconds: 1e9 }),
    'VALIDATION',
    'ttlSeconds',
  ],
  [
    'TTL NaN',
    'jwt:mint',
    () => ({ applicationId: appId, ttlSeconds: Number.NaN }),
    'VALIDATION',
    'ttlSeconds',
  ],
  ['malformed token', 'jwt:decode', () => ({ token: 'a.b' }), 'TOKEN_MALFORMED', 'token'],
  ['JWE-shaped token', 'jwt:decode', () => ({ token: 'a.b.c.d.e' }), 'TOKEN_MALFORMED', 'token'],
  [
    'bad OAuth base URL',
    'oauth:consumers:create',
    () => ({ accountId, consumerKey: 'k', consumerSecret: 's', baseUrl: 'javascript:alert(1)' }),
    'VALIDATION',
    'baseUrl',
  ],
  [
    'bad signing URL',
    'oauth:sign',
    () => ({ accountId, method: 'GET', url: 'file:///etc/passwd' }),
    'VALIDATION',
    'url',
  ],
  [
    'bad HTTP method',
    'oauth:sign',
    () => ({ accountId, method: 'G E T', url: 'https://rest.nexmo.com/sms/json' }),
    'VALIDATION',
    'method',
  ],
  [
    'import of garbage',
    'import:apply',
    () => ({ fileName: 'notes.txt', content: 'hello\u0000world' }),
    'IMPORT_UNRECOGNISED',
  ],
  ['copy of unknown kind', 'clipboard:copy', () => ({ what: 'everything' }), 'VALIDATION'],
];

describe('the bad-input corpus', () => {
  it.each(corpus)(
    '%s → %s with its error code, nothing changed',
    async (_label, channel, input, code, field) => {
      const before = await snapshot();
      const error = await fails(channel, input());
      expect(error.code).toBe(code);
      if (field !== undefined) expect(error.field).toBe(field);
      expect(error.message.length).toBeGreaterThan(10);
      expect(await snapshot()).toEqual(before);
    },
  );

  it('stores an SQL-looking name literally and leaves every table intact', async () => {
    const name = "Robert'); DROP TABLE accounts; --";
    const created = await ok('accounts:create', {
      name,
      apiKey: 'ffff0000',
      apiSecret: 'sql-secret',
    });
    expect(created.name).toBe(name);
    expect((await ok('accounts:list', { query: "'); DROP" })).map((a) => a.name)).toEqual([name]);
    expect(await ok('apps:list', {})).toHaveLength(1);
    expect((await ok('history:list', { text: 'DROP TABLE' })).events[0]?.accountName).toBe(name);
  });
});

describe('fuzzing every channel', () => {
  const codes = new Set<string>(errorCodes);
  it('answers any input on any channel with a result or a typed error, never a crash', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    let tried = 0;
    try {
      for (const channel of channels) {
        await fc.assert(
          fc.asyncProperty(
            fc.oneof(
              fc.anything(),
              fc.dictionary(
                fc.constantFrom(
                  'id',
                  'name',
                  'accountId',
                  'applicationId',
                  'key',
                  'token',
                  'text',
                  'limit',
                  'ttlSeconds',
                  'acl',
                  'what',
                  'fix',
                  'query',
                  'url',
                  'method',
                  'pem',
                ),
                fc.anything(),
              ),
            ),
            async (input) => {
              tried += 1;
              const result = await call(channel, input);
              if (!result.ok) {
                expect(codes.has(result.error.code), `${channel}: ${result.error.code}`).toBe(true);
                expect(result.error.code, `${channel} crashed: ${result.error.message}`).not.toBe(
                  'INTERNAL',
                );
              }
            },
          ),
          { numRuns: 40 },
        );
      }
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    tally('bad inputs tried', tried);
    expect(unhandled).toEqual([]);
  }, 120_000);
});
