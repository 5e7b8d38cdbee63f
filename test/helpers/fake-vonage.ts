import { createPublicKey, createVerify } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { createFakeUsers } from './fake-vonage-users';
import { createFakeAccountApis } from './fake-vonage-accounts';

/**
 * A local stand-in for the Vonage endpoints Keydesk's checks use, over real HTTP on 127.0.0.1:
 * the balance (REST host), applications and Voice calls (API host), with Basic and Bearer
 * authentication, paging, and faults on demand (429 with Retry-After, 500, slow, garbage, huge).
 */
export interface FakeAccount {
  apiKey: string;
  /** Its first API secret; more come with the secrets API (fake-vonage-accounts.ts). */
  secret: string;
  balance: number;
  autoReload?: boolean;
  secretId?: string;
  secretCreatedAt?: string;
  extraSecrets?: { id: string; value: string; createdAt: string }[];
  name?: string;
  /** A subaccount's primary API key. */
  primary?: string;
  ownBalance?: boolean;
  suspended?: boolean;
  /** false: the Subaccounts API answers 403 unprovisioned. */
  subaccountsApi?: boolean;
}
export interface FakeApplication {
  id: string;
  apiKey: string;
  name: string;
  capabilities: Record<string, object>;
  publicKey: string;
  /** The Voice API refuses its tokens (a capability switched off, say). */
  refuseTokens?: boolean;
  privacy?: object;
}
export type Fault = (
  | { kind: 'status'; status: number; times?: number; retryAfter?: string }
  | { kind: 'slow'; ms: number }
  | { kind: 'garbage' }
  | { kind: 'huge' }
  /**
   * The connection is cut (drop) or left without an answer (hang); with `applied`, only after an
   * update was applied: the client cannot tell whether it happened.
   */
  | {
      kind: 'drop' | 'hang';
      applied?: boolean;
      /** After an applied update, every request is cut too: Vonage cannot be asked again. */
      staysDown?: boolean;
    }
) & {
  /** Only requests with this method meet the fault (PUT: the key upload). */
  method?: 'GET' | 'PUT' | 'POST' | 'DELETE';
};

