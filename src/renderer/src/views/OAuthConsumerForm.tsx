import { useState, type FormEvent } from 'react';
import { defaultCallbackUrl, defaultOAuthBaseUrl } from '../../../shared/oauth-constants';
import { useAction } from '../components/useAction';
import { Field } from '../components/Field';
import { FormFooter } from '../components/FormFooter';

/** A developer app's consumer key and secret, and whether its login uses a callback or a PIN. */
export function ConsumerForm({ accountId, done }: { accountId: string; done: () => void }) {
  const [form, setForm] = useState({
    consumerKey: '',
    consumerSecret: '',
    baseUrl: defaultOAuthBaseUrl,
    oob: false,
  });
  const create = useAction('oauth:consumers:create', { form: true });
  const errors = create.fieldErrors;
  async function submit(event: FormEvent) {
    event.preventDefault();
    const created = await create.run({
      accountId,
      consumerKey: form.consumerKey,
      consumerSecret: form.consumerSecret,
      baseUrl: form.baseUrl,
      callbackUrl: form.oob ? null : defaultCallbackUrl,
    });
    if (created) done();
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
