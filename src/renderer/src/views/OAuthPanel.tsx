import { useState } from 'react';
import type { AccessTokenSummary, ConsumerSummary } from '../../../shared/oauth-schemas';
import { useConfirm } from '../components/confirm';
import { useToast } from '../components/toasts';
import { send, useChannel } from '../data/channel-data';
import { ConsumerForm } from './OAuthConsumerForm';
import { PinForm } from './OAuthPinForm';
import { RequestSigner } from './OAuthRequestSigner';

/** OAuth 1.0a for one account: consumers, "Log in with Vonage", tokens, and the request signer. */
export function OAuthPanel({ accountId }: { accountId: string }) {
  const consumers = useChannel('oauth:consumers:list', { accountId }).data ?? [];
  const tokens = useChannel('oauth:tokens:list', { accountId }).data ?? [];
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [pinLogin, setPinLogin] = useState<{ pendingId: string; authorizeUrl: string } | null>(
    null,
  );
  const toast = useToast();
  const confirm = useConfirm();

  async function login(consumer: ConsumerSummary) {
    setError(null);
    if (consumer.callbackUrl === null) {
      const r = await send('oauth:loginStart', { consumerId: consumer.id });
      return r.ok ? setPinLogin(r.value) : setError(r.error.message);
    }
    setBusy(consumer.id);
    const r = await send('oauth:login', { consumerId: consumer.id });
    setBusy(null);
    if (!r.ok) return setError(r.error.message);
    toast(`Logged in: access token "${r.value.label}" stored in the keychain.`);
  }

  async function forget(token: AccessTokenSummary) {
    const r = await send('oauth:tokens:forget', { id: token.id });
    if (!r.ok) return setError(r.error.message);
  }

  async function removeConsumer(consumer: ConsumerSummary) {
    if (!(await confirm(`Remove consumer ${consumer.consumerKey} and its access tokens?`))) return;
    const r = await send('oauth:consumers:remove', { id: consumer.id });
    if (!r.ok) return setError(r.error.message);
  }

  return (
    <section className="oauth" aria-label="OAuth 1.0a">
      <h2>OAuth 1.0a</h2>
      {error ? (
        <p className="field__error" role="alert" data-testid="oauth-error">
          {error}
        </p>
      ) : null}
      {consumers.length === 0 && !adding ? (
        <p className="muted">
          No OAuth consumer. Add the developer app's consumer key and secret to log in with Vonage.
        </p>
      ) : null}
      <ul className="app-list">
        {consumers.map((c) => (
          <li key={c.id}>
            <span className="app-item">
              <span className="app-item__name">{c.consumerKey}</span>
              <span className="app-item__id">{c.baseUrl}</span>
            </span>
            <button
              type="button"
              className="button button--primary button--small"
              disabled={busy === c.id}
              onClick={() => void login(c)}
            >
              {busy === c.id
                ? 'Waiting for the authorize window…'
                : c.callbackUrl === null
                  ? 'Log in with PIN'
                  : 'Log in with Vonage'}
            </button>
            <button
              type="button"
              className="button button--small button--danger"
              onClick={() => void removeConsumer(c)}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      {pinLogin ? <PinForm pending={pinLogin} done={() => setPinLogin(null)} /> : null}
      {adding ? (
        <ConsumerForm accountId={accountId} done={() => setAdding(false)} />
      ) : (
        <div className="actions">
          <button type="button" className="button button--small" onClick={() => setAdding(true)}>
            Add OAuth consumer
          </button>
        </div>
      )}
      {tokens.length ? (
        <>
          <h3>Access tokens</h3>
          <ul className="app-list" data-testid="oauth-tokens">
            {tokens.map((t) => (
              <li key={t.id}>
                <span className="app-item">
                  <span className="app-item__name">{t.label}</span>
                  <span className="app-item__id">{new Date(t.obtainedAt).toLocaleString()}</span>
                </span>
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => void forget(t)}
                >
                  Forget
                </button>
              </li>
            ))}
          </ul>
          <RequestSigner accountId={accountId} />
        </>
      ) : null}
    </section>
  );
}
