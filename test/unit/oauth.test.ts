import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { KeydeskError } from '../../src/shared/errors';
import type { Authorizer } from '../../src/core/oauth/authorizer';
import { secretRefs } from '../../src/core/keychain/keychain';
import { contractCaller } from '../helpers/contract-caller';
import { createMemoryTestKeychain } from '../helpers/keychain';
import {
  pressOnAuthorizePage,
  pressingAuthorizer,
  startOAuthProvider,
  type OAuthProvider,
} from '../helpers/oauth-provider';
import { openTestServices } from '../helpers/services';

const keychain = createMemoryTestKeychain();
const consumer = { key: 'keydesk-consumer', secret: 'consumer-Secret-42' };
let provider: OAuthProvider;

/** The user on the authorize page (over HTTP), or closing the window before answering. */
function httpAuthorizer(decision: 'allow' | 'deny' | 'close'): Authorizer {
  if (decision !== 'close') return pressingAuthorizer(decision);
  return {
    authorize: () =>
      Promise.reject(
        new KeydeskError('OAUTH_CANCELLED', 'The authorize window was closed; nothing was stored.'),
      ),
  };
}

let opened: ReturnType<typeof openTestServices> & {
  authorizerDecision: { value: 'allow' | 'deny' | 'close' };
};
const { ok, fails } = contractCaller(() => opened.invoke);

beforeAll(async () => {
  provider = await startOAuthProvider(consumer);
});
afterAll(async () => {
  await provider.close();
  await keychain.clear();
});
beforeEach(() => {
  const authorizerDecision = { value: 'allow' as 'allow' | 'deny' | 'close' };
  const authorizer: Authorizer = {
    authorize: (request) => httpAuthorizer(authorizerDecision.value).authorize(request),
  };
  opened = { ...openTestServices(keychain, { authorizer }), authorizerDecision };
  provider.state.mode = 'ok';
});
afterEach(async () => {
  opened.dispose();
  await keychain.clear();
});

async function addConsumer(overrides: object = {}) {
  const acme = await ok('accounts:create', {
    name: 'Acme',
    apiKey: 'abcd1234',
    apiSecret: 'acme-secret',
  });
  const added = await ok('oauth:consumers:create', {
    accountId: acme.id,
    consumerKey: consumer.key,
    consumerSecret: consumer.secret,
    baseUrl: provider.baseUrl,
    callbackUrl: 'http://127.0.0.1/keydesk/oauth/callback',
    ...overrides,
  });
  return { acme, added };
}
const tokenRows = () =>
  (opened.services.db.prepare('SELECT count(*) AS n FROM oauth_tokens').get() as { n: number }).n;
const tokenRefs = async () =>
  (await opened.services.keychain.listRefs()).filter((r) => r.startsWith('oauthToken/'));

describe('OAuth consumers', () => {
  it('stores the consumer secret in the keychain only, and refuses bad input with the field at fault', async () => {
    const { acme, added } = await addConsumer();
    expect(added).toMatchObject({
      consumerKey: consumer.key,
      baseUrl: provider.baseUrl,
      accountName: 'Acme',
    });
    expect(await opened.services.keychain.get(secretRefs.consumerSecret(added.id))).toBe(
      consumer.secret,
    );
    expect(
      JSON.stringify(opened.services.db.prepare('SELECT * FROM oauth_consumers').all()),
    ).not.toContain(consumer.secret);
    const base = { accountId: acme.id, consumerKey: 'other', consumerSecret: 's3cret' };
    expect(
      await fails('oauth:consumers:create', { ...base, consumerKey: consumer.key }),
    ).toMatchObject({ code: 'CONFLICT', field: 'consumerKey' });
    expect(await fails('oauth:consumers:create', { ...base, baseUrl: 'ftp://x' })).toMatchObject({
      field: 'baseUrl',
      message: expect.stringMatching(/http\(s\) URL/),
    });
    expect(
      await fails('oauth:consumers:create', { ...base, consumerSecret: 'has space' }),
    ).toMatchObject({ field: 'consumerSecret' });
    expect(await fails('oauth:consumers:create', { ...base, accountId: 'nobody' })).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await ok('oauth:consumers:list', {})).toHaveLength(1);
  });

  it('defaults to the Vonage dashboard endpoints', async () => {
    const acme = await ok('accounts:create', {
      name: 'Acme',
      apiKey: 'abcd1234',
      apiSecret: 'acme-secret',
    });
    const added = await ok('oauth:consumers:create', {
      accountId: acme.id,
      consumerKey: 'k1',
      consumerSecret: 's1',
    });
    expect(added).toMatchObject({
      baseUrl: 'https://dashboard.nexmo.com/oauth/',
      callbackUrl: null,
    });
  });
});

