import { jwtVerify } from 'jose';
import { parse as parseCsv } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedWithCli } from '../helpers/cli';
import { cliInProcess } from '../helpers/cli-in-process';
import { joseToken, uuidV4, verifyWithOpenssl } from '../helpers/jwt';
import { makeRsaKeys, type RsaKeys } from '../helpers/keys';
import { makeDataDir } from '../helpers/services';

const dataDir = makeDataDir();
const keydesk = cliInProcess(dataDir);
const appId = 'aaaaaaaa-bbbb-cccc-dddd-0123456789ab';
let keys: RsaKeys;

beforeAll(async () => {
  keys = makeRsaKeys();
  await seedWithCli(keydesk, dataDir, {
    accounts: [{ name: 'Acme', apiKey: 'abcd1234', secret: 'cli-jwt-secret\n' }],
    apps: [{ account: 'Acme', id: appId, name: 'Voice', pem: keys.pkcs8 }],
  });
});

describe('keydesk jwt', () => {
  it('prints the token alone on stdout; jose and openssl verify it against the public key', async () => {
    const before = Math.floor(Date.now() / 1000);
    const result = await keydesk([
      'jwt',
      'Voice',
      '--sub',
      'alice',
      '--ttl',
      '1h',
      '--acl-preset',
      'client-sdk',
      '--claim',
      'role=agent',
      '--claim',
      'level=3',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const token = result.stdout.trim();

    const publicKeyPem = (await keydesk(['apps', 'public-key', appId])).stdout;
    expect(verifyWithOpenssl(token, publicKeyPem)).toBe('Verified OK');
    const { payload, protectedHeader } = await jwtVerify(token, keys.publicKey, {
      algorithms: ['RS256'],
    });
    expect(protectedHeader).toEqual({ alg: 'RS256', typ: 'JWT' });
    expect(Object.keys(payload)).toEqual([
      'application_id',
      'iat',
      'exp',
      'jti',
      'sub',
      'acl',
      'role',
      'level',
    ]);
    expect(payload).toMatchObject({ application_id: appId, sub: 'alice', role: 'agent', level: 3 });
    expect(payload.jti).toMatch(uuidV4);
    expect(payload.iat).toBeGreaterThanOrEqual(before);
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(3600);
  });

  it('accepts every TTL form, nbf as an offset or a Unix time, and a custom ACL', async () => {
    for (const [ttl, seconds] of [
      ['900', 900],
      ['30s', 30],
      ['15m', 900],
      ['24h', 86_400],
    ] as const) {
      const token = (await keydesk(['jwt', appId, '--ttl', ttl])).stdout.trim();
      const { payload } = await jwtVerify(token, keys.publicKey);
      expect((payload.exp ?? 0) - (payload.iat ?? 0), ttl).toBe(seconds);
    }
    const offset = await jwtVerify(
      (await keydesk(['jwt', 'Voice', '--nbf', '-60'])).stdout.trim(),
      keys.publicKey,
      { clockTolerance: 120 },
    );
    expect(offset.payload.nbf).toBe((offset.payload.iat ?? 0) - 60);
    const at = Math.floor(Date.now() / 1000) + 120;
    const absolute = await jwtVerify(
      (await keydesk(['jwt', 'Voice', '--nbf', String(at)])).stdout.trim(),
      keys.publicKey,
      { clockTolerance: 600 },
    );
    // A time is kept exactly, however long opening the keychain took (the vault file's scrypt).
    expect(absolute.payload.nbf).toBe(at);
    const acl = '{"paths":{"/*/users/**":{"methods":["GET"]}}}';
    const custom = await jwtVerify(
      (await keydesk(['jwt', 'Voice', '--acl', acl])).stdout.trim(),
      keys.publicKey,
    );
    expect(custom.payload.acl).toEqual(JSON.parse(acl));
  });

  it.each([
    [['--ttl', '10s'], /--ttl: .*between 30 seconds and 24 hours.*too short/],
    [['--ttl', '25h'], /--ttl: .*between 30 seconds and 24 hours.*too long/],
    [
      ['--ttl', '15 minutes'],
      /--ttl.*"15 minutes" is not a duration; use seconds \(900\) or 30s, 15m, 1h, 24h/,
    ],
    [['--nbf', 'soon'], /--nbf.*"soon" is not a whole number of seconds/],
    [['--nbf', '3600', '--ttl', '15m'], /--nbf: nbf \(in 1 h\) is not before exp \(in 15 min\)/],
    [['--acl-preset', 'admin'], /--acl-preset: "admin" is not a preset; use client-sdk or none/],
    [['--acl-preset', 'none', '--acl', '{}'], /--acl-preset or --acl, not both/],
    [
      ['--acl', '{"paths":{"/v1/users/**":{"methods":["FETCH"]}}}'],
      /--acl: At paths\["\/v1\/users\/\*\*"\]\.methods\[0\]: ACL methods are GET/,
    ],
    [['--acl', '{"paths":'], /--acl: The ACL is not valid JSON/],
    [['--claim', 'jti=fixed'], /--claim: The claim "jti" cannot be set as a custom claim/],
    [['--claim', 'novalue'], /--claim.*"novalue" is not NAME=VALUE/],
    [['--claim', 'a=1', '--claim', 'a=2'], /the claim "a" is given twice/],
    [['--sub', ''], /--sub: The subject \(sub\) is empty/],
  ])('refuses %j with its own message, a non-zero exit and no token', async (args, message) => {
    const result = await keydesk(['jwt', 'Voice', ...args]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it('says which application is unknown', async () => {
    const result = await keydesk(['jwt', 'Nope']);
    expect(result).toMatchObject({
      code: 1,
      stdout: '',
      stderr: expect.stringMatching(/APP: No application named or with id "Nope"/),
    });
  });
});

describe('keydesk decode', () => {
  it('decodes a token from the argument or stdin, naming the application whose key signed it', async () => {
    const token = (await keydesk(['jwt', 'Voice', '--sub', 'bob'])).stdout.trim();
    const viaArg = await keydesk(['decode', token]);
    expect(viaArg.code).toBe(0);
    expect(viaArg.stdout).toMatch(/^Header: {4}\{"alg":"RS256","typ":"JWT"\}$/m);
    expect(viaArg.stdout).toMatch(/^ {2}sub +bob$/m);
    expect(viaArg.stdout).toMatch(/^ {2}exp +\d+ {2}\d{4}-\d\d-\d\dT[\d:.]+Z \(in 1[45] min\)$/m);
    expect(viaArg.stdout).toMatch(
      /Signature: verified with the key of "Voice" \(aaaaaaaa-bbbb-cccc-dddd-0123456789ab, account "Acme"\)/,
    );
    expect(viaArg.stdout).toMatch(/Findings: {2}none/);
    for (const args of [['decode', '-'], ['decode']]) {
      const viaStdin = await keydesk([...args, '--json'], {
        stdin: `Authorization: Bearer ${token}\n`,
      });
      expect(JSON.parse(viaStdin.stdout)).toMatchObject({
        claims: { sub: 'bob' },
        signature: { verified: true },
      });
    }
  });

  it('exits 1 for an expired token or one no stored key verifies, listing why', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = await joseToken(
      { application_id: appId, iat: now - 7200, exp: now - 3600, jti: 'x' },
      keys.privateKey,
    );
    const result = await keydesk(['decode', expired]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/error +The token expired 1 h ago/);
    expect(result.stdout).toMatch(/\(expired 1 h ago\)/);
    const foreign = await joseToken(
      { application_id: appId, iat: now, exp: now + 60, jti: 'x' },
      makeRsaKeys().privateKey,
    );
    expect((await keydesk(['decode', foreign])).stdout).toMatch(
      /application_id names "Voice".*does not verify the signature/,
    );
  });

  it('refuses a malformed token or nothing, saying which part is wrong', async () => {
    expect(await keydesk(['decode', 'abc.def'])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/TOKEN: A JWT has three parts .* this has 2/),
    });
    expect(await keydesk(['decode', 'eyJhbGciOiJSUzI1NiJ9.eyJ+.sig'])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/payload \(part 2\) is not base64url/),
    });
    expect(await keydesk(['decode'], { stdin: '' })).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/No token given/),
    });
  });
});

