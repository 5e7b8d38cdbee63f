import type { SyncResult } from '../../shared/check-schemas';
import type { AccountSummary } from '../../shared/vault-schemas';
import type { Services } from '../services';
import { resolveSubject } from '../credentials/credential-environment';
import { KeydeskError } from '../../shared/errors';
import { sameKey, type VonageHosts } from './credential-checks';
import { dashboardApplicationId, readDashboardApplication } from './dashboard-application';
import { vonageAccess } from './check-service';
import {
  CheckFailure,
  jsonObject,
  secretRefused,
  vonageRequest,
  type RequestOptions,
} from './vonage-request';

interface ListedApplication {
  id: string;
  name: string;
  capabilities: string[];
  publicKey: string | undefined;
}

const pageSize = 100;
/**
 * More applications than any account has: an answer that claims more (in total_pages, or by
 * sending them) is refused at once rather than read page after page.
 */
const maxApplications = 5000;
const maxPages = maxApplications / pageSize;

function tooMany(what: string): CheckFailure {
  return new CheckFailure(
    'BAD_RESPONSE',
    `The application list says ${what}: more than any account has (Keydesk reads at most ${maxApplications} applications, ${maxPages} pages), so its answer was not used.`,
  );
}

/** Every application of the account in the dashboard, every page. */
async function listDashboard(
  account: AccountSummary,
  secret: string,
  hosts: VonageHosts,
  options: RequestOptions,
): Promise<ListedApplication[]> {
  const listed: ListedApplication[] = [];
  const authorization = `Basic ${Buffer.from(`${account.apiKey}:${secret}`).toString('base64')}`;
  // Ends: total_pages is at most maxPages, and page reaches it.
  for (let page = 1; ; page += 1) {
    const url = new URL('/v2/applications', hosts.api);
    url.searchParams.set('page_size', String(pageSize));
    url.searchParams.set('page', String(page));
    const answer = await vonageRequest(url, { authorization }, options);
    if (answer.status === 401) {
      throw new CheckFailure('AUTH_FAILED', secretRefused(account.apiKey));
    }
    if (answer.status !== 200) {
      throw new CheckFailure(
        'BAD_RESPONSE',
        `The application list answered HTTP ${answer.status}.`,
      );
    }
    const body = jsonObject(answer, 'the application list');
    const embedded = (body._embedded as { applications?: unknown } | undefined)?.applications;
    if (!Array.isArray(embedded)) {
      throw new CheckFailure('BAD_RESPONSE', 'The application list has no _embedded.applications.');
    }
    for (const item of embedded as unknown[]) {
      if (typeof item !== 'object' || item === null) {
        throw new CheckFailure(
          'BAD_RESPONSE',
          'The application list holds an entry that is not an object.',
        );
      }
      const entry = item as Record<string, unknown>;
      const { name, capabilities, publicKey } = readDashboardApplication(entry);
      listed.push({ id: dashboardApplicationId(entry.id), name, capabilities, publicKey });
    }
    const totalPages = typeof body.total_pages === 'number' ? body.total_pages : 1;
    if (totalPages > maxPages) throw tooMany(`it fills ${totalPages} pages of ${pageSize}`);
    if (listed.length > maxApplications)
      throw tooMany(`it holds more than ${maxApplications} applications`);
    if (page >= totalPages || embedded.length === 0) return listed;
  }
}

/**
 * An account's applications in the dashboard against the vault: `stored` (with whether the key
 * matches), `missing` (in the dashboard only), `deleted` (in Keydesk only). The dashboard's name
 * and capabilities are kept beside each stored one; nothing else changes.
 */
export async function syncApplications(
  services: Services,
  accountRef: string,
): Promise<SyncResult> {
  const subject = resolveSubject(services, accountRef);
  if (subject.kind !== 'account') {
    throw new KeydeskError(
      'VALIDATION',
      `"${accountRef}" is an application; sync takes the account ("${subject.account.name}").`,
      'account',
    );
  }
  const { account } = subject;
  const { secret, hosts, options } = await vonageAccess(services, account);
  const dashboard = await listDashboard(account, secret, hosts, options);
  const stored = services.vault.applications.list({ accountId: account.id });
  const at = services.now().toISOString();
  const byId = new Map(dashboard.map((app) => [app.id, app]));
  const applications: SyncResult['applications'] = [];
  for (const app of stored) {
    const there = byId.get(app.id);
    if (!there) {
      applications.push({ id: app.id, name: app.name, state: 'deleted' });
      continue;
    }
    services.vault.applications.setDashboard(app.id, {
      name: there.name,
      capabilities: there.capabilities,
      at,
    });
    applications.push({
      id: app.id,
      name: app.name,
      state: 'stored',
      keyMatches: there.publicKey !== undefined && sameKey(there.publicKey, app.publicKeyPem),
      dashboardName: there.name,
      capabilities: there.capabilities,
    });
  }
  const storedIds = new Set(stored.map((app) => app.id));
  for (const there of dashboard) {
    if (storedIds.has(there.id)) continue;
    applications.push({
      id: there.id,
      name: there.name,
      state: 'missing',
      dashboardName: there.name,
      capabilities: there.capabilities,
    });
  }
  return { account: { id: account.id, name: account.name }, applications };
}