describe('logging in', () => {
  it('runs the three legs, stores the token, and a signed request to the protected resource succeeds', async () => {
    const { acme, added } = await addConsumer();
    const token = await ok('oauth:login', { consumerId: added.id, label: 'Support login' });
    expect(token).toMatchObject({
      label: 'Support login',
      consumerKey: consumer.key,
      accountId: acme.id,
    });
    expect(await tokenRefs()).toEqual([secretRefs.accessToken(token.id)]);
    expect(provider.log.map((l) => [l.path, l.verified])).toEqual([
      ['/oauth/request_token', true],
      ['/oauth/access_token', true],
    ]);

    for (const signatureMethod of ['HMAC-SHA1', 'HMAC-SHA256'] as const) {
      const sent = await ok('oauth:send', {
        accountId: acme.id,
        method: 'GET',
        url: provider.resourceUrl,
        params: [
          ['to', '447700900000'],
          ['text', 'hi & bye'],
        ],
        signatureMethod,
      });
      expect(sent.status, sent.body).toBe(200);
      expect(JSON.parse(sent.body)).toMatchObject({
        ok: true,
        query: { to: '447700900000', text: 'hi & bye' },
      });
    }
    const posted = await ok('oauth:send', {
      accountId: acme.id,
      method: 'POST',
      url: provider.resourceUrl,
      params: [['text', 'ünïcode ✓']],
    });
    expect(JSON.parse(posted.body)).toMatchObject({ method: 'POST', form: { text: 'ünïcode ✓' } });

    const signed = await ok('oauth:sign', {
      accountId: acme.id,
      method: 'get',
      url: provider.resourceUrl,
      params: [['a', '1']],
    });
    expect(signed.authorization).toMatch(
      /^OAuth oauth_consumer_key="keydesk-consumer", .*oauth_token="/,
    );
    expect(signed.baseString).toMatch(
      /^GET&http%3A%2F%2F127\.0\.0\.1%3A\d+%2Fapi%2Fresource&a%3D1%26oauth_consumer_key/,
    );
    expect(signed.curl).toMatch(
      /^curl -H 'Authorization: OAuth .*' 'http:\/\/127\.0\.0\.1:\d+\/api\/resource\?a=1'$/,
    );
    const events = (await ok('history:list', {})).events.map((e) => e.action);
    // two GETs (HMAC-SHA1, HMAC-SHA256), a POST and a sign, after the login
    expect(events.slice(0, 5)).toEqual([
      'oauth-sign',
      'oauth-sign',
      'oauth-sign',
      'oauth-sign',
      'oauth-login',
    ]);
  });

  it('a tampered consumer secret is rejected by the provider', async () => {
    const { acme, added } = await addConsumer();
    await ok('oauth:login', { consumerId: added.id });
    await opened.services.keychain.set(secretRefs.consumerSecret(added.id), 'tampered-secret');
    const sent = await ok('oauth:send', {
      accountId: acme.id,
      method: 'GET',
      url: provider.resourceUrl,
    });
    expect(sent).toMatchObject({ status: 401, body: 'oauth_problem=signature_invalid' });
  });

  it.each([
    ['deny', 'ok', 'OAUTH_DENIED', /denied on the authorize page/],
    ['close', 'ok', 'OAUTH_CANCELLED', /window was closed/],
    ['allow', 'unauthorized', 'OAUTH_REJECTED', /HTTP 401\): oauth_problem=consumer_key_rejected/],
    [
      'allow',
      'garbage',
      'OAUTH_BAD_RESPONSE',
      /not an OAuth token response .*HTTP 200, text\/html/,
    ],
    ['allow', 'unconfirmed', 'OAUTH_BAD_RESPONSE', /oauth_callback_confirmed/],
  ] as const)(
    '%s with provider mode %s: %s, and no half-stored token',
    async (decision, mode, code, message) => {
      const { added } = await addConsumer();
      opened.authorizerDecision.value = decision;
      provider.state.mode = mode;
      const error = await fails('oauth:login', { consumerId: added.id });
      expect(error).toMatchObject({ code, message: expect.stringMatching(message) });
      expect(tokenRows()).toBe(0);
      expect(await tokenRefs()).toEqual([]);
      const [event] = (await ok('history:list', { action: 'oauth-login' })).events;
      expect(event).toMatchObject({ outcome: 'failed', error: { code } });
    },
  );

  it('times out against a provider that never answers (setting: 1 s)', async () => {
    const { added } = await addConsumer();
    await ok('settings:update', { oauthTimeoutSeconds: 1 });
    provider.state.mode = 'hang';
    expect(await fails('oauth:login', { consumerId: added.id })).toMatchObject({
      code: 'OAUTH_TIMEOUT',
      message: expect.stringMatching(/within 1 s/),
    });
    expect(tokenRows()).toBe(0);
  });

  it('says the connection was refused when nothing listens there', async () => {
    // A port that was just free (port 9 is on fetch's blocked list, which would say otherwise).
    const closedPort = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const { added } = await addConsumer({ baseUrl: `http://127.0.0.1:${closedPort}/oauth/` });
    expect(await fails('oauth:login', { consumerId: added.id })).toMatchObject({
      code: 'OAUTH_UNREACHABLE',
      message: expect.stringMatching(/refused the connection/),
    });
  });

  it('logs in out of band with the PIN the provider shows', async () => {
    const { acme, added } = await addConsumer({ callbackUrl: null });
    expect(await fails('oauth:login', { consumerId: added.id })).toMatchObject({
      message: expect.stringMatching(/PIN \(oob\)/),
    });
    const { pendingId, authorizeUrl } = await ok('oauth:loginStart', { consumerId: added.id });
    const { pin } = await pressOnAuthorizePage(authorizeUrl, 'allow');
    expect(pin).toBeTruthy();
    expect(await fails('oauth:loginFinish', { pendingId, pin: 'wrong-pin' })).toMatchObject({
      code: 'OAUTH_REJECTED',
      message: expect.stringMatching(/verifier_invalid/),
    });
    expect(await fails('oauth:loginFinish', { pendingId, pin })).toMatchObject({
      code: 'NOT_FOUND',
      field: 'pendingId',
    });
    const again = await ok('oauth:loginStart', { consumerId: added.id });
    const second = await pressOnAuthorizePage(again.authorizeUrl, 'allow');
    const token = await ok('oauth:loginFinish', {
      pendingId: again.pendingId,
      pin: second.pin ?? '',
    });
    const sent = await ok('oauth:send', {
      accountId: acme.id,
      method: 'GET',
      url: provider.resourceUrl,
      tokenId: token.id,
    });
    expect(sent.status).toBe(200);
  });

  it('forgets tokens, removes consumers, and removing the account leaves no OAuth secret behind', async () => {
    const { acme, added } = await addConsumer();
    const first = await ok('oauth:login', { consumerId: added.id });
    await ok('oauth:login', { consumerId: added.id });
    expect(await ok('oauth:tokens:list', { accountId: acme.id })).toHaveLength(2);
    await ok('oauth:tokens:forget', { id: first.id });
    expect(await opened.services.keychain.get(secretRefs.accessToken(first.id))).toBeNull();
    expect(
      await fails('oauth:sign', {
        accountId: acme.id,
        method: 'GET',
        url: provider.resourceUrl,
        tokenId: first.id,
      }),
    ).toMatchObject({ code: 'NOT_FOUND' });
    await ok('accounts:remove', { id: acme.id });
    expect(await keychain.listRefs()).toEqual([]);
    expect(await ok('oauth:consumers:list', {})).toEqual([]);
    expect((await ok('doctor:run', { fix: false })).orphanSecrets).toEqual([]);
  });
});
