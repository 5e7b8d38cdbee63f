import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useChannel } from '../data/channel-data';
import type { Route } from '../route';
import { CheckMark } from './CheckMark';
import { appsByAccount, rowHeights, sidebarRows, type SidebarRow } from './sidebar-rows';
import { useWindowedRows } from './useWindowedRows';

const noApps: never[] = [];

/**
 * The accounts as a tree with their applications under them (expand, collapse, arrow keys), with
 * search (name, API key, application name or id) and colour labels. The current account and
 * application stay highlighted: nobody should mint a token without seeing whose it is.
 */
export function Sidebar(props: { route: Route; navigate: (route: Route) => void }) {
  const [query, setQuery] = useState('');
  const accounts = useChannel('accounts:list', { query }).data;
  const apps = useChannel('apps:index', {}).data ?? noApps;
  const lastChecks = useChannel('vonage:lastChecks', {}).data;
  const checks = useMemo(
    () => new Map((lastChecks ?? []).map((check) => [check.id, check])),
    [lastChecks],
  );
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [focused, setFocused] = useState(0);
  const pendingFocus = useRef<number | null>(null);
  const list = useRef<HTMLUListElement>(null);

  const { route } = props;
  const currentAccount =
    route.view === 'account' || route.view === 'application' ? route.accountId : undefined;
  const currentApp = route.view === 'application' ? route.applicationId : undefined;

  // Opening an account or one of its applications shows that account's applications (adjusted
  // while rendering, as React advises for state that follows a prop).
  const [shownAccount, setShownAccount] = useState<string>();
  if (currentAccount !== shownAccount) {
    setShownAccount(currentAccount);
    if (currentAccount && !expanded.has(currentAccount))
      setExpanded(including(expanded, currentAccount));
  }

  const grouped = useMemo(() => appsByAccount(apps), [apps]);
  const rows = useMemo(
    () => sidebarRows(accounts ?? [], grouped, expanded, query),
    [accounts, grouped, expanded, query],
  );
  const heights = useMemo(() => rows.map((row) => rowHeights[row.kind]), [rows]);
  const windowed = useWindowedRows(heights);
  const active = Math.min(focused, Math.max(0, rows.length - 1));

  /** Focuses a row if it is drawn; true when it was. */
  function focusRow(index: number): boolean {
    const element = list.current?.querySelector<HTMLElement>(`[data-row="${index}"]`);
    if (!element) return false;
    pendingFocus.current = null;
    element.focus();
    return true;
  }

  // A row the keys moved to outside the window is focused once scrolling has drawn it.
  useEffect(() => {
    if (pendingFocus.current !== null) focusRow(pendingFocus.current);
  });

  function toggle(accountId: string, open?: boolean) {
    setExpanded((set) => {
      const isOpen = set.has(accountId);
      if (open === isOpen) return set;
      return isOpen ? excluding(set, accountId) : including(set, accountId);
    });
  }

  function open(row: SidebarRow) {
    if (row.kind === 'account') {
      props.navigate({ view: 'account', accountId: row.account.id });
    } else {
      props.navigate({
        view: 'application',
        applicationId: row.app.id,
        accountId: row.app.accountId,
      });
    }
  }

  function moveTo(index: number) {
    const target = Math.max(0, Math.min(rows.length - 1, index));
    setFocused(target);
    if (focusRow(target) || !list.current) return;
    pendingFocus.current = target;
    const { top, bottom } = windowed.span(target);
    const view = list.current;
    view.scrollTop = top < view.scrollTop ? top : bottom - view.clientHeight;
  }

  function onKey(event: KeyboardEvent, index: number, row: SidebarRow) {
    const parent = () => {
      for (let i = index; i >= 0; i--) if (rows[i]?.kind === 'account') return i;
      return index;
    };
    const actions: Record<string, () => void> = {
      ArrowDown: () => moveTo(index + 1),
      ArrowUp: () => moveTo(index - 1),
      Home: () => moveTo(0),
      End: () => moveTo(rows.length - 1),
      ArrowRight: () => {
        if (row.kind !== 'account') return;
        if (!row.expanded) toggle(row.account.id, true);
        else if (row.apps.length) moveTo(index + 1);
      },
      ArrowLeft: () => {
        if (row.kind === 'account' && row.expanded) toggle(row.account.id, false);
        else if (row.kind === 'app') moveTo(parent());
      },
      Enter: () => open(row),
      ' ': () => open(row),
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  }

  function onChevron(event: MouseEvent, accountId: string) {
    event.stopPropagation();
    toggle(accountId);
  }

  return (
    <aside className="sidebar" aria-label="Accounts">
      <div className="sidebar__brand">Keydesk</div>
      <input
        id="sidebar-search"
        className="sidebar__search"
        type="search"
        placeholder="Search accounts, API keys, apps"
        aria-label="Search accounts"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setFocused(0);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && rows.length) {
            event.preventDefault();
            moveTo(0);
          }
        }}
      />
      {accounts && accounts.length === 0 ? (
        <p className="sidebar__empty">{query ? 'No account matches.' : 'No accounts yet.'}</p>
      ) : null}
      <ul
        ref={list}
        className="account-list"
        role="tree"
        data-testid="account-list"
        data-count={accounts ? accounts.length : undefined}
        aria-label={accounts ? `${accounts.length} accounts` : 'Loading accounts'}
        onScroll={windowed.onScroll}
      >
        <li role="none" style={{ height: windowed.padTop }} />
        {rows.slice(windowed.start, windowed.end).map((row, offset) => {
          const index = windowed.start + offset;
          const common = {
            'data-row': index,
            tabIndex: index === active ? 0 : -1,
            onFocus: () => setFocused(index),
            onClick: () => open(row),
            onKeyDown: (event: KeyboardEvent) => onKey(event, index, row),
          };
          if (row.kind === 'account') {
            const { account } = row;
            const current = currentAccount === account.id;
            return (
              <li
                key={`a-${account.id}`}
                role="treeitem"
                aria-level={1}
                aria-expanded={account.applicationCount ? row.expanded : undefined}
                aria-selected={current && !currentApp}
                aria-current={current && !currentApp ? 'page' : undefined}
                className={`account-item${current ? ' account-item--selected' : ''}${row.primaryName ? ' account-item--sub' : ''}`}
                style={{ height: rowHeights.account }}
                {...common}
              >
                {/* A pointer's way to the same toggle the arrow keys give the keyboard. */}
                <span
                  className={`chevron${row.expanded ? ' chevron--open' : ''}${account.applicationCount ? '' : ' chevron--none'}`}
                  aria-hidden="true"
                  onClick={(event) => onChevron(event, account.id)}
                />
                <span className={`dot dot--${account.color}`} aria-hidden="true" />
                <span className="account-item__name">{account.name}</span>
                <CheckMark check={checks.get(account.id)} />
                <span className="account-item__meta">
                  {account.sharedWithTeam ? 'team · ' : ''}
                  {row.primaryName ? `sub of ${row.primaryName} · ` : ''}
                  {account.apiKey} · {account.applicationCount} app
                  {account.applicationCount === 1 ? '' : 's'}
                </span>
              </li>
            );
          }
          const { app } = row;
          const current = currentApp === app.id;
          return (
            <li
              key={`p-${app.id}`}
              role="treeitem"
              aria-level={2}
              aria-posinset={row.position}
              aria-setsize={row.siblings}
              aria-selected={current}
              aria-current={current ? 'page' : undefined}
              className={`tree-app${current ? ' tree-app--selected' : ''}`}
              style={{ height: rowHeights.app }}
              title={`${app.name} · ${app.id}`}
              {...common}
            >
              <span className="tree-app__name">{app.name}</span>
              <CheckMark check={checks.get(app.id)} />
              <code className="tree-app__id">{app.id.slice(0, 8)}</code>
            </li>
          );
        })}
        <li role="none" style={{ height: windowed.padBottom }} />
      </ul>
      <button
        type="button"
        className="button button--primary sidebar__add"
        onClick={() => props.navigate({ view: 'new-account' })}
      >
        Add account
      </button>
    </aside>
  );
}

function including(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  return new Set([...set, id]);
}

function excluding(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const next = new Set(set);
  next.delete(id);
  return next;
}
