import { useState, type FormEvent } from 'react';
import { useAction } from '../components/useAction';
import { Field } from '../components/Field';
import { FormFooter } from '../components/FormFooter';
import { KeyInput } from '../components/KeyInput';

export function NewApplicationForm(props: {
  accountId: string;
  done: (applicationId?: string) => void;
}) {
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [pem, setPem] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [generate, setGenerate] = useState(false);
  const create = useAction('apps:create', { form: true });
  const errors = create.fieldErrors;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const key = generate
      ? ({ kind: 'generate' } as const)
      : ({ kind: 'pem', pem, ...(passphrase ? { passphrase } : {}) } as const);
    const created = await create.run({ accountId: props.accountId, id, name, key });
    if (created) props.done(created.id);
  }

  return (
    <form
      className="subform form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label="New application"
    >
      <h3>Add an application</h3>
      <Field
        id="app-id"
        label="Application id"
        error={errors.id}
        hint="From the application's page in the dashboard"
      >
        <input
          id="app-id"
          value={id}
          onChange={(e) => setId(e.target.value)}
          placeholder="aaaaaaaa-bbbb-cccc-dddd-0123456789ab"
          // The form opens because the user asked for it: its first field takes the focus.
          // eslint-disable-next-line jsx-a11y/no-autofocus
          autoFocus
        />
      </Field>
      <Field id="app-name" label="Name" error={errors.name}>
        <input id="app-name" value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <label className="checkbox">
        <input type="checkbox" checked={generate} onChange={(e) => setGenerate(e.target.checked)} />{' '}
        Generate a new key pair (then paste its public key into the dashboard)
      </label>
      {generate ? null : (
        <>
          <Field id="app-key" label="Private key" error={errors['key.pem'] ?? errors.key}>
            <KeyInput id="app-key" value={pem} onChange={setPem} />
          </Field>
          <Field
            id="app-passphrase"
            label="Passphrase (only for an encrypted key)"
            error={errors['key.passphrase'] ?? errors.passphrase}
          >
            <input
              id="app-passphrase"
              type="password"
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
            />
          </Field>
        </>
      )}
      <FormFooter
        error={errors._form ?? errors.accountId}
        submitLabel="Save application"
        onCancel={() => props.done()}
      />
    </form>
  );
}
