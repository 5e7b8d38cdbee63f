import { useState, type FormEvent } from 'react';
import { colorLabels, type ColorLabel } from '../../../shared/color-labels';
import type { AccountSummary } from '../../../shared/vault-schemas';
import { fieldErrorsOf, type FieldErrors } from '../api';
import { Field } from '../components/Field';
import { send } from '../data/channel-data';
import { FormFooter } from '../components/FormFooter';

/**
 * Adds an account, or edits one (`existing`): on edit the secret field may stay empty to keep the
 * stored secret, and only what changed is sent.
 */
export function AccountForm(props: {
  existing?: AccountSummary;
  saved: (account: AccountSummary) => void;
  cancel?: () => void;
}) {
  const { existing } = props;
  const [form, setForm] = useState({
    name: existing?.name ?? '',
    apiKey: existing?.apiKey ?? '',
    apiSecret: '',
    color: existing?.color ?? ('slate' as ColorLabel),
    notes: existing?.notes ?? '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (key: keyof typeof form) => (value: string) =>
    setForm((f) => ({ ...f, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = existing
      ? await send('accounts:update', {
          id: existing.id,
          ...(form.name !== existing.name ? { name: form.name } : {}),
          ...(form.apiKey !== existing.apiKey ? { apiKey: form.apiKey } : {}),
          ...(form.apiSecret ? { apiSecret: form.apiSecret } : {}),
          ...(form.color !== existing.color ? { color: form.color } : {}),
          ...(form.notes !== existing.notes ? { notes: form.notes } : {}),
        })
      : await send('accounts:create', form);
    if (!result.ok) return setErrors(fieldErrorsOf(result.error));
    props.saved(result.value);
  }

  const label = existing ? `Edit ${existing.name}` : 'New account';
  return (
    <form className="card form" onSubmit={(e) => void submit(e)} noValidate aria-label={label}>
      <h1>{existing ? `Edit “${existing.name}”` : 'Add an account'}</h1>
      <Field id="account-name" label="Name" error={errors.name} hint="The customer, e.g. Acme Corp">
        <input
          id="account-name"
          value={form.name}
          onChange={(e) => set('name')(e.target.value)}
          // The form opens because the user asked for it: its first field takes the focus.
          // eslint-disable-next-line jsx-a11y/no-autofocus
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
        hint={
          existing
            ? 'Leave empty to keep the stored secret'
            : 'Stored in the OS keychain, never on disk'
        }
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
      <FormFooter error={errors._form} submitLabel="Save account" onCancel={props.cancel} />
    </form>
  );
}
