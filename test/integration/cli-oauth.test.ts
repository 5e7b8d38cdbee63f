import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, cliPath, cliRunner } from '../helpers/cli';
import { startForwardProxy } from '../helpers/forward-proxy';
import { createTestKeychain } from '../helpers/keychain';
import {
  pressOnAuthorizePage,
  startOAuthProvider,
  type OAuthProvider,
} from '../helpers/oauth-provider';
import { makeDataDir } from '../helpers/services';

const keychain = createTestKeychain();
const dataDir = makeDataDir();
const keydesk = cliRunner(dataDir, keychain.service);
const consumer = { key: 'cli-consumer', secret: 'cli-Consumer-Secret' };
let provider: OAuthProvider;

/**
 * `keydesk oauth login` as a background process; the test plays the user's browser: it reads the
 * authorize URL from stderr, presses a button on the provider's page, and follows the redirect to
 * the CLI's loopback callback.
 */
function loginPlayingTheBrowser(
  decision: 'allow' | 'deny',
  strays = false,
  env: NodeJS.ProcessEnv = {},
) {
  const child = spawn(
    process.execPath,
    [cliPath, 'oauth', 'login', 'Acme', '--no-browser', '--timeout', '30'],
    {
      env: {
        ...process.env,
        KEYDESK_HOME: dataDir,
        KEYDESK_KEYCHAIN_SERVICE: keychain.service,
        ...env,
      },
    },
  );
  let stderr = '';
  let pressed = false;
  return new Promise<{ code: number | null; stderr: string; callbackPage: string }>(
    (resolve, reject) => {
      let callbackPage = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const url = /\s(http:\/\/127\.0\.0\.1:\d+\/oauth\/authorize\?oauth_token=\w+)/.exec(
          stderr,
        )?.[1];
        if (url && !pressed) {
          pressed = true;
          void pressOnAuthorizePage(url, decision)
            .then(async ({ location }) => {
              expect(location).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback\/[0-9a-f]{32}\?/);
              if (strays) await sendStrays(location ?? '');
              callbackPage = await (await fetch(location ?? '')).text();
            })
            .catch(reject);
        }
      });
      child.on('exit', (code) => setTimeout(() => resolve({ code, stderr, callbackPage }), 50));
    },
  );
}

/**
 * What else may knock on the loopback port while a login waits: a favicon request, a guessed
 * callback path, another login's token, the right URL under another host name (DNS rebinding).
 * Each must be ignored (404), never end the login.
 */
