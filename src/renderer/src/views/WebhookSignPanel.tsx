import { useState, type FormEvent } from 'react';
import type { ChannelInput } from '../../../shared/contract';
import {
  webhookSignatureMethods,
  type WebhookSignatureMethod,
} from '../../../shared/webhook-methods';
import type { WebhookSignOutput } from '../../../shared/webhook-schemas';
import { Field } from '../components/Field';
import { CopyableTexts } from '../components/CopyableTexts';
import { useAction } from '../components/useAction';
import { useChannel } from '../data/channel-data';

const signFields = new Set(['account', 'body', 'application', 'url', 'params', 'method']);
/** A failure about a field the form shows goes beside it; any other above the Sign button. */
const signFieldOf = (field: string | undefined) =>
  field !== undefined && signFields.has(field) ? field : undefined;

/** A signed test webhook or signed parameters, for a customer to point at their own verifier. */
export function WebhookSignPanel() {
  const accounts = (useChannel('accounts:list', {}).data ?? []).filter((a) => a.hasSignatureSecret);
  const apps = useChannel('apps:index', {}).data ?? [];
  const [form, setForm] = useState({
    scheme: 'jwt' as 'jwt' | 'sig',
    account: '',
    body: '{"status":"answered"}',
    application: '',
    url: '',
    params: 'to=447700900001&from=Acme&text=Hello',
    method: '' as WebhookSignatureMethod | '',
  });
  const [signed, setSigned] = useState<WebhookSignOutput | null>(null);
  const signing = useAction('webhooks:sign', { fieldOf: signFieldOf, form: true });
  const set = (key: keyof typeof form) => (value: string) =>
    setForm((f) => ({ ...f, [key]: value }));
  const account = form.account || accounts[0]?.id || '';

  async function sign(event: FormEvent) {
    event.preventDefault();
    const input: ChannelInput<'webhooks:sign'> =
      form.scheme === 'sig'
        ? {
            scheme: 'sig',
            account,
            params: form.params,
            ...(form.method ? { method: form.method } : {}),
          }
        : {
            scheme: 'jwt',
            account,
            body: form.body,
            ...(form.application ? { application: form.application } : {}),
            ...(form.url.trim() ? { url: form.url.trim() } : {}),
          };
    setSigned((await signing.run(input)) ?? null);
  }

  const errorFor = (field: string): string | undefined => signing.fieldErrors[field];
  const outputs: [string, string][] =
    signed?.scheme === 'jwt'
      ? [
          ['Token', signed.token],
          ['Authorization header', signed.authorization],
          ...(signed.curl ? ([['Curl command', signed.curl]] as [string, string][]) : []),
        ]
      : signed
        ? [
            ['Parameters with timestamp and sig', signed.query],
            ['Signed string', signed.signedString],
          ]
        : [];

  if (accounts.length === 0) {
    return (
      <section className="card" aria-label="Sign a test webhook">
        <h2>Sign a test webhook</h2>
        <p className="muted">
          No account has a signature secret yet. Add one with Edit account (the dashboard shows it
          under Settings &gt; API settings).
        </p>
      </section>
    );
  }
  return (
    <section className="card" aria-label="Sign a test webhook">
      <h2>Sign a test webhook</h2>
      <form className="form" onSubmit={(e) => void sign(e)} noValidate aria-label="Sign">
        <div className="field-row">
          <Field id="sign-account" label="Account" error={errorFor('account')}>
            <select
              id="sign-account"
              value={account}
              onChange={(e) => set('account')(e.target.value)}
            >
              {accounts.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name} ({a.signatureMethod})
                </option>
              ))}
            </select>
          </Field>
          <Field id="sign-scheme" label="Kind">
            <select
              id="sign-scheme"
              value={form.scheme}
              onChange={(e) => set('scheme')(e.target.value)}
            >
              <option value="jwt">Signed webhook (Bearer JWT)</option>
              <option value="sig">Signed request parameters (sig)</option>
            </select>
          </Field>
        </div>
        {form.scheme === 'jwt' ? (
          <>
            <Field id="sign-body" label="Body" error={errorFor('body')}>
              <textarea
                id="sign-body"
                className="code"
                rows={4}
                spellCheck={false}
                value={form.body}
                onChange={(e) => set('body')(e.target.value)}
              />
            </Field>
            <div className="field-row">
              <Field
                id="sign-application"
                label="Application (optional)"
                error={errorFor('application')}
              >
                <select
                  id="sign-application"
                  value={form.application}
                  onChange={(e) => set('application')(e.target.value)}
                >
                  <option value="">None</option>
                  {apps
                    .filter((app) => app.accountId === account)
                    .map((app) => (
                      <option key={app.id} value={app.id}>
                        {app.name}
                      </option>
                    ))}
                </select>
              </Field>
              <Field id="sign-url" label="Webhook URL for curl (optional)" error={errorFor('url')}>
                <input
                  id="sign-url"
                  value={form.url}
                  placeholder="https://example.com/webhooks/event"
                  onChange={(e) => set('url')(e.target.value)}
                />
              </Field>
            </div>
          </>
        ) : (
          <div className="field-row">
            <Field
              id="sign-params"
              label="Parameters"
              error={errorFor('params')}
              hint="name=value&…"
            >
              <input
                id="sign-params"
                className="code"
                value={form.params}
                onChange={(e) => set('params')(e.target.value)}
              />
            </Field>
            <Field id="sign-method" label="Method" error={errorFor('method')}>
              <select
                id="sign-method"
                value={form.method}
                onChange={(e) => set('method')(e.target.value)}
              >
                <option value="">The account's</option>
                {webhookSignatureMethods.map((m) => (
                  <option key={m} value={m}>
                    {m}
                  </option>
                ))}
              </select>
            </Field>
          </div>
        )}
        {errorFor('_form') ? (
          <p className="field__error" role="alert">
            {errorFor('_form')}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className="button button--primary">
            Sign
          </button>
        </div>
      </form>
      {outputs.length ? <CopyableTexts testId="webhook-signed" texts={outputs} /> : null}
    </section>
  );
}
