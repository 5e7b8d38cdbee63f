import { useState } from 'react';
import type { CheckResult } from '../../../shared/check-schemas';
import { send } from '../data/channel-data';

/**
 * "Do these credentials still work?": asks Vonage about one account or application and shows the
 * answer in place, with what to do when it is not OK.
 */
export function CheckWithVonage(props: { id: string; what: 'account' | 'application' }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<CheckResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function check() {
    setBusy(true);
    const r = await send('vonage:check', { refs: [props.id] });
    setBusy(false);
    setResult(r.ok ? (r.value[0] ?? null) : null);
    setError(r.ok ? null : r.error.message);
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
