import type { ChannelOutput } from '../../../shared/contract';
import type { AccountSummary } from '../../../shared/vault-schemas';

export type IndexedApp = ChannelOutput<'apps:index'>[number];

export type SidebarRow =
  | {
      kind: 'account';
      account: AccountSummary;
      expanded: boolean;
      apps: readonly IndexedApp[];
      /** Its primary's name, for a subaccount shown under its primary. */
      primaryName?: string;
    }
  | { kind: 'app'; app: IndexedApp; position: number; siblings: number };

export const rowHeights = { account: 48, app: 30 } as const;

export function appsByAccount(apps: readonly IndexedApp[]): Map<string, IndexedApp[]> {
  const grouped = new Map<string, IndexedApp[]>();
  for (const app of apps) {
    const list = grouped.get(app.accountId);
    if (list) list.push(app);
    else grouped.set(app.accountId, [app]);
  }
  for (const list of grouped.values()) list.sort((a, b) => a.name.localeCompare(b.name));
  return grouped;
}

/**
 * The tree as the rows on screen: each account, then its applications when it is expanded. While
 * searching, an account shows the applications that match (by name or id) and opens by itself
 * when one does, so a pasted application id lands on its row.
 */
export function sidebarRows(
  accounts: readonly AccountSummary[],
  grouped: ReadonlyMap<string, readonly IndexedApp[]>,
  expanded: ReadonlySet<string>,
  query: string,
): SidebarRow[] {
  const needle = query.trim().toLowerCase();
  const rows: SidebarRow[] = [];
  for (const { account, primaryName } of primariesFirst(accounts)) {
    const all = grouped.get(account.id) ?? [];
    const matching = needle
      ? all.filter((app) => `${app.name} ${app.id}`.toLowerCase().includes(needle))
      : all;
    const open = expanded.has(account.id) || (needle !== '' && matching.length > 0);
    const apps = needle && matching.length > 0 ? matching : all;
    rows.push({
      kind: 'account',
      account,
      expanded: open,
      apps,
      ...(primaryName ? { primaryName } : {}),
    });
    if (!open) continue;
    apps.forEach((app, index) =>
      rows.push({ kind: 'app', app, position: index + 1, siblings: apps.length }),
    );
  }
  return rows;
}

/** Each primary account followed by its subaccounts (those whose primary is in the list). */
function primariesFirst(accounts: readonly AccountSummary[]) {
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const children = new Map<string, AccountSummary[]>();
  for (const account of accounts) {
    const primary = account.primaryAccountId;
    if (!primary || !byId.has(primary)) continue;
    const list = children.get(primary);
    if (list) list.push(account);
    else children.set(primary, [account]);
  }
  const ordered: { account: AccountSummary; primaryName?: string }[] = [];
  for (const account of accounts) {
    if (account.primaryAccountId && byId.has(account.primaryAccountId)) continue;
    ordered.push({ account });
    for (const sub of children.get(account.id) ?? []) {
      ordered.push({ account: sub, primaryName: account.name });
    }
  }
  return ordered;
}
