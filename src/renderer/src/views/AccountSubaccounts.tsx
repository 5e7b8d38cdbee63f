import { useState, type FormEvent } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import type { AccountSummary } from '../../../shared/vault-schemas';
import { Field } from '../components/Field';
import { FormFooter } from '../components/FormFooter';
import { useAction } from '../components/useAction';
import { useToast } from '../components/toasts';
import { AskOnRequest } from '../components/AskOnRequest';
import type { Route } from '../route';

/**
 * A primary account's subaccounts at Vonage: balance, suspended or not, which are in Keydesk;
 * Create (stored at once with the secret Vonage returns) and Import (the secret checked with
 * Vonage, or a new one added through the primary, which main confirms first).
 */
export function AccountSubaccounts(props: {
  account: AccountSummary;
  navigate: (route: Route) => void;
}) {
  return (
    <section aria-labelledby="subaccounts-heading" data-testid="subaccounts">
      <h2 id="subaccounts-heading">Subaccounts</h2>
      <AskOnRequest
        channel="subaccounts:list"
        input={{ primary: props.account.id }}
        ask="Show subaccounts"
        waiting="Asking Vonage for the subaccounts…"
      >
        {(answer) => (
          <SubaccountTable account={props.account} answer={answer} navigate={props.navigate} />
        )}
      </AskOnRequest>
    </section>
  );
}

function SubaccountTable(props: {
  account: AccountSummary;
  answer: ChannelOutput<'subaccounts:list'>;
  navigate: (route: Route) => void;
}) {
  const { account, answer } = props;
  const [form, setForm] = useState<{ kind: 'create' } | { kind: 'import'; apiKey: string } | null>(
    null,
  );
  return (
    <>
      {answer.subaccounts.length ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">API key</th>
              <th scope="col">Balance</th>
              <th scope="col">State</th>
              <th scope="col">In Keydesk</th>
            </tr>
          </thead>
          <tbody>
            {answer.subaccounts.map((sub) => (
              <tr key={sub.apiKey}>
                <th scope="row">{sub.name}</th>
                <td>
                  <code>{sub.apiKey}</code>
                </td>
                <td>{sub.sharesBalance ? "Primary's" : (sub.balance?.toFixed(2) ?? '—')}</td>
                <td>
                  {sub.suspended ? (
                    <span className="badge badge--warning">Suspended</span>
                  ) : (
                    'Active'
                  )}
                </td>
                <td>
                  {sub.stored ? (
                    <button
                      type="button"
                      className="link"
                      onClick={() =>
                        props.navigate({ view: 'account', accountId: sub.stored?.id ?? '' })
                      }
                    >
                      {sub.stored.name}
                    </button>
                  ) : (
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={`Import ${sub.name}`}
                      onClick={() => setForm({ kind: 'import', apiKey: sub.apiKey })}
                    >
                      Import
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No subaccounts at Vonage.</p>
      )}
      {answer.totalBalance !== null ? (
        <p className="muted">Total balance with subaccounts: {answer.totalBalance.toFixed(2)}</p>
      ) : null}
      {form?.kind === 'create' ? (
        <CreateSubaccountForm primary={account} done={() => setForm(null)} />
      ) : form?.kind === 'import' ? (
        <ImportSubaccountForm primary={account} apiKey={form.apiKey} done={() => setForm(null)} />
      ) : (
        <div className="actions">
          <button type="button" className="button" onClick={() => setForm({ kind: 'create' })}>
            Create subaccount
          </button>
        </div>
      )}
    </>
  );
}

function CreateSubaccountForm(props: { primary: AccountSummary; done: () => void }) {
  const [name, setName] = useState('');
  const [ownBalance, setOwnBalance] = useState(false);
  const create = useAction('subaccounts:create', { form: true });
  const toast = useToast();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const stored = await create.run({
      primary: props.primary.id,
      name,
      ...(ownBalance ? { ownBalance } : {}),
    });
    if (!stored) return;
    toast(stored.message);
    props.done();
  }

  return (
    <form
      className="subform form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label="Create subaccount"
    >
      <h3>Create a subaccount at Vonage</h3>
      <Field id="sub-name" label="Name" error={create.fieldErrors.name}>
        <input
          id="sub-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          // The form opens because the person asked for it.
          // eslint-disable-next-line jsx-a11y/no-autofocus
          autoFocus
        />
      </Field>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={ownBalance}
          onChange={(e) => setOwnBalance(e.target.checked)}
        />{' '}
        Its own balance (otherwise it uses the primary&apos;s)
      </label>
      <FormFooter
        error={create.fieldErrors._form}
        submitLabel={create.pending ? 'Creating…' : 'Create and store'}
        onCancel={props.done}
      />
    </form>
  );
}

function ImportSubaccountForm(props: {
  primary: AccountSummary;
  apiKey: string;
  done: () => void;
}) {
  const [secret, setSecret] = useState('');
  const [newSecret, setNewSecret] = useState(false);
  const importing = useAction('subaccounts:import', { form: true });
  const toast = useToast();
  const errors = importing.fieldErrors;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const stored = await importing.run({
      primary: props.primary.id,
      apiKey: props.apiKey,
      ...(newSecret ? { newSecret: true } : { secret }),
    });
    if (!stored) return;
    toast(stored.message);
    props.done();
  }

  return (
    <form
      className="subform form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label="Import subaccount"
    >
      <h3>Import subaccount {props.apiKey}</h3>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={newSecret}
          onChange={(e) => setNewSecret(e.target.checked)}
        />{' '}
        Add a new secret through &quot;{props.primary.name}&quot; (Keydesk makes it; its other
        secret keeps working)
      </label>
      {newSecret ? null : (
        <Field
          id="sub-secret"
          label="Its API secret"
          error={errors.secret}
          hint="Checked with Vonage before it is stored"
        >
          <input
            id="sub-secret"
            type="password"
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
          />
        </Field>
      )}
      <FormFooter
        error={errors._form ?? errors.apiKey ?? errors.name}
        submitLabel={importing.pending ? 'Importing…' : 'Import'}
        onCancel={props.done}
      />
    </form>
  );
}
