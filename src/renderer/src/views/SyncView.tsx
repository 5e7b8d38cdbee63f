import { useEffect, useState } from 'react';
import type { SyncResult } from '../../../shared/check-schemas';
import { useConfirm } from '../components/confirm';
import { useToast } from '../components/toasts';
import { noFields, useAction } from '../components/useAction';
import { useChannel } from '../data/channel-data';
import type { Route } from '../route';

type Listed = SyncResult['applications'][number];

const sections: { state: Listed['state']; title: string; empty: string }[] = [
  { state: 'missing', title: 'In the dashboard only', empty: 'Nothing is missing from Keydesk.' },
  { state: 'stored', title: 'In both', empty: 'No application is in both.' },
  { state: 'deleted', title: 'In Keydesk only', empty: 'Nothing was deleted in the dashboard.' },
];

/**
 * An account's applications in the dashboard against the vault, with what to do about each:
 * add a missing one with a new key, rotate a stored one's key, remove one the dashboard lost.
 * Every action is confirmed first (a key change by main's own dialog); the list is asked again
 * after each.
 */
export function SyncView(props: { accountId: string; navigate: (route: Route) => void }) {
  const account = useChannel('accounts:get', { id: props.accountId }).data;
  const [result, setResult] = useState<SyncResult | null>(null);
  const [busy, setBusy] = useState<string | null>('sync');
  // Why a sync failed is told above the lists; what an action did (or why not) in a toast.
  const syncing = useAction('vonage:sync', { fieldOf: noFields, form: true });
  const adding = useAction('vonage:addApplication');
  const rotating = useAction('vonage:rotateKey');
  const removing = useAction('apps:remove');
  const error = syncing.fieldErrors._form;
  const syncRun = syncing.run;
  const confirm = useConfirm();
  const toast = useToast();

  // Asked once on opening (busy starts as 'sync'); an answer for a view already left is dropped.
  useEffect(() => {
    let shown = true;
    void syncRun({ account: props.accountId }).then((answer) => {
      if (!shown) return;
      setBusy(null);
      setResult(answer ?? null);
    });
    return () => {
      shown = false;
    };
  }, [props.accountId, syncRun]);

  async function sync() {
    setBusy('sync');
    const answer = await syncRun({ account: props.accountId });
    setBusy(null);
    setResult(answer ?? null);
  }

  /**
   * `question` is asked here first; without one, main asks in its own dialog (a change that
   * replaces a key in the dashboard: the page cannot answer that one itself). `change` answers
   * what to say when it was made, undefined when it was not (already told).
   */
  async function act(
    app: Listed,
    question: string | null,
    label: string,
    change: () => Promise<string | undefined>,
  ) {
    if (question !== null && !(await confirm(question, label))) return;
    setBusy(app.id);
    const done = await change();
    if (done !== undefined) toast(done, 'ok');
    setBusy(null);
    await sync();
  }

  const add = (app: Listed) =>
    act(app, null, 'Add with a new key', async () => {
      const added = await adding.run({ account: props.accountId, id: app.id });
      return added?.message;
    });
  const rotate = (app: Listed) =>
    act(app, null, 'Rotate key', async () => (await rotating.run({ app: app.id }))?.message);
  const remove = (app: Listed) =>
    act(
      app,
      `Remove "${app.name}" and its private key from Keydesk? The dashboard no longer has it.`,
      'Remove from Keydesk',
      async () => ((await removing.run({ id: app.id })) ? `Removed "${app.name}".` : undefined),
    );

  const name = account?.name ?? 'the account';
  return (
    <section className="card" aria-label={`Sync ${name}`} aria-busy={busy === 'sync'}>
      <header className="card__header">
        <h1>Sync {name} with the dashboard</h1>
        <button
          type="button"
          className="button button--small"
          disabled={busy !== null}
          onClick={() => void sync()}
        >
          {busy === 'sync' ? 'Asking Vonage…' : 'Sync again'}
        </button>
      </header>
      <p className="muted">
        The applications Vonage lists for this account&apos;s API key, against those stored in
        Keydesk. Nothing changes until you choose an action.
      </p>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      {result
        ? sections.map((section) => {
            const apps = result.applications.filter((a) => a.state === section.state);
            return (
              <section key={section.state} aria-labelledby={`sync-${section.state}`}>
                <h2 id={`sync-${section.state}`}>
                  {section.title} <span className="muted">({apps.length})</span>
                </h2>
                {apps.length === 0 ? <p className="muted">{section.empty}</p> : null}
                <ul className="sync-list" data-testid={`sync-${section.state}`}>
                  {apps.map((app) => (
                    <li key={app.id} className="sync-item">
                      <div className="sync-item__names">
                        <strong>{app.name}</strong>
                        {app.dashboardName && app.dashboardName !== app.name ? (
                          <span className="muted"> · dashboard: {app.dashboardName}</span>
                        ) : null}
                        <code className="sync-item__id">{app.id}</code>
                        {app.capabilities?.length ? (
                          <span className="muted">{app.capabilities.join(', ')}</span>
                        ) : null}
                      </div>
                      {app.keyMatches === false ? (
                        <span className="verdict verdict--bad">Key differs</span>
                      ) : app.keyMatches ? (
                        <span className="verdict verdict--ok">Key matches</span>
                      ) : null}
                      <div className="sync-item__actions">
                        {section.state === 'missing' ? (
                          <button
                            type="button"
                            className="button button--small button--primary"
                            disabled={busy !== null}
                            onClick={() => void add(app)}
                          >
                            Add with a new key
                          </button>
                        ) : null}
                        {section.state === 'stored' ? (
                          <>
                            <button
                              type="button"
                              className="button button--small"
                              onClick={() =>
                                props.navigate({
                                  view: 'application',
                                  applicationId: app.id,
                                  accountId: props.accountId,
                                })
                              }
                            >
                              Open
                            </button>
                            <button
                              type="button"
                              className={`button button--small${app.keyMatches === false ? ' button--primary' : ''}`}
                              disabled={busy !== null}
                              onClick={() => void rotate(app)}
                            >
                              Rotate key
                            </button>
                          </>
                        ) : null}
                        {section.state === 'deleted' ? (
                          <button
                            type="button"
                            className="button button--small button--danger"
                            disabled={busy !== null}
                            onClick={() => void remove(app)}
                          >
                            Remove from Keydesk
                          </button>
                        ) : null}
                        {busy === app.id ? <span className="muted">Working…</span> : null}
                      </div>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })
        : null}
    </section>
  );
}
