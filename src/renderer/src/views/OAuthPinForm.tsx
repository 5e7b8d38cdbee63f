import { useState, type FormEvent } from 'react';
import { Field } from '../components/Field';
import { FormFooter } from '../components/FormFooter';
import { useCopy } from '../components/useCopy';
import { useAction } from '../components/useAction';

/** The out-of-band login's second half: the PIN the authorize page showed in the browser. */
export function PinForm({
  pending,
  done,
}: {
  pending: { pendingId: string; authorizeUrl: string };
  done: (ok: boolean) => void;
}) {
  const [pin, setPin] = useState('');
  // Whatever went wrong (a wrong PIN, an expired login) is told beside the one field there is.
  const { run, fieldErrors } = useAction('oauth:loginFinish', { fieldOf: () => 'pin' });
  const copy = useCopy();
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await run({ pendingId: pending.pendingId, pin })) done(true);
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
      <Field id="oauth-pin" label="PIN" error={fieldErrors.pin}>
        <input
          id="oauth-pin"
          value={pin}
          onChange={(e) => setPin(e.target.value)}
          autoComplete="off"
        />
      </Field>
      <FormFooter
        error={fieldErrors._form}
        submitLabel="Finish login"
        onCancel={() => done(false)}
      />
    </form>
  );
}
