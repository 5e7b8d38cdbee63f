import { useState } from 'react';
import { Field } from './Field';

/** A new passphrase typed twice: its two values, and whether they agree (said when they do not). */
export function useNewPassphrase() {
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [mismatch, setMismatch] = useState<string>();
  return {
    passphrase,
    again,
    mismatch,
    setPassphrase,
    setAgain,
    /** Whether the two are the same; when not, says so beside the second field. */
    agree(): boolean {
      const differs = passphrase !== again;
      setMismatch(differs ? 'The two passphrases differ.' : undefined);
      return !differs;
    },
    clear() {
      setPassphrase('');
      setAgain('');
    },
  };
}

/**
 * A new vault file passphrase, typed twice: the unlock screen's create form and the keychain
 * banner's move use the same two fields, hint and autocomplete.
 */
export function NewPassphraseFields(props: {
  idPrefix: string;
  label: string;
  entry: ReturnType<typeof useNewPassphrase>;
  /** Beside the passphrase: what main said of it. */
  error?: string | undefined;
  autoFocus?: boolean;
}) {
  const { entry } = props;
  const first = `${props.idPrefix}-passphrase`;
  const second = `${props.idPrefix}-again`;
  return (
    <>
      <Field
        id={first}
        label={props.label}
        error={props.error}
        hint="At least 8 characters; four or five random words are better"
      >
        <input
          id={first}
          type="password"
          autoComplete="new-password"
          value={entry.passphrase}
          onChange={(e) => entry.setPassphrase(e.target.value)}
          // eslint-disable-next-line jsx-a11y/no-autofocus -- the one thing its screen asks for
          autoFocus={props.autoFocus}
        />
      </Field>
      <Field id={second} label="Passphrase again" error={entry.mismatch}>
        <input
          id={second}
          type="password"
          autoComplete="new-password"
          value={entry.again}
          onChange={(e) => entry.setAgain(e.target.value)}
        />
      </Field>
    </>
  );
}
