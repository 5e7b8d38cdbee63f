import { Field } from './Field';

/**
 * A new vault file passphrase, typed twice: the unlock screen's create form and the keychain
 * banner's move use the same two fields, hint and autocomplete.
 */
export function NewPassphraseFields(props: {
  idPrefix: string;
  label: string;
  passphrase: string;
  again: string;
  onPassphrase: (value: string) => void;
  onAgain: (value: string) => void;
  /** Beside the passphrase: what main said of it. */
  error?: string | undefined;
  /** Beside the second field: the two differ. */
  mismatch?: string | undefined;
  autoFocus?: boolean;
}) {
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
          value={props.passphrase}
          onChange={(e) => props.onPassphrase(e.target.value)}
          // eslint-disable-next-line jsx-a11y/no-autofocus -- the one thing its screen asks for
          autoFocus={props.autoFocus}
        />
      </Field>
      <Field id={second} label="Passphrase again" error={props.mismatch}>
        <input
          id={second}
          type="password"
          autoComplete="new-password"
          value={props.again}
          onChange={(e) => props.onAgain(e.target.value)}
        />
      </Field>
    </>
  );
}
