import { useState } from 'react';
import type { AccountSummary } from '../../../shared/vault-schemas';
import { useAction } from '../components/useAction';
import { useToast } from '../components/toasts';
import { useChannel } from '../data/channel-data';

/**
 * The account's API secrets at Vonage: ids and dates (Vonage never shows a value), the one Keydesk
 * holds marked, Rotate and Revoke, each confirmed by main's own dialog before anything changes.
 */
export function AccountSecrets({ account }: { account: AccountSummary }) {
  const [open, setOpen] = useState(false);
  const [keepOld, setKeepOld] = useState(false);
  const [said, setSaid] = useState<{ text: string; ok: boolean } | null>(null);
  const { data, error, loading, reload } = useChannel(
    'secrets:list',
    open ? { account: account.id } : null,
  );
  const rotation = useAction('secrets:rotate');
  const revocation = useAction('secrets:revoke');
  const toast = useToast();

  async function rotate() {
    const done = await rotation.run({ account: account.id, ...(keepOld ? { keepOld } : {}) });
    if (done) setSaid({ text: done.message, ok: !done.revokeFailed });
  }

  async function revoke(id: string) {
    const done = await revocation.run({ account: account.id, id });
    if (done) toast(done.message);
  }

  return (
    <section aria-labelledby="secrets-heading" data-testid="secrets">
      <h2 id="secrets-heading">API secrets at Vonage</h2>
      {account.secretRotationSince ? (
        <p className="banner banner--warning" role="alert">
          A secret rotation stopped half-way on {account.secretRotationSince}; the stored secret
          still works. Run <code>keydesk doctor --fix</code>: it asks Vonage which secret works.
        </p>
      ) : null}
      {!open ? (
        <div className="actions">
          <button type="button" className="button" onClick={() => setOpen(true)}>
            Show secrets
          </button>
        </div>
      ) : error ? (
        <div className="banner banner--warning" role="alert">
          <p>{error.message}</p>
          <button type="button" className="button button--small" onClick={reload}>
            Try again
          </button>
        </div>
      ) : !data ? (
        <p role="status">{loading ? 'Asking Vonage for the secrets…' : ''}</p>
      ) : (
        <>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Secret id</th>
                <th scope="col">Created</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.secrets.map((secret) => (
                <tr key={secret.id}>
                  <th scope="row">
                    <code>{secret.id}</code>
                    {secret.held ? <span className="badge">Keydesk holds this one</span> : null}
                  </th>
                  <td>{secret.createdAt}</td>
                  <td className="users__actions">
                    {secret.held ? null : (
                      <button
                        type="button"
                        className="button button--danger button--small"
                        aria-label={`Revoke secret ${secret.id}`}
                        disabled={revocation.pending}
                        onClick={() => void revoke(secret.id)}
                      >
                        Revoke
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {!data.heldKnown && data.secrets.length > 1 ? (
            <p className="muted">
              Keydesk did not make its stored secret, so it cannot tell which of these it is; after
              a rotation it knows.
            </p>
          ) : null}
          <div className="actions">
            <label className="checkbox">
              <input
                type="checkbox"
                checked={keepOld}
                onChange={(e) => setKeepOld(e.target.checked)}
              />{' '}
              Keep the old secret working
            </label>
            <button
              type="button"
              className="button button--primary"
              disabled={rotation.pending || data.secrets.length >= 2}
              onClick={() => void rotate()}
            >
              {rotation.pending ? 'Rotating…' : 'Rotate secret'}
            </button>
          </div>
          {data.secrets.length >= 2 ? (
            <p className="muted">
              Vonage holds two secrets, its most: revoke the one no program uses before rotating.
            </p>
          ) : null}
          {said ? (
            <p className={`verdict ${said.ok ? 'verdict--ok' : 'verdict--bad'}`} role="status">
              {said.text}
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
