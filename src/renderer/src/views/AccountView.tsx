import { useState } from 'react';
import { useCopy } from '../components/useCopy';
import { useConfirm } from '../components/confirm';
import { useAction } from '../components/useAction';
import { useChannel } from '../data/channel-data';
import type { Route } from '../route';
import { AccountForm } from './AccountForm';
import { NewApplicationForm } from './NewApplicationForm';
import { CreateOnVonageForm } from './CreateOnVonageForm';
import { AccountSecrets } from './AccountSecrets';
import { AccountSubaccounts } from './AccountSubaccounts';
import { OAuthPanel } from './OAuthPanel';
import { CheckWithVonage } from '../components/CheckWithVonage';
import { CopyEnvironmentButtons } from '../components/CopyEnvironmentButtons';

export function AccountView(props: { accountId: string; navigate: (route: Route) => void }) {
  const { data: account, error } = useChannel('accounts:get', { id: props.accountId });
  const [secret, setSecret] = useState<string | null>(null);
  const [adding, setAdding] = useState<'stored' | 'vonage' | false>(false);
  const [editing, setEditing] = useState(false);
  const copy = useCopy();
  const revealing = useAction('accounts:revealSecret');
  const removal = useAction('accounts:remove');
  const confirm = useConfirm();

  if (error)
    return (
      <p className="field__error" role="alert">
        {error.message}
      </p>
    );
  if (!account) return null;
  if (editing) {
    return (
      <AccountForm
        existing={account}
        cancel={() => setEditing(false)}
        saved={() => setEditing(false)}
      />
    );
  }

  async function reveal() {
    if (secret !== null) return setSecret(null);
    const revealed = await revealing.run({ id: props.accountId, which: 'apiSecret' });
    if (revealed) setSecret(revealed.value);
  }

  function added(applicationId?: string) {
    setAdding(false);
    if (applicationId)
      props.navigate({ view: 'application', applicationId, accountId: props.accountId });
  }

  async function remove() {
    if (
      !account ||
      !(await confirm(
        `Remove "${account.name}", its ${account.applicationCount} application(s) and their keys?`,
        'Remove account',
      ))
    )
      return;
    if (await removal.run({ id: account.id })) props.navigate({ view: 'welcome' });
  }

  return (
    <section className="card" aria-label={`Account ${account.name}`}>
      <header className="card__header">
        <span className={`dot dot--${account.color}`} aria-hidden="true" />
        <h1>{account.name}</h1>
      </header>
      <dl className="facts">
        <dt>API key</dt>
        <dd>
          <code>{account.apiKey}</code>
          <button
            type="button"
            className="button button--small"
            onClick={() => void copy({ what: 'apiKey', accountId: account.id })}
          >
            Copy
          </button>
        </dd>
        {account.primary ? (
          <>
            <dt>Subaccount of</dt>
            <dd>
              <button
                type="button"
                className="link"
                onClick={() =>
                  props.navigate({ view: 'account', accountId: account.primary?.id ?? '' })
                }
              >
                {account.primary.name}
              </button>
            </dd>
          </>
        ) : null}
        <dt>API secret</dt>
        <dd>
          <code data-testid="api-secret">{secret ?? '••••••••••••'}</code>
          <button type="button" className="button button--small" onClick={() => void reveal()}>
            {secret === null ? 'Reveal' : 'Hide'}
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => void copy({ what: 'apiSecret', accountId: account.id })}
          >
            Copy
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => void copy({ what: 'basicAuth', accountId: account.id })}
          >
            Copy Basic auth header
          </button>
        </dd>
        <dt>Signature secret</dt>
        <dd data-testid="signature-secret">
          {account.hasSignatureSecret ? (
            <>
              <code>••••••••••••</code>{' '}
              <span className="muted">method {account.signatureMethod}</span>
              <button
                type="button"
                className="button button--small"
                onClick={() => void copy({ what: 'signatureSecret', accountId: account.id })}
              >
                Copy
              </button>
            </>
          ) : (
            <span className="muted">
              None. Add it (Edit account) to verify and sign webhooks for this account.
            </span>
          )}
        </dd>
        {account.sharedWithTeam ? (
          <>
            <dt>Team</dt>
            <dd data-testid="shared-with-team">
              Shared with the team: changes here go to every member with a sync (Team).
            </dd>
          </>
        ) : null}
        {account.notes ? (
          <>
            <dt>Notes</dt>
            <dd className="notes">{account.notes}</dd>
          </>
        ) : null}
      </dl>
      <CheckWithVonage id={account.id} what="account" />
      <AccountSecrets key={`s-${account.id}`} account={account} />
      {account.primary ? null : (
        <AccountSubaccounts key={`u-${account.id}`} account={account} navigate={props.navigate} />
      )}
      <h2>Applications</h2>
      {account.applications.length === 0 && !adding ? (
        <p className="muted">
          No applications yet. Add one with its id from the dashboard and its private key, or create
          a new one on Vonage.
        </p>
      ) : null}
      <ul className="app-list">
        {account.applications.map((app) => (
          <li key={app.id}>
            <button
              type="button"
              className="app-item"
              onClick={() =>
                props.navigate({
                  view: 'application',
                  applicationId: app.id,
                  accountId: account.id,
                })
              }
            >
              <span className="app-item__name">{app.name}</span>
              <code className="app-item__id">{app.id}</code>
            </button>
            <button
              type="button"
              className="button button--primary button--small"
              onClick={() =>
                void copy({ what: 'jwt', format: 'raw', mint: { applicationId: app.id } })
              }
            >
              Copy JWT
            </button>
          </li>
        ))}
      </ul>
      {adding === 'stored' ? (
        <NewApplicationForm accountId={account.id} done={added} />
      ) : adding === 'vonage' ? (
        <CreateOnVonageForm accountId={account.id} done={added} />
      ) : (
        <div className="actions">
          <button type="button" className="button" onClick={() => setAdding('stored')}>
            Add application
          </button>
          <button type="button" className="button" onClick={() => setAdding('vonage')}>
            New application on Vonage
          </button>
          <button type="button" className="button" onClick={() => setEditing(true)}>
            Edit account
          </button>
          <button
            type="button"
            className="button"
            onClick={() => props.navigate({ view: 'sync', accountId: account.id })}
          >
            Sync with dashboard
          </button>
          <CopyEnvironmentButtons reference={{ accountId: account.id }} />
          <button type="button" className="button button--danger" onClick={() => void remove()}>
            Remove account
          </button>
        </div>
      )}
      <OAuthPanel accountId={account.id} />
    </section>
  );
}
