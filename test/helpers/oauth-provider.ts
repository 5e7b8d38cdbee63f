import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readCallback, type Authorizer } from '../../src/core/oauth/authorizer';
import { tally } from './tally';

/**
 * A local OAuth 1.0a provider for the tests: request token, an authorize page with Authorize and
 * Deny, access token, and one protected resource. It verifies every signature with its own
 * RFC 5849 section 3.4 code on node:crypto, sharing nothing with Keydesk's signing path.
 */

/** RFC 3986 unreserved characters stay; everything else is %XX (RFC 5849 3.6). */
export function rfcEncode(text: string): string {
  return Array.from(Buffer.from(text, 'utf8'))
    .map((byte) => {
      const char = String.fromCharCode(byte);
      return /[A-Za-z0-9\-._~]/.test(char)
        ? char
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

export function parseAuthorizationHeader(header: string | undefined): Map<string, string> {
  const params = new Map<string, string>();
  if (!header?.startsWith('OAuth ')) return params;
  for (const part of header.slice(6).split(',')) {
    const match = /^\s*([^=\s]+)="([^"]*)"\s*$/.exec(part);
    if (match?.[1] && match[2] !== undefined)
      params.set(decodeURIComponent(match[1]), decodeURIComponent(match[2]));
  }
  return params;
}

/** RFC 5849 3.4.1: method & base string URI & normalized parameters. */
export function signatureBaseString(
  method: string,
  url: URL,
  oauthParams: Map<string, string>,
  bodyParams: [string, string][],
): string {
  const defaultPort =
    (url.protocol === 'http:' && url.port === '80') ||
    (url.protocol === 'https:' && url.port === '443');
  const baseUri = `${url.protocol}//${url.hostname.toLowerCase()}${url.port && !defaultPort ? `:${url.port}` : ''}${url.pathname}`;
  const pairs: [string, string][] = [
    ...[...url.searchParams],
    ...bodyParams,
    ...[...oauthParams].filter(([name]) => name !== 'realm' && name !== 'oauth_signature'),
  ].map(([n, v]) => [rfcEncode(n), rfcEncode(v)]);
  pairs.sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const normalized = pairs.map(([n, v]) => `${n}=${v}`).join('&');
  return `${method.toUpperCase()}&${rfcEncode(baseUri)}&${rfcEncode(normalized)}`;
}

export function expectedSignature(
  method: string,
  base: string,
  consumerSecret: string,
  tokenSecret: string,
): string {
  const key = `${rfcEncode(consumerSecret)}&${rfcEncode(tokenSecret)}`;
  if (method === 'PLAINTEXT') return key;
  const algorithm = method === 'HMAC-SHA1' ? 'sha1' : method === 'HMAC-SHA256' ? 'sha256' : '';
  if (!algorithm) return '';
  return createHmac(algorithm, key).update(base).digest('base64');
}

type Mode = 'ok' | 'unauthorized' | 'garbage' | 'hang' | 'unconfirmed' | 'leaky' | 'huge';

/** What the 'leaky' provider puts in a malformed token response: it must never be echoed. */
export const leakedTokenSecret = 'Leaked-Token-Secret-7f3a';

interface Grant {
  secret: string;
  callback: string;
  verifier?: string;
  consumerKey: string;
}

export async function startOAuthProvider(consumer: { key: string; secret: string }) {
  const requestTokens = new Map<string, Grant>();
  const accessTokens = new Map<string, { secret: string; consumerKey: string }>();
  const nonces = new Set<string>();
  const log: { path: string; verified: boolean; problem?: string }[] = [];
  const hanging: ServerResponse[] = [];
  const state = { mode: 'ok' as Mode, hugeBytesSent: 0 };
  const token = () => randomBytes(12).toString('hex');

  function verify(
    req: IncomingMessage,
    url: URL,
    body: [string, string][],
    tokenSecret: (key: string | undefined) => string | undefined,
  ): string | undefined {
    const params = parseAuthorizationHeader(req.headers.authorization);
    if (params.get('oauth_consumer_key') !== consumer.key) return 'consumer_key_unknown';
    const method = params.get('oauth_signature_method') ?? '';
    if (!['HMAC-SHA1', 'HMAC-SHA256', 'PLAINTEXT'].includes(method))
      return 'signature_method_rejected';
    const timestamp = Number(params.get('oauth_timestamp'));
    if (!Number.isFinite(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > 300)
      return 'timestamp_refused';
    const nonce = `${params.get('oauth_nonce')}:${timestamp}`;
    if (nonces.has(nonce)) return 'nonce_used';
    nonces.add(nonce);
    const secret = tokenSecret(params.get('oauth_token'));
    if (secret === undefined) return 'token_rejected';
    const expected = expectedSignature(
      method,
      signatureBaseString(req.method ?? 'GET', url, params, body),
      consumer.secret,
      secret,
    );
    const given = Buffer.from(params.get('oauth_signature') ?? '');
    if (
      given.length !== Buffer.byteLength(expected) ||
      !timingSafeEqual(given, Buffer.from(expected))
    )
      return 'signature_invalid';
    return undefined;
  }

  /** Up to 100 MiB, written only as fast as the client reads: stops when it hangs up. */
  function streamHuge(res: ServerResponse) {
    res.writeHead(200, { 'Content-Type': 'application/x-www-form-urlencoded' });
    const chunk = Buffer.alloc(256 * 1024, 'a');
    const more = () => {
      while (state.hugeBytesSent < 100 * 1024 * 1024 && !res.destroyed) {
        state.hugeBytesSent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', more);
      }
      res.end();
    };
    res.on('close', () => undefined);
    more();
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      const form = (req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')
        ? [...new URLSearchParams(raw)]
        : [];
      const params = parseAuthorizationHeader(req.headers.authorization);
      const send = (status: number, text: string, type = 'application/x-www-form-urlencoded') => {
        res.writeHead(status, { 'Content-Type': type });
        res.end(text);
      };
      const refuse = (problem: string) => {
        log.push({ path: url.pathname, verified: false, problem });
        send(401, `oauth_problem=${problem}`);
      };

      if (url.pathname === '/oauth/request_token' && req.method === 'POST') {
        if (state.mode !== 'ok') tally('faults injected');
        if (state.mode === 'hang') return void hanging.push(res);
        if (state.mode === 'garbage')
          return send(200, '<html><body>Welcome to the dashboard</body></html>', 'text/html');
        if (state.mode === 'unauthorized') return refuse('consumer_key_rejected');
        if (state.mode === 'leaky')
          return send(200, `oauth_token=abc&oauth_token_secret=${leakedTokenSecret}&x=a b`);
        if (state.mode === 'huge') return void streamHuge(res);
        const problem = verify(req, url, form, (key) => (key === undefined ? '' : undefined));
        if (problem) return refuse(problem);
        const callback = params.get('oauth_callback');
        if (!callback) return refuse('parameter_absent');
        const key = token();
        const secret = token();
        requestTokens.set(key, { secret, callback, consumerKey: consumer.key });
        log.push({ path: url.pathname, verified: true });
        return send(
          200,
          `oauth_token=${key}&oauth_token_secret=${secret}${state.mode === 'unconfirmed' ? '' : '&oauth_callback_confirmed=true'}`,
        );
      }

      if (url.pathname === '/oauth/authorize' && req.method === 'GET') {
        const key = url.searchParams.get('oauth_token') ?? '';
        if (!requestTokens.has(key)) return send(400, 'Unknown request token', 'text/plain');
        return send(
          200,
          `<!doctype html><html><head><title>Authorize Keydesk</title></head><body>
            <h1>Allow Keydesk to use your Vonage account?</h1>
            <form method="post" action="/oauth/authorize"><input type="hidden" name="oauth_token" value="${key}">
              <button name="decision" value="allow">Authorize</button>
              <button name="decision" value="deny">Deny</button></form></body></html>`,
          'text/html',
        );
      }

      if (url.pathname === '/oauth/authorize' && req.method === 'POST') {
        const decision = new URLSearchParams(raw);
        const key = decision.get('oauth_token') ?? '';
        const grant = requestTokens.get(key);
        if (!grant) return send(400, 'Unknown request token', 'text/plain');
        if (decision.get('decision') !== 'allow') {
          if (grant.callback === 'oob') return send(200, '<p>Access denied.</p>', 'text/html');
          res.writeHead(302, {
            Location: `${grant.callback}${grant.callback.includes('?') ? '&' : '?'}denied=${key}`,
          });
          return res.end();
        }
        grant.verifier = token();
        if (grant.callback === 'oob')
          return send(200, `<p>Your PIN: <code id="pin">${grant.verifier}</code></p>`, 'text/html');
        res.writeHead(302, {
          Location: `${grant.callback}${grant.callback.includes('?') ? '&' : '?'}oauth_token=${key}&oauth_verifier=${grant.verifier}`,
        });
        return res.end();
      }

      if (url.pathname === '/oauth/access_token' && req.method === 'POST') {
        const key = params.get('oauth_token') ?? '';
        const grant = requestTokens.get(key);
        const problem = verify(req, url, form, (k) => (k === key ? grant?.secret : undefined));
        if (problem) return refuse(problem);
        if (!grant?.verifier || params.get('oauth_verifier') !== grant.verifier)
          return refuse('verifier_invalid');
        requestTokens.delete(key);
        const access = token();
        const secret = token();
        accessTokens.set(access, { secret, consumerKey: consumer.key });
        log.push({ path: url.pathname, verified: true });
        return send(200, `oauth_token=${access}&oauth_token_secret=${secret}`);
      }

      if (url.pathname === '/api/resource') {
        const problem = verify(req, url, form, (k) =>
          k === undefined ? undefined : accessTokens.get(k)?.secret,
        );
        if (problem) return refuse(problem);
        log.push({ path: url.pathname, verified: true });
        return send(
          200,
          JSON.stringify({
            ok: true,
            method: req.method,
            query: Object.fromEntries(url.searchParams),
            form: Object.fromEntries(form),
          }),
          'application/json',
        );
      }
      send(404, 'not found', 'text/plain');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    baseUrl: `${origin}/oauth/`,
    resourceUrl: `${origin}/api/resource`,
    state,
    log,
    accessTokens,
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type OAuthProvider = Awaited<ReturnType<typeof startOAuthProvider>>;

/**
 * An authorizer that plays the user on the authorize page over HTTP and answers the callback, as
 * the app's window or the user's browser would.
 */
export function pressingAuthorizer(decision: 'allow' | 'deny'): Authorizer {
  return {
    async authorize({ authorizeUrl, requestToken }) {
      const { location } = await pressOnAuthorizePage(authorizeUrl, decision);
      return readCallback(location ?? '', requestToken);
    },
  };
}

/**
 * Plays the user's browser on the provider's authorize page without a browser: loads the page,
 * presses a button, and returns where the provider sends the browser next (or the PIN page).
 */
export async function pressOnAuthorizePage(authorizeUrl: string, decision: 'allow' | 'deny') {
  const page = await fetch(authorizeUrl);
  const html = await page.text();
  const token = /name="oauth_token" value="([^"]+)"/.exec(html)?.[1] ?? '';
  const response = await fetch(new URL('/oauth/authorize', authorizeUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ oauth_token: token, decision }).toString(),
    redirect: 'manual',
  });
  const body = await response.text();
  return {
    location: response.headers.get('location'),
    pin: /<code id="pin">([^<]+)</.exec(body)?.[1],
  };
}
