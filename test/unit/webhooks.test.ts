import { randomUUID } from 'node:crypto';
import { verifySignature as vonageVerifyJwt } from '@vonage/jwt';
import { SMS } from '@vonage/sms';
import { describe, expect, it } from 'vitest';
import type { WebhookVerdict } from '../../src/shared/webhook-schemas';
import { webhookSignatureMethods } from '../../src/shared/webhook-methods';
import { contractCaller } from '../helpers/contract-caller';
import { useTestVault } from '../helpers/vault-fixture';
import {
  sha256Hex as sha256,
  vonageSig,
  vonageWebhookToken as vonageToken,
} from '../helpers/webhook-oracle';

/**
 * Webhook signatures against independent oracles: tokens and sigs made here with node:crypto
 * alone, Keydesk's signatures checked by Vonage's own packages (@vonage/jwt, @vonage/sms).
 */
const vault = useTestVault({ keychain: 'memory' });
const { ok, fails } = contractCaller(() => vault.env().invoke);

const acmeSecret = 'acme-Signature-Secret-0123456789';
const globexSecret = 'globex-Signature-Secret-987654';

async function twoAccounts(method: (typeof webhookSignatureMethods)[number] = 'md5hash') {
  const acme = await ok('accounts:create', {
    name: 'Acme Corp',
    apiKey: 'acme0001',
    apiSecret: 'acme-API-secret',
    signatureSecret: acmeSecret,
    signatureMethod: method,
  });
  const globex = await ok('accounts:create', {
    name: 'Globex',
    apiKey: 'globex01',
    apiSecret: 'globex-API-secret',
    signatureSecret: globexSecret,
  });
  const bare = await ok('accounts:create', {
    name: 'No Secret Ltd',
    apiKey: 'nosecret',
    apiSecret: 'nosecret-API-secret',
  });
  return { acme, globex, bare };
}

const now = () => Math.floor(Date.now() / 1000);

const body = '{"from":"447700900000","to":"447700900001","status":"answered"}';
const claimsFor = (apiKey: string, payload = body, iat = now()) => ({
  iat,
  jti: randomUUID(),
  iss: 'Vonage',
  api_key: apiKey,
  application_id: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
  payload_hash: sha256(payload),
});

function rawRequest(token: string, requestBody: string, target = '/webhooks/event'): string {
  return [
    `POST ${target} HTTP/1.1`,
    'Host: example.com',
    'Content-Type: application/json',
    `Authorization: Bearer ${token}`,
    '',
    requestBody,
  ].join('\r\n');
}

const codes = (verdict: WebhookVerdict) => verdict.reasons.map((r) => r.code);

