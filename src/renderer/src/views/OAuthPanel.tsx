import { useState } from 'react';
import type { AccessTokenSummary, ConsumerSummary } from '../../../shared/oauth-schemas';
import { useConfirm } from '../components/confirm';
import { useToast } from '../components/toasts';
import { noFields, useAction } from '../components/useAction';
import { useChannel } from '../data/channel-data';
import { ConsumerForm } from './OAuthConsumerForm';
import { PinForm } from './OAuthPinForm';
import { RequestSigner } from './OAuthRequestSigner';

/** OAuth 1.0a for one account: consumers, "Log in with Vonage", tokens, and the request signer. */
export function OAuthPanel({ accountId }: { accountId: string }) {
  const consumers = useChannel('oauth:consumers:list', { accountId }).data ?? [];
  const tokens = useChannel('oauth:tokens:list', { accountId }).data ?? [];
  const [adding, setAdding] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  // Each failure is told in the panel's one error line (the latest action's).
  const startPin = useAction('oauth:loginStart', { fieldOf: noFields, form: true });
  const loginWindow = useAction('oauth:login', { fieldOf: noFields, form: true });
  const forgetToken = useAction('oauth:tokens:forget', { fieldOf: noFields, form: true });
  const removeOne = useAction('oauth:consumers:remove', { fieldOf: noFields, form: true });
  const actions = [startPin, loginWindow, forgetToken, removeOne];
  const error = actions.map((a) => a.fieldErrors._form).find(Boolean);
  const clearError = () => actions.forEach((a) => a.setFieldErrors({}));
  const [pinLogin, setPinLogin] = useState<{ pendingId: string; authorizeUrl: string } | null>(
    null,
  );
  const toast = useToast();
  const confirm = useConfirm();

  async function login(consumer: ConsumerSummary) {
    clearError();
    if (consumer.callbackUrl === null) {
      const started = await startPin.run({ consumerId: consumer.id });
      if (started) setPinLogin(started);
      return;
    }
    setBusy(consumer.id);
    const token = await loginWindow.run({ consumerId: consumer.id });
    setBusy(null);
    if (token) toast(`Logged in: access token "${token.label}" stored in the keychain.`);
  }

  async function forget(token: AccessTokenSummary) {
    clearError();
    await forgetToken.run({ id: token.id });
  }

  async function removeConsumer(consumer: ConsumerSummary) {
    if (!(await confirm(`Remove consumer ${consumer.consumerKey} and its access tokens?`))) return;
    clearError();
    await removeOne.run({ id: consumer.id });
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
