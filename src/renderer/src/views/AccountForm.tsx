import { useState, type FormEvent } from 'react';
import { colorLabels, type ColorLabel } from '../../../shared/color-labels';
import type { AccountSummary } from '../../../shared/vault-schemas';
import {
  defaultWebhookSignatureMethod,
  webhookSignatureMethods,
  type WebhookSignatureMethod,
} from '../../../shared/webhook-methods';
import { useAction } from '../components/useAction';
import { useChannel } from '../data/channel-data';
import { Field } from '../components/Field';
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
    signatureSecret: '',
    removeSignatureSecret: false,
    signatureMethod: existing?.signatureMethod ?? defaultWebhookSignatureMethod,
  });
  const update = useAction('accounts:update', { form: true });
  const create = useAction('accounts:create', { form: true });
  const errors = existing ? update.fieldErrors : create.fieldErrors;
  // Where the secret goes, said truly: the vault file is a file on disk too.
  const onFile = useChannel('system:status', {}).data?.keychain.backend === 'file';
  const set = (key: keyof typeof form) => (value: string | boolean) =>
    setForm((f) => ({ ...f, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const saved = existing
      ? await update.run({
          id: existing.id,
          ...(form.name !== existing.name ? { name: form.name } : {}),
          ...(form.apiKey !== existing.apiKey ? { apiKey: form.apiKey } : {}),
          ...(form.apiSecret ? { apiSecret: form.apiSecret } : {}),
          ...(form.color !== existing.color ? { color: form.color } : {}),
          ...(form.notes !== existing.notes ? { notes: form.notes } : {}),
          ...(form.removeSignatureSecret
            ? { signatureSecret: null }
            : form.signatureSecret
              ? { signatureSecret: form.signatureSecret }
              : {}),
          ...(form.signatureMethod !== existing.signatureMethod
            ? { signatureMethod: form.signatureMethod }
            : {}),
        })
      : await create.run({
          name: form.name,
          apiKey: form.apiKey,
          apiSecret: form.apiSecret,
          color: form.color,
          notes: form.notes,
          signatureMethod: form.signatureMethod,
          ...(form.signatureSecret ? { signatureSecret: form.signatureSecret } : {}),
        });
    if (saved) props.saved(saved);
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
            : onFile
              ? "Stored in the encrypted vault file, never in Keydesk's database"
              : "Stored in the OS keychain, never in Keydesk's database"
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
      <div className="field-row">
        <Field
          id="account-signature-secret"
          label="Signature secret (optional)"
          error={errors.signatureSecret}
          hint={
            existing?.hasSignatureSecret
              ? 'Leave empty to keep the stored one'
              : 'Signs webhooks and sig parameters; the dashboard shows it under API settings'
          }
        >
          <input
            id="account-signature-secret"
            type="password"
            value={form.signatureSecret}
            disabled={form.removeSignatureSecret}
            onChange={(e) => set('signatureSecret')(e.target.value)}
            autoComplete="off"
          />
        </Field>
        <Field
          id="account-signature-method"
          label="Signature method"
          error={errors.signatureMethod}
          hint="As set in the dashboard"
        >
          <select
            id="account-signature-method"
            value={form.signatureMethod}
            onChange={(e) => set('signatureMethod')(e.target.value as WebhookSignatureMethod)}
          >
            {webhookSignatureMethods.map((m) => (
              <option key={m} value={m}>
                {m === 'md5hash' ? 'md5hash (MD5 hash, the default)' : `${m} (HMAC)`}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {existing?.hasSignatureSecret ? (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={form.removeSignatureSecret}
            onChange={(e) => set('removeSignatureSecret')(e.target.checked)}
          />{' '}
          Remove the stored signature secret
        </label>
      ) : null}
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
