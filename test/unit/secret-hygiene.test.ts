import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMemoryClipboard } from '../../src/core/clipboard/clipboard-port';
import { secretRefs } from '../../src/core/keychain/keychain';
import { revealsSecrets } from '../../src/shared/channels';
import type { Invoke } from '../../src/core/handlers';
import type { Channel } from '../../src/shared/contract';
import { contractCaller } from '../helpers/contract-caller';
import { createMemoryTestKeychain } from '../helpers/keychain';
import { makeRsaKeys } from '../helpers/keys';
import {
  leakedTokenSecret,
  pressingAuthorizer,
  startOAuthProvider,
  type OAuthProvider,
} from '../helpers/oauth-provider';
import { expectNoSecretsAtRest } from '../helpers/secrets-at-rest';
import { openTestServices } from '../helpers/services';

const keychain = createMemoryTestKeychain();
let provider: OAuthProvider;
beforeAll(async () => {
  provider = await startOAuthProvider({
    key: 'hygiene-consumer',
    secret: 'hygiene-Consumer-Secret',
  });
});
afterAll(async () => {
  await provider.close();
  await keychain.clear();
});

describe('secret hygiene after a full working session', () => {
  it('no secret or token is at rest, in the logs, the history, or an answer not marked reveals', async () => {
    const logged: string[] = [];
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
      vi
        .spyOn(console, level)
        .mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' '))),
    );
    const clipboard = createMemoryClipboard();
    const opened = openTestServices(keychain, {
      clipboard,
      authorizer: pressingAuthorizer('allow'),
    });
    // Every answer of the session, by channel: only the channels marked `reveals` may carry one.
    const answers: [Channel, string][] = [];
    const recording: Invoke = async (channel, input, context) => {
      const result = await opened.invoke(channel, input, context);
      answers.push([channel, JSON.stringify(result)]);
      return result;
    };
    const { ok } = contractCaller(() => recording);
    const keys = makeRsaKeys();
    const appId = 'aaaaaaaa-bbbb-cccc-dddd-0123456789ab';

    const acme = await ok('accounts:create', {
      name: 'Acme',
      apiKey: 'abcd1234',
      apiSecret: 'hygiene-Api-Secret-1',
      signatureSecret: 'hygiene-Signature-Secret',
    });
    await ok('accounts:update', { id: acme.id, apiSecret: 'hygiene-Api-Secret-2' });
    await ok('apps:create', {
      accountId: acme.id,
      id: appId,
      name: 'Voice',
      key: { kind: 'pem', pem: keys.pkcs1 },
    });
    const tokens = [];
    for (let i = 0; i < 3; i += 1)
      tokens.push((await ok('jwt:mint', { applicationId: appId, sub: `user${i}` })).token);
    await ok('clipboard:copy', { what: 'jwt', format: 'curl', mint: { applicationId: appId } });
    tokens.push((await clipboard.readText()).match(/Bearer ([\w.-]+)/)?.[1] ?? '');
    await ok('clipboard:copy', { what: 'basicAuth', accountId: acme.id });
    const basic = await clipboard.readText();
    await ok('accounts:revealSecret', { id: acme.id, which: 'signatureSecret' });
    await ok('apps:exportPrivateKey', { id: appId });
    await ok('credentials:environment', { ref: appId, purpose: 'env' });
    for (const read of ['accounts:list', 'apps:list', 'oauth:consumers:list', 'oauth:tokens:list'])
      await ok(read as 'accounts:list', {});
    await ok('accounts:get', { id: acme.id });
    await ok('apps:get', { id: appId });
    await ok('import:apply', {
      fileName: '.nexmorc',
      content: '[credentials]\napi_key = ffff0000\napi_secret = hygiene-Imported-Secret\n',
    });
    const consumer = await ok('oauth:consumers:create', {
      accountId: acme.id,
      consumerKey: 'hygiene-consumer',
      consumerSecret: 'hygiene-Consumer-Secret',
      baseUrl: provider.baseUrl,
      callbackUrl: 'http://127.0.0.1/keydesk/oauth/callback',
    });
    const token = await ok('oauth:login', { consumerId: consumer.id });
    const signed = await ok('oauth:send', {
      accountId: acme.id,
      method: 'GET',
      url: provider.resourceUrl,
      params: [['a', 'b']],
    });
    expect(signed.status).toBe(200);
    await ok('oauth:sign', {
      accountId: acme.id,
      method: 'POST',
      url: provider.resourceUrl,
      params: [['a', 'b']],
    });
    // A provider whose malformed answer carries a token secret: the failure names its shape only.
    provider.state.mode = 'leaky';
    const leakyLogin = await opened.invoke('oauth:login', { consumerId: consumer.id });
    provider.state.mode = 'ok';
    expect(leakyLogin).toMatchObject({ ok: false, error: { code: 'OAUTH_BAD_RESPONSE' } });
    const access = JSON.parse(
      (await opened.services.keychain.get(secretRefs.accessToken(token.id))) ?? '{}',
    ) as {
      key: string;
      secret: string;
    };
    const history = JSON.stringify(await ok('history:list', { limit: 500 }));
    const { csv } = await ok('history:export', {});
    const status = JSON.stringify(await ok('system:status', {}));
    for (const spy of spies) spy.mockRestore();

    const secrets = [
      leakedTokenSecret,
      'hygiene-Api-Secret-1',
      'hygiene-Api-Secret-2',
      'hygiene-Signature-Secret',
      'hygiene-Imported-Secret',
      'hygiene-Consumer-Secret',
      access.key,
      access.secret,
      basic.replace('Authorization: Basic ', ''),
      ...keys.pkcs1.split('\n').slice(1, 5),
      ...keys.pkcs8.split('\n').slice(1, 5),
      ...tokens,
      ...tokens.map((t) => t.split('.')[2] ?? ''),
    ];
    expect(secrets.every((s) => s.length > 8)).toBe(true);
    const checked = expectNoSecretsAtRest(opened.dataDir, secrets);
    for (const [where, text] of [
      ['console output', logged.join('\n')],
      ['history', history],
      ['history CSV', csv],
      ['status', status],
      ['failed login', JSON.stringify(leakyLogin)],
    ] as const) {
      for (const secret of secrets)
        expect(text.includes(secret), `${secret.slice(0, 20)}… in the ${where}`).toBe(false);
    }
    expect(checked).toBeGreaterThanOrEqual(2);
    const carrying = (text: string) => secrets.filter((secret) => text.includes(secret));
    for (const [channel, answer] of answers) {
      if (revealsSecrets(channel)) continue;
      expect(
        carrying(answer).map((s) => s.slice(0, 20)),
        `the answer of ${channel}`,
      ).toEqual([]);
    }
    // And the mark is not left on a channel that no longer reveals anything.
    const revealing = [...new Set(answers.map(([channel]) => channel))].filter((c) =>
      revealsSecrets(c),
    );
    expect(revealing.sort()).toEqual([
      'accounts:revealSecret',
      'apps:exportPrivateKey',
      'credentials:environment',
      'jwt:mint',
      'oauth:send',
      'oauth:sign',
    ]);
    for (const channel of revealing) {
      const carried = answers.filter(([c, answer]) => c === channel && carrying(answer).length);
      expect(carried.length, `an answer of ${channel} with a secret`).toBeGreaterThan(0);
    }
    opened.dispose();
  });
});
