import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FakeAccount } from './fake-vonage';

/**
 * The fake's account APIs on the API host, as Vonage's Account and Subaccounts specs and its SDKs
 * (@vonage/accounts Secrets, @vonage/subaccounts) have them: an account's API secrets (two at
 * most, never the last one revoked, values never returned) and a primary's subaccounts (the
 * secret returned once, at creation). Problem types carry the code after `#`.
 */
const secretRule = /^(?=.*[a-z])(?=.*[A-Z])(?=.*\d).{8,25}$/;
const problemBase = 'https://developer.nexmo.com/api-errors/account/secret-management';

export function createFakeAccountApis(accounts: Map<string, FakeAccount>) {
  const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  /** Every secret of the account, its main one first (made an entry the first time it is asked). */
  function secretsOf(account: FakeAccount) {
    account.secretId ??= randomUUID();
    account.secretCreatedAt ??= '2024-01-02T03:04:05Z';
    account.extraSecrets ??= [];
    return [
      { id: account.secretId, value: account.secret, createdAt: account.secretCreatedAt },
      ...account.extraSecrets,
    ];
  }
  const authenticates = (account: FakeAccount, secret: string | undefined) =>
    secret !== undefined && secretsOf(account).some((s) => s.value === secret);

  const send = (res: ServerResponse, status: number, body?: unknown) => {
    res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  };
  const problem = (res: ServerResponse, status: number, type: string, title: string, more = {}) =>
    send(res, status, { type, title, detail: title, instance: randomUUID(), ...more });

  function secretsRoute(
    req: IncomingMessage,
    res: ServerResponse,
    target: FakeAccount,
    id: string | undefined,
    body: string,
  ) {
    const list = secretsOf(target);
    const shown = (s: { id: string; createdAt: string }) => ({
      _links: { self: { href: `/accounts/${target.apiKey}/secrets/${s.id}` } },
      id: s.id,
      created_at: s.createdAt,
    });
    if (id === undefined && req.method === 'GET') {
      return send(res, 200, { _links: {}, _embedded: { secrets: list.map(shown) } });
    }
    if (id === undefined && req.method === 'POST') {
      const secret = (JSON.parse(body || '{}') as { secret?: unknown }).secret;
      if (typeof secret !== 'string' || !secretRule.test(secret)) {
        return problem(res, 400, `${problemBase}#validation`, 'Bad Request', {
          invalid_parameters: [{ name: 'secret', reason: 'Does not meet complexity requirements' }],
        });
      }
      if (list.length >= 2) {
        return problem(res, 403, `${problemBase}#add-excess-secret`, 'Secret Addition Forbidden');
      }
      const added = { id: randomUUID(), value: secret, createdAt: now() };
      target.extraSecrets?.push(added);
      return send(res, 201, shown(added));
    }
    const found = list.find((s) => s.id === id);
    if (!found)
      return problem(res, 404, 'https://developer.nexmo.com/api-errors#invalid-id', 'Invalid ID');
    if (req.method === 'GET') return send(res, 200, shown(found));
    if (req.method === 'DELETE') {
      if (list.length === 1) {
        return problem(res, 403, `${problemBase}#delete-last-secret`, 'Secret Deletion Forbidden');
      }
      const rest = list.filter((s) => s.id !== id);
      const [main, ...extra] = rest;
      if (main)
        Object.assign(target, {
          secret: main.value,
          secretId: main.id,
          secretCreatedAt: main.createdAt,
        });
      target.extraSecrets = extra;
      return send(res, 204);
    }
    return send(res, 405);
  }

  const subaccountJson = (sub: FakeAccount) => ({
    api_key: sub.apiKey,
    name: sub.name ?? sub.apiKey,
    primary_account_api_key: sub.primary,
    use_primary_account_balance: !sub.ownBalance,
    balance: sub.ownBalance ? sub.balance : null,
    credit_limit: sub.ownBalance ? 0 : null,
    suspended: sub.suspended ?? false,
    created_at: '2025-06-07T10:50:44.000Z',
  });

  function subaccountsRoute(
    req: IncomingMessage,
    res: ServerResponse,
    primary: FakeAccount,
    body: string,
  ) {
    if (primary.subaccountsApi === false) {
      return problem(
        res,
        403,
        'https://developer.vonage.com/api-errors#unprovisioned',
        'Authorisation error',
      );
    }
    const subs = [...accounts.values()].filter((a) => a.primary === primary.apiKey);
    if (req.method === 'GET') {
      return send(res, 200, {
        _links: { self: { href: `/accounts/${primary.apiKey}/subaccounts` } },
        total_balance:
          primary.balance + subs.reduce((sum, s) => sum + (s.ownBalance ? s.balance : 0), 0),
        total_credit_limit: 0,
        _embedded: {
          primary_account: {
            api_key: primary.apiKey,
            name: primary.name ?? primary.apiKey,
            balance: primary.balance,
            credit_limit: 0,
            suspended: false,
            created_at: '2024-08-28T02:02:14.626Z',
          },
          subaccounts: subs.map(subaccountJson),
        },
      });
    }
    if (req.method === 'POST') {
      const sent = JSON.parse(body || '{}') as {
        name?: unknown;
        use_primary_account_balance?: unknown;
      };
      if (typeof sent.name !== 'string' || !sent.name || sent.name.length > 80) {
        return problem(
          res,
          400,
          'https://developer.vonage.com/api-errors#invalid-parameters',
          'Bad Request',
          {
            invalid_parameters: [{ name: 'name', reason: 'must be 1 to 80 characters' }],
          },
        );
      }
      const apiKey = randomUUID().replace(/-/g, '').slice(0, 8);
      const secret = `Sub${randomUUID().replace(/-/g, '').slice(0, 12)}9`;
      const sub: FakeAccount = {
        apiKey,
        secret,
        balance: 0,
        name: sent.name,
        primary: primary.apiKey,
        ownBalance: sent.use_primary_account_balance === false,
      };
      accounts.set(apiKey, sub);
      return send(res, 200, { ...subaccountJson(sub), secret });
    }
    return send(res, 405);
  }

  /**
   * Answers /accounts/{key}/secrets… and /accounts/{key}/subaccounts; false for other paths. The
   * caller authenticates as the account itself, or (secrets) as its primary.
   */
  function handle(req: IncomingMessage, res: ServerResponse, url: URL, body: string): boolean {
    const match = /^\/accounts\/([^/]+)\/(secrets|subaccounts)(?:\/([^/]+))?$/.exec(url.pathname);
    if (!match) return false;
    const [, key = '', what, id] = match;
    const header = req.headers.authorization ?? '';
    const [callerKey, secret] = header.startsWith('Basic ')
      ? Buffer.from(header.slice(6), 'base64').toString().split(':')
      : [];
    const caller = accounts.get(callerKey ?? '');
    const target = accounts.get(decodeURIComponent(key));
    if (!caller || !authenticates(caller, secret)) {
      problem(res, 401, 'https://developer.nexmo.com/api-errors#unauthorized', 'Unauthorized');
      return true;
    }
    if (!target || (target !== caller && target.primary !== caller.apiKey)) {
      problem(
        res,
        404,
        'https://developer.nexmo.com/api-errors#invalid-api-key',
        'Invalid API Key',
      );
      return true;
    }
    if (what === 'secrets')
      secretsRoute(req, res, target, id === undefined ? undefined : decodeURIComponent(id), body);
    else if (id === undefined) subaccountsRoute(req, res, target, body);
    else {
      const sub = accounts.get(decodeURIComponent(id));
      if (!sub || sub.primary !== target.apiKey) send(res, 404, { title: 'Not Found' });
      else send(res, 200, subaccountJson(sub));
    }
    return true;
  }

  return { handle, authenticates, secretsOf };
}
