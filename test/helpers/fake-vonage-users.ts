import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The fake's Users API (/v1/users), as Vonage's Application API v2.4 documents it and its SDKs
 * read it: cursor paging through `_links.next.href` (absent on the last page), page_size 1–100
 * (default 10), problem details with `code` (the 404 without one, as Vonage's own fixtures have
 * it), 409 for a duplicate name, 204 for a delete. Links name a regional host, as Vonage's do.
 */
export interface FakeUser {
  id: string;
  name: string;
  display_name?: string;
}

const regionHost = 'https://api-eu-3.vonage.com';
const problemType = (code: string) => `https://developer.vonage.com/api/conversation#${code}`;

export function createFakeUsers() {
  /** Users per application id. */
  const byApplication = new Map<string, FakeUser[]>();
  const usersOf = (appId: string) => {
    let users = byApplication.get(appId);
    if (!users) byApplication.set(appId, (users = []));
    return users;
  };
  const toJson = (user: FakeUser) => ({
    ...user,
    _links: { self: { href: `${regionHost}/v1/users/${user.id}` } },
  });
  const send = (res: ServerResponse, status: number, body?: unknown) => {
    res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  };
  const problem = (res: ServerResponse, status: number, code: string, title: string, more = {}) =>
    send(res, status, {
      title,
      type: problemType(code),
      code,
      detail: title,
      instance: randomUUID(),
      ...more,
    });

  function list(res: ServerResponse, url: URL, users: FakeUser[]) {
    const size = Number(url.searchParams.get('page_size') ?? 10);
    if (!Number.isInteger(size) || size < 1 || size > 100) {
      return problem(res, 400, 'http:error:validation-fail', 'Bad request.', {
        invalid_parameters: [
          { name: 'page_size', reason: '"page_size" must be between 1 and 100' },
        ],
      });
    }
    const name = url.searchParams.get('name');
    const order = (url.searchParams.get('order') ?? 'asc').toLowerCase();
    let chosen = name === null ? [...users] : users.filter((u) => u.name === name);
    if (order === 'desc') chosen = chosen.reverse();
    const cursor = url.searchParams.get('cursor');
    const offset = cursor === null ? 0 : Number(Buffer.from(cursor, 'base64url').toString());
    if (!Number.isInteger(offset) || offset < 0) {
      return problem(res, 400, 'http:error:validation-fail', 'Bad request.', {
        invalid_parameters: [{ name: 'cursor', reason: '"cursor" is not valid' }],
      });
    }
    const page = chosen.slice(offset, offset + size);
    const link = (at: number) => {
      const query = new URLSearchParams({ page_size: String(size), order });
      if (name !== null) query.set('name', name);
      query.set('cursor', Buffer.from(String(at)).toString('base64url'));
      return { href: `${regionHost}/v1/users?${query}` };
    };
    send(res, 200, {
      page_size: size,
      _embedded: { users: page.map(toJson) },
      _links: {
        first: { href: `${regionHost}/v1/users?page_size=${size}` },
        self: link(offset),
        ...(offset + size < chosen.length ? { next: link(offset + size) } : {}),
        ...(offset > 0 ? { prev: link(Math.max(0, offset - size)) } : {}),
      },
    });
  }

  /** Answers /v1/users requests of an authenticated application; false for any other path. */
  function handle(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    body: string,
    appId: string | undefined,
  ): boolean {
    if (url.pathname !== '/v1/users' && !url.pathname.startsWith('/v1/users/')) return false;
    if (!appId) {
      problem(res, 401, 'system:error:invalid-token', 'Unauthorized.');
      return true;
    }
    const users = usersOf(appId);
    const ref = decodeURIComponent(url.pathname.slice('/v1/users/'.length));
    if (url.pathname === '/v1/users' && req.method === 'GET') list(res, url, users);
    else if (url.pathname === '/v1/users' && req.method === 'POST') {
      let sent: { name?: unknown; display_name?: unknown };
      try {
        sent = JSON.parse(body) as typeof sent;
      } catch {
        problem(res, 400, 'http:error:validation-fail', 'Bad request.');
        return true;
      }
      const name = typeof sent.name === 'string' ? sent.name : `NAM-${randomUUID()}`;
      if (users.some((u) => u.name === name)) {
        problem(res, 409, 'user:error:duplicate-name', 'Conflict.');
        return true;
      }
      const user: FakeUser = {
        id: `USR-${randomUUID()}`,
        name,
        ...(typeof sent.display_name === 'string' ? { display_name: sent.display_name } : {}),
      };
      users.push(user);
      send(res, 201, toJson(user));
    } else {
      const index = users.findIndex(
        (u) => u.id === ref || (req.method === 'GET' && u.name === ref),
      );
      const user = users[index];
      if (!user) {
        // As Vonage's own fixture has it: no `code`, the code after `#` in `type`.
        send(res, 404, {
          title: 'Not found.',
          type: problemType('user:error:not-found'),
          detail: 'User does not exist, or you do not have access.',
          instance: randomUUID(),
        });
      } else if (req.method === 'DELETE') {
        users.splice(index, 1);
        send(res, 204);
      } else send(res, 200, toJson(user));
    }
    return true;
  }

  return {
    handle,
    usersOf,
    /** Many users at once (names user-0001 …), for paging. */
    seed(appId: string, count: number, prefix = 'user') {
      const users = usersOf(appId);
      for (let i = 1; i <= count; i += 1) {
        users.push({
          id: `USR-${randomUUID()}`,
          name: `${prefix}-${String(i).padStart(4, '0')}`,
          display_name: `User ${i}`,
        });
      }
    },
    reset: () => byApplication.clear(),
  };
}
