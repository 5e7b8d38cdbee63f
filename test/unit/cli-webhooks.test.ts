import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifySignature as vonageVerifyJwt } from '@vonage/jwt';
import { SMS } from '@vonage/sms';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliInProcess } from '../helpers/cli-in-process';
import { makeDataDir } from '../helpers/services';
import { sha256Hex, vonageSig, vonageWebhookToken } from '../helpers/webhook-oracle';

/** `keydesk accounts edit` and `keydesk webhook verify|sign` as a user runs them. */
const dataDir = makeDataDir();
const keydesk = cliInProcess(dataDir);
const secret = 'cli-Signature-Secret-42';
const body = '{"status":"answered","uuid":"63f61863"}';

beforeAll(async () => {
  expect(
    (
      await keydesk(['accounts', 'add', '--name', 'Acme', '--api-key', 'acme0001'], {
        stdin: 'api-secret',
      })
    ).code,
  ).toBe(0);
});

describe('keydesk accounts edit', () => {
  it('stores the signature secret from stdin and the method; refuses an unknown method', async () => {
    const bad = await keydesk(['accounts', 'edit', 'Acme', '--signature-method', 'sha384']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/signature methods are md5hash, md5, sha1, sha256, sha512/);
    const nothing = await keydesk(['accounts', 'edit', 'Acme']);
    expect(nothing).toMatchObject({ code: 2, stderr: expect.stringMatching(/Nothing to change/) });
    const edited = await keydesk(
      ['accounts', 'edit', 'Acme', '--signature-secret-stdin', '--signature-method', 'sha256'],
      { stdin: `${secret}\n` },
    );
    expect(edited.code).toBe(0);
    expect(edited.stderr).toContain('signature secret in the keychain, method sha256');
    expect((await keydesk(['accounts', 'show', 'Acme'])).stdout).toContain('method sha256');
  });
});

describe('keydesk webhook', () => {
  it('verify: exit 0 for a genuine request from a file, 1 with the reasons otherwise, JSON too', async () => {
    const claims = {
      iat: Math.floor(Date.now() / 1000),
      jti: randomUUID(),
      iss: 'Vonage',
      api_key: 'acme0001',
      payload_hash: sha256Hex(body),
    };
    const token = vonageWebhookToken(secret, claims);
    const file = join(dataDir, 'request.http');
    writeFileSync(file, `POST /event HTTP/1.1\r\nAuthorization: Bearer ${token}\r\n\r\n${body}`);
    const good = await keydesk(['webhook', 'verify', '--request-file', file]);
    expect(good).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^Valid: signed webhook/),
    });

    const changed = await keydesk(
      ['webhook', 'verify', '--token', token, '--body-file', '-', '--json'],
      {
        stdin: body.replace('answered', 'failed'),
      },
    );
    expect(changed.code).toBe(1);
    expect(JSON.parse(changed.stdout)).toMatchObject({
      valid: false,
      scheme: 'jwt',
      account: { name: 'Acme' },
      method: 'HS256',
      reasons: [{ code: 'PAYLOAD_HASH_MISMATCH', message: expect.any(String) }],
    });

    const params = { 'api-key': 'acme0001', text: 'hi', timestamp: String(claims.iat) };
    const query = new URLSearchParams({ ...params, sig: vonageSig(params, secret, 'md5hash') });
    const wrongMethod = await keydesk(['webhook', 'verify', '--sms', '--params', query.toString()]);
    expect(wrongMethod.code).toBe(1);
    expect(wrongMethod.stdout).toMatch(
      /METHOD_MISMATCH: sig verifies with md5hash, but the account is set to sha256/,
    );
  });

  it('verify: says which input is missing', async () => {
    const result = await keydesk(['webhook', 'verify', '--token', 'x.y.z']);
    expect(result).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--token needs --body-file/),
    });
    const missing = await keydesk([
      'webhook',
      'verify',
      '--request-file',
      join(dataDir, 'nope.http'),
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.http/);
  });

  it('sign: a token @vonage/jwt accepts, a curl command, and sig parameters @vonage/sms accepts', async () => {
    const signed = await keydesk(
      ['webhook', 'sign', '--account', 'Acme', '--body-file', '-', '--json'],
      {
        stdin: body,
      },
    );
    expect(signed.code).toBe(0);
    const { token, claims } = JSON.parse(signed.stdout) as {
      token: string;
      claims: Record<string, unknown>;
    };
    expect(vonageVerifyJwt(token, secret)).toBe(true);
    expect(claims.payload_hash).toBe(sha256Hex(body));
    const curl = await keydesk(
      [
        'webhook',
        'sign',
        '--account',
        'Acme',
        '--body-file',
        '-',
        '--curl',
        'https://example.com/hook',
      ],
      { stdin: body },
    );
    expect(curl.stdout).toMatch(/^curl -X POST 'https:\/\/example\.com\/hook'/);

    const sms = await keydesk([
      'webhook',
      'sign',
      '--sms',
      '--account',
      'Acme',
      '--params',
      'to=447700900001&text=hello',
    ]);
    expect(sms.code).toBe(0);
    const params = Object.fromEntries(new URLSearchParams(sms.stdout.trim()));
    expect(
      SMS.prototype.verifySignature.call(
        {},
        params.sig ?? '',
        params,
        secret,
        'SHA256HMAC' as never,
      ),
    ).toBe(true);
  });
});