describe('verifying a signed webhook (Bearer JWT)', () => {
  it('accepts a genuine one pasted whole, finding the account by its api_key', async () => {
    await twoAccounts();
    const token = vonageToken(acmeSecret, claimsFor('acme0001'));
    const verdict = await ok('webhooks:verify', {
      scheme: 'jwt',
      request: rawRequest(token, body),
    });
    expect(verdict).toMatchObject({ valid: true, reasons: [], account: { name: 'Acme Corp' } });
    expect(verdict.details.payloadHash).toEqual({ expected: sha256(body), computed: sha256(body) });
  });

  it("hashes a GET webhook's query as compact JSON in its order", async () => {
    await twoAccounts();
    const query = { to: '447700900001', from: '447700900000', uuid: 'abc-123' };
    const token = vonageToken(acmeSecret, claimsFor('acme0001', JSON.stringify(query)));
    const request = [
      `GET /answer?${new URLSearchParams(query)} HTTP/1.1`,
      `Authorization: Bearer ${token}`,
      '',
      '',
    ].join('\n');
    const verdict = await ok('webhooks:verify', { scheme: 'jwt', request });
    expect(codes(verdict)).toEqual([]);
  });

  it('names each reason it fails, with a case built for each', async () => {
    const { acme } = await twoAccounts();
    const check = (input: object) => ok('webhooks:verify', input);

    const forged = vonageToken('not-the-secret', claimsFor('acme0001'));
    expect(codes(await check({ scheme: 'jwt', token: forged, body }))).toEqual([
      'SIGNATURE_MISMATCH',
    ]);

    const byGlobex = vonageToken(globexSecret, claimsFor('acme0001'));
    const other = await check({ scheme: 'jwt', token: byGlobex, body });
    expect(codes(other)).toEqual(['SIGNED_BY_OTHER_ACCOUNT']);
    expect(other.reasons[0]?.message).toContain('"Globex"');

    const genuine = vonageToken(acmeSecret, claimsFor('acme0001'));
    const changed = await check({
      scheme: 'jwt',
      token: genuine,
      body: body.replace('answered', 'completed'),
    });
    expect(codes(changed)).toEqual(['PAYLOAD_HASH_MISMATCH']);

    const pretty = JSON.stringify(JSON.parse(body), null, 2);
    const reserialised = await check({ scheme: 'jwt', token: genuine, body: pretty });
    expect(codes(reserialised)).toEqual(['BODY_RESERIALISED']);
    expect(reserialised.reasons[0]?.message).toMatch(/raw request body/);

    const stale = vonageToken(acmeSecret, claimsFor('acme0001', body, now() - 600));
    const staleVerdict = await check({ scheme: 'jwt', token: stale, body });
    expect(codes(staleVerdict)).toEqual(['STALE_TIMESTAMP']);
    expect(staleVerdict.reasons[0]?.message).toMatch(/10 min ago, 5 min beyond/);

    const future = vonageToken(acmeSecret, claimsFor('acme0001', body, now() + 300));
    expect(codes(await check({ scheme: 'jwt', token: future, body }))).toEqual([
      'ISSUED_IN_FUTURE',
    ]);

    // Signed with Acme's secret but naming Globex's key, checked as Acme.
    const wrongKey = vonageToken(acmeSecret, claimsFor('globex01'));
    expect(
      codes(await check({ scheme: 'jwt', token: wrongKey, body, account: acme.name })),
    ).toEqual(['API_KEY_MISMATCH']);

    const bareToken = vonageToken('whatever', claimsFor('nosecret'));
    expect(codes(await check({ scheme: 'jwt', token: bareToken, body }))).toEqual([
      'NO_SIGNATURE_SECRET',
    ]);

    const noHeader = rawRequest(genuine, body).replace(/Authorization: .*\r\n/, '');
    const missing = await check({ scheme: 'jwt', request: noHeader });
    expect(codes(missing)).toEqual(['MALFORMED']);
    expect(missing.reasons[0]?.message).toMatch(/no Authorization header/);

    const cut = await check({ scheme: 'jwt', token: genuine.slice(0, 40), body });
    expect(codes(cut)).toEqual(['MALFORMED']);
  });

  it('refuses a request that is not one, saying which line', async () => {
    await twoAccounts();
    const error = await fails('webhooks:verify', { scheme: 'jwt', request: 'hello there\n\n{}' });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'request' });
    expect(error.message).toMatch(/request line/);
  });
});

