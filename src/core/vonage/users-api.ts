import { closestNames } from '../../shared/closest-names';
import { KeydeskError } from '../../shared/errors';
import { groupDigits } from '../../shared/group-digits';
import type { VonageUser } from '../../shared/user-schemas';
import type { ApplicationSummary } from '../../shared/vault-schemas';
import type { VonageClient } from './vonage-client';
import { readProblem, refusalSummary } from './vonage-problem';
import { CheckFailure, jsonObject, type VonageAnswer } from './vonage-request';

/**
 * An application's Client SDK users through Vonage's Users API (/v1/users), asked with a token
 * of the application itself. Answers are read without trusting their shape; failures become the
 * contract's errors, saying what to do.
 */

/** Vonage's largest page: fewest round trips for a long list. */
const pageSize = 100;
/** A list that never ends (a host that keeps sending `next`) stops here: 100,000 users. */
const maxPages = 1000;

/** Vonage's regional hosts (its VoiceRegion names), as a user's `_links.self.href` names them. */
const regions: Record<string, string> = {
  'api-us-3': 'na-east',
  'api-us-4': 'na-west',
  'api-eu-3': 'eu-west',
  'api-eu-4': 'eu-east',
  'api-ap-3': 'apac-sng',
  'api-ap-4': 'apac-australia',
};

const text = (value: unknown, max: number): string | undefined =>
  typeof value === 'string' && value.length <= max ? value : undefined;

function hostOf(href: unknown): Pick<VonageUser, 'host' | 'region'> {
  if (typeof href !== 'string') return {};
  try {
    const host = new URL(href).hostname;
    const region = regions[host.split('.')[0] ?? ''];
    return { host, ...(region ? { region } : {}) };
  } catch {
    return {};
  }
}

/** One user from an answer; BAD_RESPONSE when it is not one. */
function readUser(value: unknown): VonageUser {
  const raw = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const id = text(raw.id, 200);
  const name = text(raw.name, 1000);
  if (!id || name === undefined) {
    throw new CheckFailure(
      'BAD_RESPONSE',
      "Vonage's answer has a user without an id or a name. Check the Vonage host in the settings.",
    );
  }
  const displayName = text(raw.display_name, 1000);
  const links = raw._links as { self?: { href?: unknown } } | undefined;
  return {
    id,
    name,
    ...(displayName ? { displayName } : {}),
    ...hostOf(links?.self?.href),
  };
}

/** Vonage's refusal as the contract's error, by its problem code (else the HTTP status). */
function refusal(answer: VonageAnswer, application: ApplicationSummary, what: string) {
  const problem = readProblem(answer.body);
  const code = problem.code ?? '';
  const said = refusalSummary(answer.status, problem);
  if (answer.status === 401 || code === 'system:error:invalid-token') {
    return new KeydeskError(
      'VONAGE_FAILED',
      `Vonage refused the token of "${application.name}" to ${what} (${said}). The dashboard holds another public key for application ${application.id} than the key Keydesk signs with: check it with "keydesk check ${application.id}", or rotate the key with Vonage.`,
    );
  }
  if (code === 'user:error:duplicate-name' || answer.status === 409) {
    return new KeydeskError(
      'CONFLICT',
      `"${application.name}" already has a user of that name on Vonage (${said}). Choose another name, or use the user that is there.`,
      'name',
    );
  }
  if (code === 'http:error:validation-fail' || answer.status === 400) {
    const field = problem.parameters.includes('display_name') ? 'displayName' : 'name';
    return new KeydeskError('VALIDATION', `Vonage refused to ${what} (${said}).`, field);
  }
  if (code === 'user:error:not-found' || answer.status === 404) {
    return new KeydeskError(
      'NOT_FOUND',
      `Vonage has no such user of "${application.name}" (${said}).`,
    );
  }
  return new KeydeskError('VONAGE_FAILED', `Vonage did not ${what}: it answered HTTP ${said}.`);
}

const userPath = (ref: string) => `/v1/users/${encodeURIComponent(ref)}`;

