import { useEffect, useState, type FormEvent } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import {
  defaultCallbackUrl,
  defaultOAuthBaseUrl,
  signatureMethods,
  type SignatureMethod,
} from '../../../shared/oauth-constants';
import type { AccessTokenSummary, ConsumerSummary } from '../../../shared/oauth-schemas';
import { splitNameValue } from '../../../shared/presets';
import { call, fieldErrorsOf, type FieldErrors } from '../api';
import { Field } from '../components/Field';
import { FormFooter } from '../components/FormFooter';
import { useCopy } from '../components/useCopy';
import { useConfirm } from '../components/confirm';
import { useToast } from '../components/toasts';

/** OAuth 1.0a for one account: consumers, "Log in with Vonage", tokens, and the request signer. */
export function OAuthPanel({ accountId }: { accountId: string }) {
  const [consumers, setConsumers] = useState<ConsumerSummary[]>([]);
  const [tokens, setTokens] = useState<AccessTokenSummary[]>([]);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [pinLogin, setPinLogin] = useState<{ pendingId: string; authorizeUrl: string } | null>(
    null,
  );
  const toast = useToast();
  const confirm = useConfirm();

  const [revision, setRevision] = useState(0);
  const reload = () => setRevision((r) => r + 1);
  useEffect(() => {
    let current = true;
    void Promise.all([
      call('oauth:consumers:list', { accountId }),
      call('oauth:tokens:list', { accountId }),
    ]).then(([c, t]) => {
      if (!current) return;
      if (c.ok) setConsumers(c.value);
      if (t.ok) setTokens(t.value);
    });
    return () => {
      current = false;
    };
  }, [accountId, revision]);

  async function login(consumer: ConsumerSummary) {
    setError(null);
    if (consumer.callbackUrl === null) {
      const r = await call('oauth:loginStart', { consumerId: consumer.id });
      return r.ok ? setPinLogin(r.value) : setError(r.error.message);
    }
    setBusy(consumer.id);
    const r = await call('oauth:login', { consumerId: consumer.id });
    setBusy(null);
    if (!r.ok) return setError(r.error.message);
    toast(`Logged in: access token "${r.value.label}" stored in the keychain.`);
    reload();
  }

  async function forget(token: AccessTokenSummary) {
    const r = await call('oauth:tokens:forget', { id: token.id });
    if (!r.ok) return setError(r.error.message);
    reload();
  }

  async function removeConsumer(consumer: ConsumerSummary) {
    if (!(await confirm(`Remove consumer ${consumer.consumerKey} and its access tokens?`))) return;
    const r = await call('oauth:consumers:remove', { id: consumer.id });
    if (!r.ok) return setError(r.error.message);
    reload();
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
      {pinLogin ? (
        <PinForm
          pending={pinLogin}
          done={(ok) => {
            setPinLogin(null);
            if (ok) reload();
          }}
        />
      ) : null}
      {adding ? (
        <ConsumerForm
          accountId={accountId}
          done={() => {
            setAdding(false);
            reload();
          }}
        />
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

function ConsumerForm({ accountId, done }: { accountId: string; done: () => void }) {
  const [form, setForm] = useState({
    consumerKey: '',
    consumerSecret: '',
    baseUrl: defaultOAuthBaseUrl,
    oob: false,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  async function submit(event: FormEvent) {
    event.preventDefault();
    const r = await call('oauth:consumers:create', {
      accountId,
      consumerKey: form.consumerKey,
      consumerSecret: form.consumerSecret,
      baseUrl: form.baseUrl,
      callbackUrl: form.oob ? null : defaultCallbackUrl,
    });
    if (!r.ok) return setErrors(fieldErrorsOf(r.error));
    done();
  }
  return (
    <form
      className="subform form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label="New OAuth consumer"
    >
      <Field id="oauth-key" label="Consumer key" error={errors.consumerKey}>
        <input
          id="oauth-key"
          value={form.consumerKey}
          onChange={(e) => setForm({ ...form, consumerKey: e.target.value })}
          autoComplete="off"
        />
      </Field>
      <Field id="oauth-secret" label="Consumer secret" error={errors.consumerSecret}>
        <input
          id="oauth-secret"
          type="password"
          value={form.consumerSecret}
          onChange={(e) => setForm({ ...form, consumerSecret: e.target.value })}
          autoComplete="off"
        />
      </Field>
      <Field
        id="oauth-base"
        label="Endpoint base URL"
        error={errors.baseUrl}
        hint="The dashboard's, or a staging or test server"
      >
        <input
          id="oauth-base"
          value={form.baseUrl}
          onChange={(e) => setForm({ ...form, baseUrl: e.target.value })}
        />
      </Field>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={form.oob}
          onChange={(e) => setForm({ ...form, oob: e.target.checked })}
        />{' '}
        Log in with a PIN (oob) instead of a callback
      </label>
      <FormFooter
        error={errors._form ?? errors.accountId}
        submitLabel="Save consumer"
        onCancel={done}
      />
    </form>
  );
}

function PinForm({
  pending,
  done,
}: {
  pending: { pendingId: string; authorizeUrl: string };
  done: (ok: boolean) => void;
}) {
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string>();
  const copy = useCopy();
  async function submit(event: FormEvent) {
    event.preventDefault();
    const r = await call('oauth:loginFinish', { pendingId: pending.pendingId, pin });
    if (!r.ok) return setError(r.error.message);
    done(true);
  }
  return (
    <form className="subform form" onSubmit={(e) => void submit(e)} aria-label="PIN login">
      <p>
        Open this page in your browser, authorize Keydesk, and enter the PIN it shows:{' '}
        <button
          type="button"
          className="button button--small"
          onClick={() =>
            void copy({ what: 'text', text: pending.authorizeUrl, label: 'the authorize URL' })
          }
        >
          Copy URL
        </button>
      </p>
      <code className="code">{pending.authorizeUrl}</code>
      <Field id="oauth-pin" label="PIN" error={error}>
        <input
          id="oauth-pin"
          value={pin}
          onChange={(e) => setPin(e.target.value)}
          autoComplete="off"
        />
      </Field>
      <FormFooter submitLabel="Finish login" onCancel={() => done(false)} />
    </form>
  );
}

function RequestSigner({ accountId }: { accountId: string }) {
  const [form, setForm] = useState({
    method: 'GET',
    url: 'https://rest.nexmo.com/sms/json',
    params: '',
    signatureMethod: 'HMAC-SHA1' as SignatureMethod,
  });
  const [signed, setSigned] = useState<ChannelOutput<'oauth:sign'> | null>(null);
  const [response, setResponse] = useState<{ status: number; body: string } | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const copy = useCopy();

  function input() {
    const params = form.params
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line): [string, string] => splitNameValue(line) ?? [line, '']);
    return {
      accountId,
      method: form.method,
      url: form.url,
      params,
      signatureMethod: form.signatureMethod,
    };
  }
  async function sign() {
    setResponse(null);
    const r = await call('oauth:sign', input());
    if (!r.ok) return setErrors(fieldErrorsOf(r.error));
    setErrors({});
    setSigned(r.value);
  }
  async function send() {
    const r = await call('oauth:send', input());
    if (!r.ok) return setErrors(fieldErrorsOf(r.error));
    setErrors({});
    setSigned(r.value.signed);
    setResponse({ status: r.value.status, body: r.value.body });
  }

  return (
    <div className="subform" aria-label="Request signer">
      <h3>Sign a request</h3>
      <div className="signer">
        <Field id="sign-method" label="Method" error={errors.method}>
          <select
            id="sign-method"
            value={form.method}
            onChange={(e) => setForm({ ...form, method: e.target.value })}
          >
            {['GET', 'POST', 'PUT', 'DELETE'].map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </Field>
        <Field id="sign-url" label="URL" error={errors.url}>
          <input
            id="sign-url"
            value={form.url}
            onChange={(e) => setForm({ ...form, url: e.target.value })}
          />
        </Field>
        <Field id="sign-sig" label="Signature method" error={errors.signatureMethod}>
          <select
            id="sign-sig"
            value={form.signatureMethod}
            onChange={(e) =>
              setForm({ ...form, signatureMethod: e.target.value as typeof form.signatureMethod })
            }
          >
            {signatureMethods.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </Field>
      </div>
      <Field id="sign-params" label="Parameters (name=value, one per line)" error={errors.params}>
        <textarea
          id="sign-params"
          className="code"
          rows={3}
          value={form.params}
          onChange={(e) => setForm({ ...form, params: e.target.value })}
        />
      </Field>
      {errors._form ? (
        <p className="field__error" role="alert">
          {errors._form}
        </p>
      ) : null}
      <div className="actions">
        <button type="button" className="button button--primary" onClick={() => void sign()}>
          Sign
        </button>
        <button type="button" className="button" onClick={() => void send()}>
          Send test request
        </button>
      </div>
      {signed ? (
        <div data-testid="signed">
          {(
            [
              ['Authorization header', `Authorization: ${signed.authorization}`],
              ['Signature base string', signed.baseString],
              ['curl', signed.curl],
            ] as const
          ).map(([label, text]) => (
            <div key={label}>
              <h4>
                {label}{' '}
                <button
                  type="button"
                  className="button button--small"
                  onClick={() =>
                    void copy({ what: 'text', text, label: `the ${label.toLowerCase()}` })
                  }
                >
                  Copy
                </button>
              </h4>
              <pre className="code">{text}</pre>
            </div>
          ))}
        </div>
      ) : null}
      {response ? (
        <div data-testid="response">
          <h4>Response: HTTP {response.status}</h4>
          <pre className="code">{response.body}</pre>
        </div>
      ) : null}
    </div>
  );
}
