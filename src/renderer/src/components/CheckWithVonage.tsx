import { useState } from 'react';
import type { CheckResult } from '../../../shared/check-schemas';
import { noFields, useAction } from './useAction';

/**
 * "Do these credentials still work?": asks Vonage about one account or application and shows the
 * answer in place, with what to do when it is not OK.
 */
export function CheckWithVonage(props: { id: string; what: 'account' | 'application' }) {
  const [result, setResult] = useState<CheckResult | null>(null);
  // The failure shows in place, under the button that asked.
  const {
    run,
    pending: busy,
    fieldErrors,
  } = useAction('vonage:check', { fieldOf: noFields, form: true });
  const error = fieldErrors._form;

  async function check() {
    setResult((await run({ refs: [props.id] }))?.[0] ?? null);
  }

  return (
    <div className="check" data-testid={`check-${props.what}`}>
      <button
        type="button"
        className="button button--small"
        disabled={busy}
        onClick={() => void check()}
      >
        {busy ? 'Asking Vonage…' : 'Check with Vonage'}
      </button>
      {result ? (
        <p className={result.ok ? 'verdict verdict--ok' : 'verdict verdict--bad'} role="status">
          <strong>{result.code}</strong> {result.message}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
