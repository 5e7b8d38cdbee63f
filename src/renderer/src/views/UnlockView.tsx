import type { FormEvent } from 'react';
import { Field } from '../components/Field';
import { NewPassphraseFields, useNewPassphrase } from '../components/NewPassphraseFields';
import { useAction } from '../components/useAction';

/**
 * The whole window while the vault file is locked: its passphrase opens it (or, the first time,
 * two matching ones create it). Nothing else shows until then; main holds no key meanwhile.
 */
export function UnlockView(props: {
  vaultFile: { path: string; exists: boolean; instead?: boolean | undefined };
}) {
  const { path, exists, instead } = props.vaultFile;
  // Opening takes the first field alone; creating, both (they must agree).
  const entry = useNewPassphrase();
  // Every failure (a wrong passphrase, a file that cannot be read) is told beside the passphrase.
  const unlock = useAction('keychain:unlock', { fieldOf: () => 'passphrase' });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!exists && !entry.agree()) return;
    if (await unlock.run({ passphrase: entry.passphrase })) entry.clear();
  }

  return (
    <main className="unlock" id="content">
      <form className="card form" onSubmit={(e) => void submit(e)} noValidate aria-label="Unlock">
        <h1>{exists ? 'Unlock the vault file' : 'Create the vault file'}</h1>
        <p className="muted">
          {exists
            ? 'Keydesk keeps the secrets in an encrypted file on this machine. Its passphrase opens it; Keydesk locks it again after a while unused.'
            : `${instead ? 'No OS keychain answers on this machine (no D-Bus session or Secret Service), so Keydesk keeps the secrets in a file encrypted with a passphrase instead.' : 'Keydesk is set to keep the secrets in a file encrypted with a passphrase instead of the OS keychain.'} Choose one you will remember: without it the secrets cannot be read, by anyone.`}
        </p>
        <p className="muted">
          <code>{path}</code>
        </p>
        {exists ? (
          <Field id="unlock-passphrase" label="Passphrase" error={unlock.fieldErrors.passphrase}>
            <input
              id="unlock-passphrase"
              type="password"
              autoComplete="current-password"
              value={entry.passphrase}
              onChange={(e) => entry.setPassphrase(e.target.value)}
              // eslint-disable-next-line jsx-a11y/no-autofocus -- the one thing this screen asks for
              autoFocus
            />
          </Field>
        ) : (
          <NewPassphraseFields
            idPrefix="unlock"
            label="Passphrase"
            entry={entry}
            error={unlock.fieldErrors.passphrase}
            // eslint-disable-next-line jsx-a11y/no-autofocus -- the one thing this screen asks for
            autoFocus
          />
        )}
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={unlock.pending}>
            {unlock.pending ? 'Opening…' : exists ? 'Unlock' : 'Create and unlock'}
          </button>
        </div>
      </form>
    </main>
  );
}
