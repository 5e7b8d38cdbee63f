import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { contractCaller } from '../helpers/contract-caller';
import { createMemoryTestKeychain } from '../helpers/keychain';
import {
  pressingAuthorizer,
  startOAuthProvider,
  type OAuthProvider,
} from '../helpers/oauth-provider';
import { openTestServices } from '../helpers/services';

/** Where OAuth lets main go for a page: https, the consumer's own provider, answers capped. */
const keychain = createMemoryTestKeychain();
const consumer = { key: 'policy-consumer', secret: 'policy-Consumer-Secret' };
let provider: OAuthProvider;
let opened: ReturnType<typeof openTestServices>;
const { ok, fails } = contractCaller(() => opened.invoke);

beforeAll(async () => {
  provider = await startOAuthProvider(consumer);
});
afterAll(async () => {
  await provider.close();
  await keychain.clear();
});
beforeEach(() => {
  opened = openTestServices(keychain, {
    authorizer: pressingAuthorizer('allow'),
  });
  provider.state.mode = 'ok';
});
afterEach(async () => {
  opened.dispose();
  await keychain.clear();
});

async function addConsumer() {
  const acme = await ok('accounts:create', { name: 'Acme', apiKey: 'abcd1234', apiSecret: 's' });
  const added = await ok('oauth:consumers:create', {
    accountId: acme.id,
    consumerKey: consumer.key,
    consumerSecret: consumer.secret,
    baseUrl: provider.baseUrl,
    callbackUrl: 'http://127.0.0.1/keydesk/oauth/callback',
  });
  return { acme, added };
}
const tokenRows = () =>
  (opened.services.db.prepare('SELECT count(*) AS n FROM oauth_tokens').get() as { n: number }).n;

describe('what OAuth lets a page make main do', () => {
  it('stops reading a huge answer at 1 MiB and says it was too large', async () => {
    const { added } = await addConsumer();
    provider.state.mode = 'huge';
    provider.state.hugeBytesSent = 0;
    const error = await fails('oauth:login', { consumerId: added.id });
    expect(error).toMatchObject({
      code: 'OAUTH_BAD_RESPONSE',
      message: expect.stringMatching(/larger than 1 MiB; Keydesk stopped reading it/),
    });
    // the provider was cut off long before its 100 MiB were all sent
    expect(provider.state.hugeBytesSent).toBeLessThan(32 * 1024 * 1024);
    expect(tokenRows()).toBe(0);
  });

  it('PLAINTEXT only over https; signed requests only to the provider, Vonage or this machine', async () => {
    const { acme, added } = await addConsumer();
    await ok('oauth:login', { consumerId: added.id });
    const plaintextOverHttp = await fails('oauth:send', {
      accountId: acme.id,
      method: 'GET',
      url: provider.resourceUrl,
      signatureMethod: 'PLAINTEXT',
    });
    expect(plaintextOverHttp).toMatchObject({
      code: 'VALIDATION',
      field: 'signatureMethod',
      message: expect.stringMatching(/only for https URLs \(RFC 5849 section 3\.4\.4\)/),
    });
    expect(
      (
        await ok('oauth:sign', {
          accountId: acme.id,
          method: 'GET',
          url: 'https://api.nexmo.com/v1/calls',
          signatureMethod: 'PLAINTEXT',
        })
      ).authorization,
    ).toMatch(/oauth_signature_method="PLAINTEXT"/);
    const before = provider.log.length;
    for (const [url, message] of [
      ['http://example.com/steal', /https only/],
      [
        'https://attacker.example/collect',
        /only to its provider \(127\.0\.0\.1\) or Vonage's API hosts/,
      ],
      ['http://10.0.0.1/admin', /https only/],
    ] as const) {
      expect(
        await fails('oauth:send', { accountId: acme.id, method: 'GET', url }),
        url,
      ).toMatchObject({
        code: 'VALIDATION',
        field: 'url',
        message: expect.stringMatching(message),
      });
    }
    expect(provider.log.length).toBe(before);
  });

  it('a consumer base URL must be https, or http on this machine', async () => {
    const acme = await ok('accounts:create', { name: 'Acme', apiKey: 'abcd1234', apiSecret: 's' });
    for (const baseUrl of ['http://attacker.example/oauth/', 'http://192.168.1.10/oauth/']) {
      expect(
        await fails('oauth:consumers:create', {
          accountId: acme.id,
          consumerKey: 'k',
          consumerSecret: 's',
          baseUrl,
        }),
        baseUrl,
      ).toMatchObject({
        code: 'VALIDATION',
        field: 'baseUrl',
        message: expect.stringMatching(/https/),
      });
    }
    for (const baseUrl of ['https://dashboard.nexmo.com/oauth/', 'http://localhost:9999/oauth/']) {
      expect(
        (
          await ok('oauth:consumers:create', {
            accountId: acme.id,
            consumerKey: `k${baseUrl.length}`,
            consumerSecret: 's',
            baseUrl,
          })
        ).baseUrl,
      ).toBe(baseUrl);
    }
  });
});
