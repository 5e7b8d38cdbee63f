import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../shared/contract';

type Status = ChannelOutput<'system:status'>;
type Accounts = ChannelOutput<'accounts:list'>;

/**
 * The first screen: vault status and the accounts the CLI or an import stored. The full desktop
 * experience (account and application views, Copy JWT, palette) builds on this contract.
 */
export function App() {
  const [status, setStatus] = useState<Status | null>(null);
  const [accounts, setAccounts] = useState<Accounts>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void (async () => {
      const [s, a] = await Promise.all([
        window.api['system:status']({}),
        window.api['accounts:list']({}),
      ]);
      if (s.ok) setStatus(s.value);
      else setError(s.error.message);
      if (a.ok) setAccounts(a.value);
      else setError(a.error.message);
    })();
  }, []);

  return (
    <main className="app">
      <header>
        <h1>Keydesk</h1>
        {status && (
          <span className="muted">
            v{status.version} · {status.dataDir}
          </span>
        )}
      </header>
      {status && status.keychain.state !== 'ok' && (
        <p role="alert" className="banner">
          {status.keychain.message}
        </p>
      )}
      {error && (
        <p role="alert" className="banner">
          {error}
        </p>
      )}
      {accounts.length === 0 ? (
        <p className="empty">
          No accounts yet. Add one with <code>keydesk accounts add --name NAME --api-key KEY</code>{' '}
          or import a <code>.nexmorc</code> with <code>keydesk import ~/.nexmorc</code>.
        </p>
      ) : (
        <ul className="accounts" aria-label="Accounts">
          {accounts.map((account) => (
            <li key={account.id} data-color={account.color}>
              <strong>{account.name}</strong> <code>{account.apiKey}</code>{' '}
              <span className="muted">{account.applicationCount} application(s)</span>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