/** Every user of the application, following `_links.next.href`'s cursor on Keydesk's own host. */
export async function listUsers(
  client: VonageClient,
  application: ApplicationSummary,
  filter: { name?: string } = {},
): Promise<VonageUser[]> {
  const users: VonageUser[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let page = 0; ; page += 1) {
    if (page >= maxPages) {
      throw new CheckFailure(
        'BAD_RESPONSE',
        `Vonage kept sending pages of users past ${groupDigits(maxPages * pageSize)}; Keydesk stopped there. Check the Vonage host in the settings.`,
      );
    }
    const query = new URLSearchParams({ page_size: String(pageSize), order: 'asc' });
    if (filter.name !== undefined) query.set('name', filter.name);
    if (cursor !== undefined) query.set('cursor', cursor);
    const answer = await client.asApplication(application, {
      method: 'GET',
      path: `/v1/users?${query}`,
    });
    // A name filter that matches nobody may answer 404: no users, not a failure.
    if (answer.status === 404 && filter.name !== undefined) return [];
    if (answer.status !== 200) throw refusal(answer, application, 'list its users');
    const body = jsonObject(answer, 'the user list');
    const embedded = body._embedded as { users?: unknown } | undefined;
    const list = embedded?.users ?? [];
    if (!Array.isArray(list)) {
      throw new CheckFailure('BAD_RESPONSE', 'The user list has no list of users in it.');
    }
    users.push(...list.map(readUser));
    const next = (body._links as { next?: { href?: unknown } } | undefined)?.next?.href;
    if (next === undefined) return users;
    cursor = cursorOf(next);
    if (seen.has(cursor)) {
      throw new CheckFailure(
        'BAD_RESPONSE',
        'Vonage sent the same page of users twice; Keydesk stopped rather than loop.',
      );
    }
    seen.add(cursor);
  }
}

/** The cursor alone: the next page is asked of Keydesk's own host, whatever the link names. */
function cursorOf(href: unknown): string {
  try {
    const cursor = new URL(String(href)).searchParams.get('cursor');
    if (cursor) return cursor;
  } catch {
    // Said below.
  }
  throw new CheckFailure('BAD_RESPONSE', "The user list's next link has no cursor.");
}

/** The user of that name or USR- id, or undefined when Vonage has none. */
export async function findUser(
  client: VonageClient,
  application: ApplicationSummary,
  ref: string,
): Promise<VonageUser | undefined> {
  const answer = await client.asApplication(application, { method: 'GET', path: userPath(ref) });
  if (answer.status === 404) {
    const { code } = readProblem(answer.body);
    if (!code || code === 'user:error:not-found') return undefined;
  }
  if (answer.status !== 200) throw refusal(answer, application, 'show a user');
  return readUser(jsonObject(answer, 'the user'));
}

/** The names a mistyped user probably meant, from the application's users. */
export async function closestUsers(
  client: VonageClient,
  application: ApplicationSummary,
  ref: string,
): Promise<string[]> {
  if (/^USR-/i.test(ref)) return [];
  const users = await listUsers(client, application);
  return closestNames(
    ref,
    users.map((user) => user.name),
  );
}

/** NOT_FOUND naming the application and, where there are, the names meant. */
export function noSuchUser(application: ApplicationSummary, ref: string, closest: string[]) {
  const hint = closest.length
    ? ` Did you mean ${closest.map((name) => `"${name}"`).join(', ')}?`
    : ` See them all with: keydesk users list "${application.name}"`;
  return new KeydeskError(
    'NOT_FOUND',
    `"${application.name}" has no user "${ref}" on Vonage.${hint}`,
    'user',
  );
}

/** The user, or NOT_FOUND with "did you mean". */
export async function getUser(
  client: VonageClient,
  application: ApplicationSummary,
  ref: string,
): Promise<VonageUser> {
  const user = await findUser(client, application, ref);
  if (user) return user;
  throw noSuchUser(application, ref, await closestUsers(client, application, ref));
}

export async function addUser(
  client: VonageClient,
  application: ApplicationSummary,
  input: { name: string; displayName?: string | undefined },
): Promise<VonageUser> {
  const answer = await client.asApplication(application, {
    method: 'POST',
    path: '/v1/users',
    json: {
      name: input.name,
      ...(input.displayName ? { display_name: input.displayName } : {}),
    },
  });
  if (answer.status !== 201 && answer.status !== 200) {
    throw refusal(answer, application, `add the user "${input.name}"`);
  }
  return readUser(jsonObject(answer, 'the new user'));
}

export async function deleteUser(
  client: VonageClient,
  application: ApplicationSummary,
  user: VonageUser,
): Promise<void> {
  const answer = await client.asApplication(application, {
    method: 'DELETE',
    path: userPath(user.id),
  });
  if (answer.status !== 204 && answer.status !== 200) {
    throw refusal(answer, application, `remove the user "${user.name}"`);
  }
}
