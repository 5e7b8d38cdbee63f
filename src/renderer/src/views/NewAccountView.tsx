import { useState, type FormEvent } from 'react';
import { colorLabels, type ColorLabel } from '../../../shared/color-labels';
import { call, fieldErrorsOf, type FieldErrors } from '../api';
import { Field } from '../components/Field';
import type { Route } from '../route';

export function NewAccountView(props: { navigate: (route: Route) => void; changed: () => void }) {
  const [form, setForm] = useState({
    name: '',
    apiKey: '',
    apiSecret: '',
    color: 'slate' as ColorLabel,
    notes: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (key: keyof typeof form) => (value: string) =>
    setForm((f) => ({ ...f, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await call('accounts:create', form);
    if (!result.ok) return setErrors(fieldErrorsOf(result.error));
    props.changed();
    props.navigate({ view: 'account', accountId: result.value.id });
  }

  return (
    <form
      className="card form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label="New account"
    >
      <h1>Add an account</h1>
      <Field id="account-name" label="Name" error={errors.name} hint="The customer, e.g. Acme Corp">
        <input
          id="account-name"
          value={form.name}
          onChange={(e) => set('name')(e.target.value)}
          autoFocus
        />
      </Field>
      <Field id="account-api-key" label="API key" error={errors.apiKey}>
        <input
          id="account-api-key"
          value={form.apiKey}
          onChange={(e) => set('apiKey')(e.target.value)}
          autoComplete="off"
        />
      </Field>
      <Field
        id="account-api-secret"
        label="API secret"
        error={errors.apiSecret}
        hint="Stored in the OS keychain, never on disk"
      >
        <input
          id="account-api-secret"
          type="password"
          value={form.apiSecret}
          onChange={(e) => set('apiSecret')(e.target.value)}
          autoComplete="off"
        />
      </Field>
      <Field id="account-color" label="Colour label" error={errors.color}>
        <select
          id="account-color"
          value={form.color}
          onChange={(e) => set('color')(e.target.value)}
        >
          {colorLabels.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </Field>
      <Field id="account-notes" label="Notes" error={errors.notes}>
        <textarea
          id="account-notes"
          rows={3}
          value={form.notes}
          onChange={(e) => set('notes')(e.target.value)}
        />
      </Field>
      {errors._form ? (
        <p className="field__error" role="alert">
          {errors._form}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="button button--primary">
          Save account
        </button>
      </div>
    </form>
  );
}
