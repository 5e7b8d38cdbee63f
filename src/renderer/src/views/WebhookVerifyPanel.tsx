import { useEffect, useRef, useState, type DragEvent, type FormEvent } from 'react';
import type { ChannelInput } from '../../../shared/contract';
import type { WebhookVerdict } from '../../../shared/webhook-schemas';
import { Field } from '../components/Field';
import { useAction } from '../components/useAction';
import { useChannel } from '../data/channel-data';

type Shape = 'request' | 'token' | 'sig';

const shapes: { value: Shape; label: string }[] = [
  { value: 'request', label: 'Raw request (Bearer JWT)' },
  { value: 'token', label: 'Token and body' },
  { value: 'sig', label: 'Parameters with sig (SMS, signed requests)' },
];

const exampleRequest = `POST /webhooks/event HTTP/1.1
Host: example.com
Content-Type: application/json
Authorization: Bearer eyJhbGciOiJIUzI1NiIs…

{"status":"answered","uuid":"…"}`;

/** Paste what the customer received; see whether it verifies and every reason it does not. */
export function WebhookVerifyPanel() {
  const accounts = useChannel('accounts:list', {}).data ?? [];
  const [shape, setShape] = useState<Shape>('request');
  const [form, setForm] = useState({ account: '', request: '', token: '', body: '', params: '' });
  const [verdict, setVerdict] = useState<WebhookVerdict | null>(null);
  // A failure naming no field is about what was pasted: it goes beside the pasted text.
  const verifying = useAction('webhooks:verify', { fieldOf: (field) => field ?? shape });
  const set = (key: keyof typeof form) => (value: string) =>
    setForm((f) => ({ ...f, [key]: value }));

  async function verify(event: FormEvent) {
    event.preventDefault();
    const account = form.account ? { account: form.account } : {};
    const input: ChannelInput<'webhooks:verify'> =
      shape === 'sig'
        ? { scheme: 'sig', params: form.params, ...account }
        : shape === 'token'
          ? { scheme: 'jwt', token: form.token, body: form.body, ...account }
          : { scheme: 'jwt', request: form.request, ...account };
    setVerdict((await verifying.run(input)) ?? null);
  }

  async function dropped(event: DragEvent) {
    event.preventDefault();
    const file = event.dataTransfer.files[0];
    if (file) set('request')(await file.text());
  }

  const errorFor = (field: string): string | undefined => verifying.fieldErrors[field];
  const besideAField = ['request', 'token', 'body', 'params', 'account'];
  const otherError = Object.entries(verifying.fieldErrors).find(
    ([field]) => !besideAField.includes(field),
  )?.[1];
  /** What each pasted text's field needs of the form: its id, value, setter and error. */
  const pasted = (key: 'request' | 'token' | 'body' | 'params') => ({
    id: `webhook-${key}`,
    value: form[key],
    onChange: set(key),
    error: errorFor(key),
  });
  return (
    <section className="card" aria-label="Verify a webhook">
      <h2>Verify a signature</h2>
      <form className="form" onSubmit={(e) => void verify(e)} noValidate aria-label="Verify">
        <div className="segmented" role="radiogroup" aria-label="What you have">
          {shapes.map((s) => (
            <label key={s.value} className={shape === s.value ? 'seg seg--on' : 'seg'}>
              <input
                type="radio"
                name="webhook-shape"
                className="visually-hidden"
                checked={shape === s.value}
                onChange={() => setShape(s.value)}
              />
              {s.label}
            </label>
          ))}
        </div>
        {shape === 'request' ? (
          <PastedText
            {...pasted('request')}
            label="The request as received"
            hint="Request line, headers, a blank line, the body: paste it or drop a file"
            rows={9}
            placeholder={exampleRequest}
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => void dropped(e)}
          />
        ) : null}
        {shape === 'token' ? (
          <>
            <PastedText {...pasted('token')} label="Token (the Authorization header)" rows={3} />
            <PastedText
              {...pasted('body')}
              label="Body, exactly as received"
              hint="Hashed byte for byte: paste the raw body, not a re-formatted one"
              rows={5}
            />
          </>
        ) : null}
        {shape === 'sig' ? (
          <PastedText
            {...pasted('params')}
            label="Parameters with sig"
            hint="The query string or form body: name=value&…&sig=…"
            rows={4}
          />
        ) : null}
        <Field id="webhook-account" label="Account" error={errorFor('account')}>
          <select
            id="webhook-account"
            value={form.account}
            onChange={(e) => set('account')(e.target.value)}
          >
            <option value="">The one the request names (its API key)</option>
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} ({a.apiKey}){a.hasSignatureSecret ? '' : ' — no signature secret'}
              </option>
            ))}
          </select>
        </Field>
        {otherError ? (
          <p className="field__error" role="alert">
            {otherError}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className="button button--primary">
            Verify
          </button>
        </div>
      </form>
      {verdict ? <WebhookVerdictReport verdict={verdict} /> : null}
    </section>
  );
}

