import type { FormEvent } from 'react';
import { NewPassphraseFields, useNewPassphrase } from './NewPassphraseFields';
import { useAction } from './useAction';
import { useToast } from './toasts';

/**
 * The keychain banner's way out: what the failing OS keychain holds moved into a new vault file
 * (encrypted with a passphrase chosen here), which Keydesk uses from then on. When the OS keychain
 * cannot be read at all, nothing moves and the form says so.
 */
export function MoveToFileForm(props: { onCancel: () => void }) {
  const entry = useNewPassphrase();
  const move = useAction('keychain:moveToFile', { fieldOf: () => 'passphrase' });
  const toast = useToast();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!entry.agree()) return;
    const moved = await move.run({ passphrase: entry.passphrase });
    if (moved)
      toast(
        `Moved ${moved.moved} secret${moved.moved === 1 ? '' : 's'} into ${moved.where}; Keydesk keeps them there from now on.`,
        'ok',
      );
  }

  return (
    <form
      className="banner__form form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label="Keep secrets in an encrypted file"
    >
      <p>
        Keydesk moves every secret the OS keychain holds for this vault into a file in the data
        folder, encrypted with this passphrase, checks each, and only then removes them from the OS
        keychain. Without the passphrase the file cannot be read, by anyone.
      </p>
      <NewPassphraseFields
        idPrefix="move"
        label="Passphrase for the vault file"
        entry={entry}
        error={move.fieldErrors.passphrase}
      />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={move.pending}>
          {move.pending ? 'Moving…' : 'Move the secrets into the file'}
        </button>
        <button type="button" className="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
