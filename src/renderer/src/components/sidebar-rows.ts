import type { ChannelOutput } from '../../../shared/contract';
import type { AccountSummary } from '../../../shared/vault-schemas';

export type IndexedApp = ChannelOutput<'apps:index'>[number];

export type SidebarRow =
  | { kind: 'account'; account: AccountSummary; expanded: boolean; apps: readonly IndexedApp[] }
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
  for (const account of accounts) {
    const all = grouped.get(account.id) ?? [];
    const matching = needle
      ? all.filter((app) => `${app.name} ${app.id}`.toLowerCase().includes(needle))
      : all;
    const open = expanded.has(account.id) || (needle !== '' && matching.length > 0);
    const apps = needle && matching.length > 0 ? matching : all;
    rows.push({ kind: 'account', account, expanded: open, apps });
    if (!open) continue;
    apps.forEach((app, index) =>
      rows.push({ kind: 'app', app, position: index + 1, siblings: apps.length }),
    );
  }
  return rows;
}