export async function startFakeVonage(
  options: {
    latencyMs?: number;
    /** Pages shorter than asked, to test paging. */ maxPageSize?: number;
  } = {},
) {
  const accounts = new Map<string, FakeAccount>();
  const applications = new Map<string, FakeApplication>();
  const requests: { method: string; path: string; authorization: string; body: string }[] = [];
  let fault: Fault | undefined;
  /** The request (counted from when it was set) that is held: never processed, never answered. */
  let held: number | undefined;
  /** What the application list claims as its page count, whatever it holds (a hostile host). */
  let claimedTotalPages: number | undefined;

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const basicAccount = (req: IncomingMessage) => {
    const header = req.headers.authorization ?? '';
    if (!header.startsWith('Basic ')) return undefined;
    const [key, secret] = Buffer.from(header.slice(6), 'base64').toString().split(':');
    const account = accounts.get(key ?? '');
    return account && accountApis.authenticates(account, secret) ? account : undefined;
  };
  const users = createFakeUsers();
  const accountApis = createFakeAccountApis(accounts);
  const bearerApplication = (req: IncomingMessage) => {
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    const [header, payload, signature] = token.split('.');
    if (!header || !payload || !signature) return undefined;
    let claims: { application_id?: string; exp?: number };
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as typeof claims;
    } catch {
      return undefined;
    }
    const app = applications.get(claims.application_id ?? '');
    if (!app || (claims.exp ?? 0) < Date.now() / 1000) return undefined;
    const valid = createVerify('RSA-SHA256')
      .update(`${header}.${payload}`)
      .verify(createPublicKey(app.publicKey), Buffer.from(signature, 'base64url'));
    return valid ? app : undefined;
  };
  const toJson = (app: FakeApplication) => ({
    id: app.id,
    name: app.name,
    capabilities: app.capabilities,
    ...(app.privacy ? { privacy: app.privacy } : {}),
    keys: { public_key: app.publicKey },
    _links: { self: { href: `/v2/applications/${app.id}` } },
  });
  const readBody = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  };
  /** Vonage's update: the whole application as sent (a capability left out is gone). */
  const update = (app: FakeApplication, body: string): string | undefined => {
    let sent: {
      name?: unknown;
      capabilities?: unknown;
      privacy?: unknown;
      keys?: { public_key?: unknown };
    };
    try {
      sent = JSON.parse(body) as typeof sent;
    } catch {
      return 'body: not JSON';
    }
    if (typeof sent.name !== 'string' || !sent.name) return 'name: is required';
    const publicKey = sent.keys?.public_key;
    if (typeof publicKey !== 'string') return 'keys.public_key: is required';
    try {
      createPublicKey(publicKey);
    } catch {
      return 'keys.public_key: is not a public key';
    }
    app.name = sent.name;
    app.capabilities = (sent.capabilities as Record<string, object> | undefined) ?? {};
    app.privacy = sent.privacy as object | undefined;
    app.publicKey = publicKey;
    return undefined;
  };

  /** Applications v2's create; the fake wants the public key Keydesk always sends. */
  function create(res: ServerResponse, account: FakeAccount, body: string) {
    const app: FakeApplication = {
      id: randomUUID(),
      apiKey: account.apiKey,
      name: '',
      capabilities: {},
      publicKey: '',
    };
    const invalid = update(app, body);
    if (invalid) {
      const [name, reason] = invalid.split(': ');
      return json(res, 400, {
        type: 'https://developer.nexmo.com/api-errors#invalid-parameters',
        title: 'Bad Request',
        detail: 'The request failed due to validation errors',
        invalid_parameters: [{ name, reason }],
      });
    }
    applications.set(app.id, app);
    json(res, 201, toJson(app));
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://fake');
    const body = await readBody(req);
    requests.push({
      method: req.method ?? 'GET',
      path: url.pathname + url.search,
      authorization: req.headers.authorization ?? '',
      body,
    });
    if (held !== undefined && --held === 0) return;
    if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
    const current = fault && (!fault.method || fault.method === req.method) ? fault : undefined;
    if (current && !('applied' in current && current.applied)) {
      if (current.kind === 'drop') return req.socket.destroy();
      if (current.kind === 'hang') return;
      if (current.kind === 'status') {
        if (current.times !== undefined && --current.times <= 0) fault = undefined;
        res.writeHead(
          current.status,
          current.retryAfter ? { 'retry-after': current.retryAfter } : {},
        );
        return res.end(current.status === 500 ? 'Internal error' : '');
      }
      if (current.kind === 'slow') await new Promise((r) => setTimeout(r, current.ms));
      if (current.kind === 'garbage') {
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end('<html>captive portal</html>');
      }
      if (current.kind === 'huge') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(`{"value": 1, "pad": "${'x'.repeat(2 * 1024 * 1024)}"}`);
      }
    }
    if (url.pathname === '/account/get-balance') {
      const account = basicAccount(req);
      if (!account)
        return json(res, 401, { 'error-code': '401', 'error-code-label': 'authentication failed' });
      return json(res, 200, { value: account.balance, autoReload: account.autoReload ?? false });
    }
    if (url.pathname === '/v2/applications') {
      const account = basicAccount(req);
      if (!account) return json(res, 401, { title: 'Unauthorized' });
      if (req.method === 'POST') return create(res, account, body);
      const mine = [...applications.values()].filter((a) => a.apiKey === account.apiKey);
      const size = Math.min(
        Number(url.searchParams.get('page_size') ?? 10),
        options.maxPageSize ?? 1000,
      );
      const page = Number(url.searchParams.get('page') ?? 1);
      return json(res, 200, {
        page_size: size,
        page,
        total_items: mine.length,
        total_pages: claimedTotalPages ?? Math.max(1, Math.ceil(mine.length / size)),
        _embedded: { applications: mine.slice((page - 1) * size, page * size).map(toJson) },
      });
    }
    const appMatch = /^\/v2\/applications\/([^/]+)$/.exec(url.pathname);
    if (appMatch) {
      const account = basicAccount(req);
      if (!account) return json(res, 401, { title: 'Unauthorized' });
      const app = applications.get(decodeURIComponent(appMatch[1] ?? ''));
      if (!app || app.apiKey !== account.apiKey) return json(res, 404, { title: 'Not found' });
      if (req.method === 'PUT') {
        const invalid = update(app, body);
        if (invalid) {
          const [name, reason] = invalid.split(': ');
          return json(res, 400, {
            title: 'Bad Request',
            detail: 'The request failed due to validation errors',
            invalid_parameters: [{ name, reason }],
          });
        }
        if (current?.kind === 'drop' || current?.kind === 'hang') {
          if (current.staysDown) fault = { kind: 'drop' };
          if (current.kind === 'drop') req.socket.destroy();
          return;
        }
      }
      return json(res, 200, toJson(app));
    }
    if (users.handle(req, res, url, body, bearerApplication(req)?.id)) return;
    if (accountApis.handle(req, res, url, body)) return;
    if (url.pathname === '/v1/calls') {
      const app = bearerApplication(req);
      if (!app || app.refuseTokens) return json(res, 401, { title: 'Invalid Token' });
      return json(res, 200, { count: 0, page_size: 1, _embedded: { calls: [] } });
    }
    json(res, 404, { title: 'No such endpoint in the fake' });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    accounts,
    applications,
    /** The Users API's users per application (fake-vonage-users.ts). */
    users,
    /** An account's API secrets as Vonage holds them (fake-vonage-accounts.ts). */
    secretsOf: accountApis.secretsOf,
    requests,
    fail(next: Fault | undefined) {
      fault = next;
    },
    /** The nth request from now is held (never processed nor answered): a process can be killed there. */
    holdRequest(nth: number | undefined) {
      held = nth;
    },
    /** The application list claims this many pages from now on (undefined: the true count). */
    claimTotalPages(pages: number | undefined) {
      claimedTotalPages = pages;
    },
    /** An empty dashboard again: no accounts, applications, fault or recorded requests. */
    reset() {
      claimedTotalPages = undefined;
      accounts.clear();
      applications.clear();
      users.reset();
      requests.length = 0;
      held = undefined;
      fault = undefined;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type FakeVonage = Awaited<ReturnType<typeof startFakeVonage>>;

/** The environment that points a `keydesk` process at the fake (both Vonage hosts). */
export const fakeVonageEnv = (fake: FakeVonage) => ({
  KEYDESK_VONAGE_API_HOST: fake.url,
  KEYDESK_VONAGE_REST_HOST: fake.url,
});
