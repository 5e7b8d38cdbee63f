import { useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import { signatureMethods, type SignatureMethod } from '../../../shared/oauth-constants';
import { splitNameValue } from '../../../shared/presets';
import { useAction } from '../components/useAction';
import { Field } from '../components/Field';
import { CopyableTexts } from '../components/CopyableTexts';

/** Signs a request with a stored access token; shows the header, base string and curl; sends it. */
export function RequestSigner({ accountId }: { accountId: string }) {
  const [form, setForm] = useState({
    method: 'GET',
    url: 'https://rest.nexmo.com/sms/json',
    params: '',
    signatureMethod: 'HMAC-SHA1' as SignatureMethod,
  });
  const [signed, setSigned] = useState<ChannelOutput<'oauth:sign'> | null>(null);
  const [response, setResponse] = useState<{ status: number; body: string } | null>(null);
  const signing = useAction('oauth:sign', { form: true });
  const sending = useAction('oauth:send', { form: true });
  // The errors of whichever ran last.
  const [last, setLast] = useState<'sign' | 'send'>('sign');
  const errors = last === 'sign' ? signing.fieldErrors : sending.fieldErrors;

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
    setLast('sign');
    const value = await signing.run(input());
    if (value) setSigned(value);
  }
  async function sendRequest() {
    setLast('send');
    const value = await sending.run(input());
    if (!value) return;
    setSigned(value.signed);
    setResponse({ status: value.status, body: value.body });
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
        <button type="button" className="button" onClick={() => void sendRequest()}>
          Send test request
        </button>
      </div>
      {signed ? (
        <CopyableTexts
          testId="signed"
          texts={[
            ['Authorization header', `Authorization: ${signed.authorization}`],
            ['Signature base string', signed.baseString],
            ['curl', signed.curl],
          ]}
        />
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