describe('keydesk history', () => {
  it('shows the CLI mints as history events, filtered, as a table, JSON or CSV', async () => {
    const table = await keydesk(['history', '--app', 'Voice', '--action', 'mint', '--limit', '3']);
    expect(table.code).toBe(0);
    const lines = table.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^TIME\s+ACTION\s+ACCOUNT\s+APPLICATION\s+WHAT$/);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(
      /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+mint\s+Acme\s+Voice\s+Minted a JWT/,
    );
    expect(table.stderr).toMatch(/showing the newest 3/);

    const json = JSON.parse(
      (
        await keydesk([
          'history',
          '--account',
          'acme',
          '--action',
          'mint',
          '--since',
          '1h',
          '--json',
        ])
      ).stdout,
    );
    expect(json.length).toBeGreaterThanOrEqual(8);
    expect(
      json.every(
        (e: { action: string; accountName: string }) =>
          e.action === 'mint' && e.accountName === 'Acme',
      ),
    ).toBe(true);
    expect(json.some((e: { outcome: string }) => e.outcome === 'failed')).toBe(true);

    const csv = parseCsv((await keydesk(['history', '--csv', '--action', 'create'])).stdout, {
      columns: true,
    }) as Record<string, string>[];
    expect(csv.map((r) => [r.action, r.account, r.application])).toEqual([
      ['create', 'Acme', 'Voice'],
      ['create', 'Acme', ''],
    ]);
    expect(
      JSON.parse((await keydesk(['history', '--since', '2099-01-01', '--json'])).stdout),
    ).toEqual([]);
  });

  it.each([
    [['--action', 'delete'], /--action: "delete" is not an action; use one of mint, copy/],
    [['--since', 'yesterday'], /--since: "yesterday" is neither a time/],
    [['--limit', '0'], /--limit: give a whole number from 1 to 1,000,000 \(0 is out of range\)/],
    [['--limit', 'ten'], /--limit: give a whole number/],
    [['--json', '--csv'], /--json or --csv, not both/],
    [['--account', 'Nobody'], /No account named "Nobody"/],
  ])('refuses %j with its own message', async (args, message) => {
    const result = await keydesk(['history', ...args]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(message);
  });
});