async function sendStrays(location: string) {
  const callback = new URL(location);
  const statusOf = (path: string, host = callback.host) =>
    new Promise<number>((resolve, reject) => {
      request({ host: '127.0.0.1', port: callback.port, path, headers: { Host: host } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
  const forged = new URL(location);
  forged.searchParams.set('oauth_token', 'someone-else');
  forged.searchParams.set('oauth_verifier', 'forged');
  expect(await statusOf('/favicon.ico')).toBe(404);
  expect(await statusOf(`/callback${callback.search}`)).toBe(404);
  expect(await statusOf(`${forged.pathname}${forged.search}`)).toBe(404);
  expect(
    await statusOf(`${callback.pathname}${callback.search}`, `evil.example:${callback.port}`),
  ).toBe(404);
}

beforeAll(async () => {
  assertCliBuilt();
  provider = await startOAuthProvider(consumer);
  expect(
    keydesk(['accounts', 'add', '--name', 'Acme', '--api-key', 'abcd1234'], {
      stdin: 'acme-secret\n',
    }).code,
  ).toBe(0);
});
afterAll(async () => {
  await provider.close();
  await keychain.clear();
});

describe('keydesk oauth', () => {
  it('adds and lists a consumer, its secret from stdin', () => {
    const added = keydesk(
      [
        'oauth',
        'consumer',
        'add',
        '--account',
        'Acme',
        '--key',
        consumer.key,
        '--base-url',
        provider.baseUrl,
      ],
      { stdin: `${consumer.secret}\n` },
    );
    expect(added).toMatchObject({
      code: 0,
      stderr: expect.stringMatching(
        /Added OAuth consumer cli-consumer to account "Acme" \(callback login/,
      ),
    });
    expect(JSON.parse(keydesk(['oauth', 'consumer', 'list', '--json']).stdout)).toMatchObject([
      { consumerKey: consumer.key, baseUrl: provider.baseUrl },
    ]);
    expect(
      keydesk(
        ['oauth', 'consumer', 'add', '--account', 'Acme', '--key', 'x', '--base-url', 'ftp://nope'],
        { stdin: 's\n' },
      ),
    ).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/--base-url: Enter an http\(s\) URL/),
    });
    expect(keydesk(['oauth', 'consumer', 'add', '--account', 'Acme', '--key', 'y'])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/No Consumer secret on stdin/),
    });
  });

  it('logs in through the loopback callback, and a signed request is accepted', async () => {
    const result = await loginPlayingTheBrowser('allow', true);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/Logged in: access token ".+" \(.+\) is in the keychain\./);
    expect(result.callbackPage).toContain('Keydesk is authorized');
    const tokens = JSON.parse(keydesk(['oauth', 'tokens', '--json']).stdout);
    expect(tokens).toHaveLength(1);

    const header = keydesk([
      'oauth',
      'sign',
      'Acme',
      'GET',
      provider.resourceUrl,
      'to=447700900000',
    ]);
    expect(header.stdout).toMatch(/^Authorization: OAuth oauth_consumer_key="cli-consumer", /);
    const response = await fetch(`${provider.resourceUrl}?to=447700900000`, {
      headers: { Authorization: header.stdout.trim().replace(/^Authorization: /, '') },
    });
    expect(response.status).toBe(200);
    expect(
      keydesk(['oauth', 'sign', 'Acme', 'POST', provider.resourceUrl, 'text=hi', '--curl']).stdout,
    ).toMatch(
      /^curl -X POST -H 'Authorization: OAuth .*' --data-urlencode 'text=hi' 'http:\/\/127\.0\.0\.1:\d+\/api\/resource'\n$/,
    );
    expect(
      keydesk(['oauth', 'sign', 'Acme', 'GET', provider.resourceUrl, 'novalue']),
    ).toMatchObject({ code: 2, stderr: expect.stringMatching(/"novalue" is not NAME=VALUE/) });
  });

  it('says so when the user denies, and stores nothing; a signed request never crosses a proxy in clear', async () => {
    const proxy = await startForwardProxy();
    const result = await loginPlayingTheBrowser('deny', false, { HTTP_PROXY: proxy.url });
    await proxy.close();
    // The provider is plain http on this machine: the signed request went direct, not in clear
    // through HTTP_PROXY.
    expect(proxy.carried).toEqual([]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /keydesk: Access was denied on the authorize page; nothing was stored\./,
    );
    expect(result.callbackPage).toContain('Keydesk was not authorized');
    expect(JSON.parse(keydesk(['oauth', 'tokens', '--json']).stdout)).toHaveLength(1);
  });

  it('forgets a token and removes the consumer', () => {
    const [token] = JSON.parse(keydesk(['oauth', 'tokens', '--json']).stdout) as { id: string }[];
    expect(keydesk(['oauth', 'forget', token?.id ?? ''])).toMatchObject({
      code: 0,
      stderr: expect.stringMatching(/Forgot access token/),
    });
    expect(keydesk(['oauth', 'forget', 'nope'])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/no access token with id or label "nope"/),
    });
    expect(keydesk(['oauth', 'consumer', 'remove', consumer.key, '--yes'])).toMatchObject({
      code: 0,
    });
    expect(keydesk(['oauth', 'consumer', 'list']).stderr).toMatch(/No OAuth consumers yet/);
    expect(keydesk(['doctor']).code).toBe(0);
  });
});