describe('verifying sig parameters (signed requests, SMS webhooks)', () => {
  const smsParams = () => ({
    'api-key': 'acme0001',
    msisdn: '447700900000',
    to: '447700900001',
    text: 'Hello & welcome = yes',
    timestamp: String(now()),
  });

  it.each(webhookSignatureMethods)(
    'accepts a sig made with %s when the account uses it',
    async (method) => {
      await twoAccounts(method);
      const params = smsParams();
      const sig = vonageSig(params, acmeSecret, method).toUpperCase();
      const query = new URLSearchParams({ ...params, sig }).toString();
      const verdict = await ok('webhooks:verify', { scheme: 'sig', params: query });
      expect(verdict).toMatchObject({ valid: true, method, account: { name: 'Acme Corp' } });
    },
  );

  it('says which method it was signed with, which account, or that it is stale', async () => {
    await twoAccounts('md5hash');
    const params = smsParams();
    const verify = (values: Record<string, string>) =>
      ok('webhooks:verify', { scheme: 'sig', params: new URLSearchParams(values).toString() });

    const bySha256 = await verify({ ...params, sig: vonageSig(params, acmeSecret, 'sha256') });
    expect(codes(bySha256)).toEqual(['METHOD_MISMATCH']);
    expect(bySha256.method).toBe('sha256');

    const byGlobex = await verify({ ...params, sig: vonageSig(params, globexSecret, 'md5hash') });
    expect(codes(byGlobex)).toEqual(['SIGNED_BY_OTHER_ACCOUNT']);

    const wrong = await verify({ ...params, sig: vonageSig(params, 'nope', 'md5hash') });
    expect(codes(wrong)).toEqual(['SIGNATURE_MISMATCH']);
    expect(wrong.details.signedString).toContain('&text=Hello _ welcome _ yes');

    const old = { ...params, timestamp: String(now() - 3600) };
    const stale = await verify({ ...old, sig: vonageSig(old, acmeSecret, 'md5hash') });
    expect(codes(stale)).toEqual(['STALE_TIMESTAMP']);

    expect(codes(await verify(params))).toEqual(['MALFORMED']);
  });
});

describe('signing', () => {
  it("signs a test webhook that Vonage's own @vonage/jwt verifies, with the claims Vonage sends", async () => {
    await twoAccounts();
    const signed = await ok('webhooks:sign', {
      scheme: 'jwt',
      account: 'Acme Corp',
      body,
      url: 'http://127.0.0.1:3000/webhooks/event',
    });
    if (signed.scheme !== 'jwt') throw new Error('expected a token');
    expect(vonageVerifyJwt(signed.token, acmeSecret)).toBe(true);
    expect(vonageVerifyJwt(signed.token, globexSecret)).toBe(false);
    expect(signed.claims).toMatchObject({
      api_key: 'acme0001',
      iss: 'Vonage',
      payload_hash: sha256(body),
    });
    expect(signed.curl).toContain(`--data-binary '${body}'`);
  });

  it.each(webhookSignatureMethods)(
    'signs parameters with %s as @vonage/sms expects',
    async (method) => {
      await twoAccounts(method);
      const signed = await ok('webhooks:sign', {
        scheme: 'sig',
        account: 'Acme Corp',
        params: 'to=447700900001&from=Acme&text=a=b&c',
      });
      if (signed.scheme !== 'sig') throw new Error('expected parameters');
      const params = Object.fromEntries(new URLSearchParams(signed.query));
      expect(Math.abs(Number(params.timestamp) - now())).toBeLessThan(5);
      const algorithm = {
        md5hash: 'MD5HASH',
        md5: 'MD5HMAC',
        sha1: 'SHA1HMAC',
        sha256: 'SHA256HMAC',
        sha512: 'SHA512HMAC',
      }[method];
      const vonage = SMS.prototype.verifySignature.call(
        {},
        params.sig ?? '',
        params,
        acmeSecret,
        algorithm as never,
      );
      expect(vonage).toBe(true);
    },
  );

  it('refuses to sign for an account with no signature secret, saying how to add one', async () => {
    await twoAccounts();
    const error = await fails('webhooks:sign', { scheme: 'jwt', account: 'No Secret Ltd', body });
    expect(error.message).toMatch(/has no signature secret.*--signature-secret-stdin/);
  });
});

describe('the history of signature checks', () => {
  it('keeps the verdict and its codes, never the secret, the token or the body', async () => {
    await twoAccounts();
    const token = vonageToken(globexSecret, claimsFor('acme0001'));
    await ok('webhooks:verify', { scheme: 'jwt', token, body });
    const page = await ok('history:list', { action: 'webhook-verify' });
    expect(page.events[0]?.summary).toBe(
      'Checked a signed webhook: not valid (SIGNED_BY_OTHER_ACCOUNT)',
    );
    const everything = JSON.stringify(
      vault.env().services.db.prepare('SELECT * FROM history').all(),
    );
    for (const leak of [acmeSecret, globexSecret, token.split('.')[2] ?? token, '447700900001'])
      expect(everything).not.toContain(leak);
  });
});
