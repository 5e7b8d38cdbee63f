import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliInProcess } from '../helpers/cli-in-process';
import { joseToken } from '../helpers/jwt';
import { makeRsaKeys, type RsaKeys } from '../helpers/keys';
import { makeDataDir } from '../helpers/services';

/** keydesk decode with a given public key, with expectations, and with times in milliseconds. */
const dataDir = makeDataDir();
const keydesk = cliInProcess(dataDir);
const appId = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
let keys: RsaKeys;
let other: RsaKeys;
const file = (name: string, text: string) => {
  const path = join(dataDir, name);
  writeFileSync(path, text);
  return path;
};

beforeAll(async () => {
  keys = makeRsaKeys();
  other = makeRsaKeys();
});

const now = () => Math.floor(Date.now() / 1000);

describe('keydesk decode --public-key', () => {
  it('verifies with the given key, with no stored application, and says when it does not', async () => {
    const token = await joseToken(
      {
        application_id: appId,
        iat: now(),
        exp: now() + 900,
        jti: randomUUID(),
      },
      keys.privateKey,
    );
    const good = await keydesk(['decode', token, '--public-key', file('public.pem', keys.spki)]);
    expect(good).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('Signature: verified with the given public key'),
    });
    const bad = await keydesk(['decode', token, '--public-key', file('other.pem', other.spki)]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('does not verify with the given public key');
  });

  it('refuses a private key, or a file that is no key, in one line', async () => {
    const token = await joseToken({ application_id: appId, iat: now(), jti: 'x' }, keys.privateKey);
    const privateKey = await keydesk([
      'decode',
      token,
      '--public-key',
      file('private.pem', keys.pkcs8),
    ]);
    expect(privateKey).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^keydesk: .*That is a private key/),
    });
    expect(privateKey.stderr.trim().split('\n')).toHaveLength(1);
    const text = await keydesk(['decode', token, '--public-key', file('notes.txt', 'hello')]);
    expect(text.stderr).toMatch(/not a PEM public key/);
    const missing = await keydesk(['decode', token, '--public-key', join(dataDir, 'nope.pem')]);
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringContaining('nope.pem') });
  });
});

describe('keydesk decode --expect-…', () => {
  it('reports each difference: sub, application, ACL paths added, missing or with other methods', async () => {
    const token = await joseToken(
      {
        application_id: appId,
        iat: now(),
        exp: now() + 900,
        jti: randomUUID(),
        sub: 'bob',
        acl: { paths: { '/*/users/**': { methods: ['GET'] }, '/*/legs/**': {}, '/v1/extra': {} } },
      },
      keys.privateKey,
    );
    const expected = JSON.stringify({
      paths: {
        '/*/users/**': { methods: ['GET', 'POST'] },
        '/*/legs/**': {},
        '/*/conversations/**': {},
      },
    });
    const result = await keydesk([
      'decode',
      token,
      '--public-key',
      file('public.pem', keys.spki),
      '--expect-sub',
      'alice',
      '--expect-app',
      appId,
      '--expect-acl',
      expected,
    ]);
    expect(result.code).toBe(1);
    const lines = result.stdout
      .slice(result.stdout.indexOf('Differences'))
      .split('\n')
      .map((l) => l.trim());
    expect(lines).toEqual([
      'Differences from what was expected:',
      'sub is "bob", expected "alice".',
      'ACL path /*/users/** allows GET; expected GET, POST.',
      'ACL path /*/conversations/** is missing.',
      'ACL path /v1/extra is added (not expected).',
      '',
    ]);
    const json = JSON.parse(
      (
        await keydesk([
          'decode',
          token,
          '--public-key',
          file('public.pem', keys.spki),
          '--expect-sub',
          'bob',
          '--json',
        ])
      ).stdout,
    );
    expect(json.differences).toEqual([]);
    expect(await keydesk(['decode', token, '--expect-acl-preset', 'admin'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--expect-acl-preset: "admin" is not a preset'),
    });
  });
});

describe('times in milliseconds', () => {
  it('names exp and iat in milliseconds as such, not as a lifetime of millions of days', async () => {
    const iat = now();
    const token = await joseToken(
      {
        application_id: appId,
        iat: iat * 1000,
        exp: (iat + 900) * 1000,
        jti: randomUUID(),
      },
      keys.privateKey,
    );
    const result = await keydesk(['decode', token, '--public-key', file('public.pem', keys.spki)]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/exp looks like milliseconds \(\d{13}, that is 20\d\d-/);
    expect(result.stdout).toMatch(/iat looks like milliseconds/);
    expect(result.stdout).not.toMatch(/days after iat|24 h/);
  });
});
