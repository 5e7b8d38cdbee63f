import { useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import type { AccountSummary } from '../../../shared/vault-schemas';
import { useAction } from '../components/useAction';
import { useToast } from '../components/toasts';
import { AskOnRequest } from '../components/AskOnRequest';

/**
 * The account's API secrets at Vonage: ids and dates (Vonage never shows a value), the one Keydesk
 * holds marked, Rotate and Revoke, each confirmed by main's own dialog before anything changes.
 */
export function AccountSecrets({ account }: { account: AccountSummary }) {
  return (
    <section aria-labelledby="secrets-heading" data-testid="secrets">
      <h2 id="secrets-heading">API secrets at Vonage</h2>
      {account.secretRotationSince ? (
        <p className="banner banner--warning" role="alert">
          A secret rotation stopped half-way on {account.secretRotationSince}; the stored secret
          still works. Run <code>keydesk doctor --fix</code>: it asks Vonage which secret works.
        </p>
      ) : null}
      <AskOnRequest
        channel="secrets:list"
        input={{ account: account.id }}
        ask="Show secrets"
        waiting="Asking Vonage for the secrets…"
      >
        {(answer) => <SecretsTable account={account} answer={answer} />}
      </AskOnRequest>
    </section>
  );
}

function SecretsTable(props: { account: AccountSummary; answer: ChannelOutput<'secrets:list'> }) {
  const { account, answer } = props;
  const [keepOld, setKeepOld] = useState(false);
  const [said, setSaid] = useState<{ text: string; ok: boolean } | null>(null);
  const rotation = useAction('secrets:rotate');
  const revocation = useAction('secrets:revoke');
  const toast = useToast();
  const full = answer.secrets.length >= 2;

  async function rotate() {
    const done = await rotation.run({ account: account.id, ...(keepOld ? { keepOld } : {}) });
    if (done) setSaid({ text: done.message, ok: !done.revokeFailed });
  }

  async function revoke(id: string) {
    const done = await revocation.run({ account: account.id, id });
    if (done) toast(done.message);
  }

  return (
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
          {answer.secrets.map((secret) => (
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
      {!answer.heldKnown && full ? (
        <p className="muted">
          Keydesk did not make its stored secret, so it cannot tell which of these it is; after a
          rotation it knows.
        </p>
      ) : null}
      <div className="actions">
        <label className="checkbox">
          <input type="checkbox" checked={keepOld} onChange={(e) => setKeepOld(e.target.checked)} />{' '}
          Keep the old secret working
        </label>
        <button
          type="button"
          className="button button--primary"
          disabled={rotation.pending || full}
          onClick={() => void rotate()}
        >
          {rotation.pending ? 'Rotating…' : 'Rotate secret'}
        </button>
      </div>
      {full ? (
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
  );
}
