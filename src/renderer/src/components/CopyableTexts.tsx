import { useCopy } from './useCopy';

/**
 * Texts to copy, each under its label with a Copy button (a header, a curl command, a signed
 * string): copied through main, which clears the clipboard later.
 */
export function CopyableTexts(props: {
  texts: readonly (readonly [label: string, text: string])[];
  testId: string;
}) {
  const copy = useCopy();
  return (
    <div data-testid={props.testId}>
      {props.texts.map(([label, text]) => (
        <div key={label}>
          <h4>
            {label}{' '}
            <button
              type="button"
              className="button button--small"
              onClick={() => void copy({ what: 'text', text, label: `the ${label.toLowerCase()}` })}
            >
              Copy
            </button>
          </h4>
          <pre className="code">{text}</pre>
        </div>
      ))}
    </div>
  );
}
