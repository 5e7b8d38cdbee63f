import {
  Children,
  cloneElement,
  createContext,
  isValidElement,
  useContext,
  type ReactElement,
  type ReactNode,
} from 'react';

const formControls = new Set(['input', 'select', 'textarea']);

interface Description {
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

const FieldDescription = createContext<Description>({
  'aria-describedby': undefined,
  'aria-invalid': undefined,
});

/** For the input inside a composite control: its Field's error or hint, and whether it is wrong. */
export const useFieldDescription = () => useContext(FieldDescription);

/**
 * A labelled control with its error (or hint) right under it. Accessible by construction: a lone
 * input, select or textarea gets the id, `aria-describedby` (the error, else the hint) and
 * `aria-invalid` itself, so a screen reader says what is wrong when the control has focus. A
 * composite control (a key input with its file button, lifetime presets with a custom value)
 * takes the same attributes for its own input from useFieldDescription().
 */
export function Field(props: {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  children: ReactNode;
}) {
  const describedBy = props.error
    ? `${props.id}-error`
    : props.hint
      ? `${props.id}-hint`
      : undefined;
  const only = Children.count(props.children) === 1 ? props.children : undefined;
  const control =
    isValidElement(only) && typeof only.type === 'string' && formControls.has(only.type)
      ? (only as ReactElement<Record<string, unknown>>)
      : undefined;
  const description: Description = {
    'aria-describedby': describedBy,
    'aria-invalid': props.error ? true : undefined,
  };
  return (
    <div className={`field${props.error ? ' field--error' : ''}`}>
      <label htmlFor={props.id} id={`${props.id}-label`}>
        {props.label}
      </label>
      {control ? (
        cloneElement(control, { id: props.id, ...description })
      ) : (
        <FieldDescription.Provider value={description}>{props.children}</FieldDescription.Provider>
      )}
      {props.error ? (
        <p className="field__error" id={`${props.id}-error`} role="alert">
          {props.error}
        </p>
      ) : props.hint ? (
        <p className="field__hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
    </div>
  );
}