function WebhookVerdictReport({ verdict }: { verdict: WebhookVerdict }) {
  const { claims, payloadHash, signedString } = verdict.details;
  const report = useRef<HTMLDivElement>(null);
  // The verdict lands below the pasted request: bring its headline into view.
  useEffect(() => {
    // A block body: Chromium's scroll methods now return a promise, which React would take for
    // the effect's cleanup.
    void report.current?.scrollIntoView({ block: 'nearest' });
  }, [verdict]);
  const scheme =
    verdict.scheme === 'jwt' ? 'signed webhook (HS256)' : `signed request (${verdict.method})`;
  return (
    <div className="decode" data-testid="webhook-verdict" aria-live="polite" ref={report}>
      <p className={verdict.valid ? 'verdict verdict--ok' : 'verdict verdict--bad'}>
        {verdict.valid
          ? `Valid ${scheme}${verdict.account ? ` for “${verdict.account.name}”` : ''}.`
          : `Not valid: ${verdict.reasons.length === 1 ? 'one reason' : `${verdict.reasons.length} reasons`}${verdict.account ? ` (checked against “${verdict.account.name}”)` : ''}.`}
      </p>
      {verdict.reasons.length ? (
        <ul className="diagnostics">
          {verdict.reasons.map((reason) => (
            <li key={reason.code + reason.message} className="diagnostic diagnostic--error">
              <strong>{reason.code}</strong> {reason.message}
            </li>
          ))}
        </ul>
      ) : null}
      <table className="claims">
        <tbody>
          {payloadHash ? (
            <>
              <tr>
                <th scope="row">payload_hash (signed)</th>
                <td>
                  <code>{payloadHash.expected}</code>
                </td>
              </tr>
              <tr>
                <th scope="row">body hashes to</th>
                <td>
                  <code>{payloadHash.computed}</code>
                </td>
              </tr>
            </>
          ) : null}
          {signedString !== undefined ? (
            <tr>
              <th scope="row">signed string</th>
              <td>
                <code>{signedString}</code>
              </td>
            </tr>
          ) : null}
          {Object.entries(claims ?? {}).map(([name, value]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>
                <code>{typeof value === 'string' ? value : JSON.stringify(value)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A pasted text (a request, a token, a body, parameters): a monospace box under its label. */
function PastedText({
  id,
  label,
  hint,
  error,
  onChange,
  ...textarea
}: {
  id: string;
  label: string;
  hint?: string;
  error: string | undefined;
  value: string;
  onChange: (value: string) => void;
  rows: number;
  placeholder?: string;
  onDragOver?: (event: DragEvent) => void;
  onDrop?: (event: DragEvent) => void;
}) {
  return (
    <Field id={id} label={label} error={error} {...(hint ? { hint } : {})}>
      <textarea
        id={id}
        className="code"
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
        {...textarea}
      />
    </Field>
  );
}
