/** The end of every form: the error that belongs to no single field, then Save and Cancel. */
export function FormFooter(props: { error?: string; submitLabel: string; onCancel?: () => void }) {
  return (
    <>
      {props.error ? (
        <p className="field__error" role="alert">
          {props.error}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="button button--primary">
          {props.submitLabel}
        </button>
        {props.onCancel ? (
          <button type="button" className="button" onClick={props.onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </>
  );
}
