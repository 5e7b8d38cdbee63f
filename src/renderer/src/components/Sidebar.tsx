import { useEffect, useState } from 'react';
import type { AccountSummary } from '../../../shared/vault-schemas';
import { call } from '../api';
import type { Route } from '../route';
import { useWindowedList } from './useWindowedList';

const rowHeight = 52;

/** Accounts with search (name, API key, application id) and colour labels. */
export function Sidebar(props: {
  route: Route;
  navigate: (route: Route) => void;
  revision: number;
}) {
  const [query, setQuery] = useState('');
  const [accounts, setAccounts] = useState<AccountSummary[] | null>(null);

  useEffect(() => {
    let current = true;
    void call('accounts:list', { query }).then((result) => {
      if (current && result.ok) setAccounts(result.value);
    });
    return () => {
      current = false;
    };
  }, [query, props.revision]);

  // The account stays highlighted on its applications' pages too: nobody should mint a token
  // without seeing whose it is.
  const rows = accounts ?? [];
  const windowed = useWindowedList(rows.length, rowHeight);
  const selected =
    props.route.view === 'account' || props.route.view === 'application'
      ? props.route.accountId
      : undefined;
  return (
    <aside className="sidebar" aria-label="Accounts">
      <div className="sidebar__brand">Keydesk</div>
      <input
        className="sidebar__search"
        type="search"
        placeholder="Search accounts, API keys, app ids"
        aria-label="Search accounts"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      {accounts && accounts.length === 0 ? (
        <p className="sidebar__empty">{query ? 'No account matches.' : 'No accounts yet.'}</p>
      ) : null}
      <ul
        className="account-list"
        data-testid="account-list"
        data-count={accounts ? accounts.length : undefined}
        aria-label={accounts ? `${accounts.length} accounts` : 'Loading accounts'}
        onScroll={windowed.onScroll}
      >
        <li aria-hidden="true" style={{ height: windowed.padTop }} />
        {rows.slice(windowed.start, windowed.end).map((account) => (
          <li key={account.id} style={{ height: rowHeight }}>
            <button
              type="button"
              className={`account-item${selected === account.id ? ' account-item--selected' : ''}`}
              aria-current={selected === account.id ? 'true' : undefined}
              onClick={() => props.navigate({ view: 'account', accountId: account.id })}
            >
              <span className={`dot dot--${account.color}`} aria-hidden="true" />
              <span className="account-item__name">{account.name}</span>
              <span className="account-item__meta">
                {account.apiKey} · {account.applicationCount} app
                {account.applicationCount === 1 ? '' : 's'}
              </span>
            </button>
          </li>
        ))}
        <li aria-hidden="true" style={{ height: windowed.padBottom }} />
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
