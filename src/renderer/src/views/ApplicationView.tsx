import { useState } from 'react';
import { useConfirm } from '../components/confirm';
import { useAction } from '../components/useAction';
import { useChannel } from '../data/channel-data';
import type { Route } from '../route';
import { ApplicationKey } from './ApplicationKey';
import { ApplicationTokens, type LastMint } from './ApplicationTokens';
import { ApplicationUsers } from './ApplicationUsers';
import { LastToken } from './LastToken';

/**
 * An application: its tokens (ApplicationTokens, LastToken), its key (ApplicationKey) and its
 * Client SDK users on Vonage (ApplicationUsers).
 */
export function ApplicationView(props: {
  applicationId: string;
  navigate: (route: Route) => void;
}) {
  const { data: app, error } = useChannel('apps:get', { id: props.applicationId });
  // An empty lifetime means the application's default, else the one in the settings.
  const settingsTtl = useChannel('settings:get', {}).data?.defaultTtlSeconds;
  const [last, setLast] = useState<LastMint | null>(null);
  const removal = useAction('apps:remove');
  const confirm = useConfirm();

  if (error)
    return (
      <p className="field__error" role="alert">
        {error.message}
      </p>
    );
  if (!app) return null;

  async function remove() {
    if (!app || !(await confirm(`Remove "${app.name}" and its private key?`, 'Remove application')))
      return;
    if (await removal.run({ id: app.id })) {
      props.navigate({ view: 'account', accountId: app.accountId });
    }
  }

  return (
    <section className="card" aria-label={`Application ${app.name}`}>
      <nav className="crumbs" aria-label="Breadcrumb">
        <button
          type="button"
          className="link"
          onClick={() => props.navigate({ view: 'account', accountId: app.accountId })}
        >
          {app.accountName}
        </button>
        <span aria-hidden="true"> › </span>
        <span>{app.name}</span>
      </nav>
      <header className="card__header">
        <h1>{app.name}</h1>
        <code className="muted">{app.id}</code>
        {app.dashboard ? (
          <span className="muted" title={`As the dashboard had it on ${app.dashboard.syncedAt}`}>
            dashboard: “{app.dashboard.name}”
            {app.dashboard.capabilities.length ? ` · ${app.dashboard.capabilities.join(', ')}` : ''}
          </span>
        ) : null}
      </header>
      <ApplicationTokens app={app} settingsTtl={settingsTtl} onMinted={setLast} />
      {last ? <LastToken applicationId={app.id} last={last} /> : null}
      <ApplicationKey app={app} onKeyChanged={() => setLast(null)} />
      <ApplicationUsers key={app.id} app={app} />
      <div className="actions">
        <button type="button" className="button button--danger" onClick={() => void remove()}>
          Remove application
        </button>
      </div>
    </section>
  );
}
