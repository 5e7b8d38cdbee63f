import { useState, type FormEvent } from 'react';
import type { DecodeResult } from '../../../shared/jwt-schemas';
import { Field } from '../components/Field';
import { useAction } from '../components/useAction';

export function DecodeView() {
  const [token, setToken] = useState('');
  const [result, setResult] = useState<DecodeResult | null>(null);
  // The form has one field: whatever went wrong is told beside the pasted token.
  const { run, fieldErrors } = useAction('jwt:decode', { fieldOf: () => 'token' });
  const error = fieldErrors.token;

  async function decode(event: FormEvent) {
    event.preventDefault();
    setResult((await run({ token })) ?? null);
  }

  return (
    <section className="card">
      <h1>Decode a token</h1>
      <form className="form" onSubmit={(e) => void decode(e)} noValidate aria-label="Decode">
        <Field
          id="decode-token"
          label="JWT"
          error={error}
          hint="Paste a token, or a whole Authorization: Bearer header"
        >
          <textarea
            id="decode-token"
            className="code"
            rows={5}
            value={token}
            onChange={(e) => setToken(e.target.value)}
            spellCheck={false}
          />
        </Field>
        <div className="actions">
          <button type="submit" className="button button--primary">
            Decode
          </button>
        </div>
      </form>
      {result ? <DecodeReport result={result} /> : null}
    </section>
  );
}

function DecodeReport({ result }: { result: DecodeResult }) {
  const { signature } = result;
  return (
    <div className="decode" data-testid="decode-report">
      <p className={signature.verifiedBy ? 'verdict verdict--ok' : 'verdict verdict--bad'}>
        {signature.verifiedBy
          ? `Signed with the key of “${signature.verifiedBy.name}” (account ${signature.verifiedBy.accountName}).`
          : signature.checkedKeys === 0
            ? 'No stored key to check the signature against.'
            : `Signature not verified by any of the ${signature.checkedKeys === 1 ? 'stored key' : `${signature.checkedKeys} stored keys`}.`}
      </p>
      {result.diagnostics.length ? (
        <ul className="diagnostics">
          {result.diagnostics.map((d, i) => (
            <li key={i} className={`diagnostic diagnostic--${d.severity}`}>
              <strong>{d.severity}</strong> {d.message}
            </li>
          ))}
        </ul>
      ) : (
        <p className="verdict verdict--ok">No problems found.</p>
      )}
      <table className="claims">
        <tbody>
          {Object.entries(result.claims).map(([name, value]) => {
            const time = result.times[name as keyof DecodeResult['times']];
            return (
              <tr key={name}>
                <th scope="row">{name}</th>
                <td>
                  <code>{typeof value === 'string' ? value : JSON.stringify(value)}</code>
                  {time ? (
                    <span className="muted">
                      {' '}
                      {time.iso} ({time.relative})
                    </span>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <pre className="code">{JSON.stringify(result.header)}</pre>
    </div>
  );
}
