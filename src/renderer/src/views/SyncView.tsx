import { useCallback, useEffect, useState } from 'react';
import type { SyncResult } from '../../../shared/check-schemas';
import type { KeydeskErrorShape, Result } from '../../../shared/errors';
import { useConfirm } from '../components/confirm';
import { useToast } from '../components/toasts';
import { send, useChannel } from '../data/channel-data';
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
  const [error, setError] = useState<KeydeskErrorShape | null>(null);
  const [busy, setBusy] = useState<string | null>('sync');
  const confirm = useConfirm();
  const toast = useToast();

  const show = useCallback((r: Result<SyncResult>) => {
    setBusy(null);
    setResult(r.ok ? r.value : null);
    setError(r.ok ? null : r.error);
  }, []);

  // Asked once on opening (busy starts as 'sync'); an answer for a view already left is dropped.
  useEffect(() => {
    let shown = true;
    void send('vonage:sync', { account: props.accountId }).then((r) => {
      if (shown) show(r);
    });
    return () => {
      shown = false;
    };
  }, [props.accountId, show]);

  async function sync() {
    setBusy('sync');
    show(await send('vonage:sync', { account: props.accountId }));
  }

  /**
   * `question` is asked here first; without one, main asks in its own dialog (a change that
   * replaces a key in the dashboard: the page cannot answer that one itself).
   */
  async function act(
    app: Listed,
    question: string | null,
    label: string,
    run: () => Promise<string>,
  ) {
    if (question !== null && !(await confirm(question, label))) return;
    setBusy(app.id);
    try {
      toast(await run(), 'ok');
    } catch (failure) {
      toast((failure as Error).message, 'error');
    }
    setBusy(null);
    await sync();
  }

  const messageOf = async <T,>(
    pending: Promise<{ ok: true; value: T } | { ok: false; error: KeydeskErrorShape }>,
    say: (value: T) => string,
  ) => {
    const r = await pending;
    if (!r.ok && r.error.code === 'CANCELLED') return r.error.message;
    if (!r.ok) throw new Error(r.error.message);
    return say(r.value);
  };

  const add = (app: Listed) =>
    act(app, null, 'Add with a new key', () =>
      messageOf(
        send('vonage:addApplication', { account: props.accountId, id: app.id }),
        (v) => v.message,
      ),
    );
  const rotate = (app: Listed) =>
    act(app, null, 'Rotate key', () =>
      messageOf(send('vonage:rotateKey', { app: app.id }), (v) => v.message),
    );
  const remove = (app: Listed) =>
    act(
      app,
      `Remove "${app.name}" and its private key from Keydesk? The dashboard no longer has it.`,
      'Remove from Keydesk',
      () => messageOf(send('apps:remove', { id: app.id }), () => `Removed "${app.name}".`),
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
          {error.message}
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
