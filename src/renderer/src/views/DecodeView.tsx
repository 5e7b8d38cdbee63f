import { useState, type FormEvent } from 'react';
import type { DecodeResult } from '../../../shared/jwt-schemas';
import type { SubjectCheck } from '../../../shared/user-schemas';
import { Field } from '../components/Field';
import { useAction } from '../components/useAction';

export function DecodeView() {
  const [token, setToken] = useState('');
  const [result, setResult] = useState<DecodeResult | null>(null);
  const [decoded, setDecoded] = useState('');
  // The form has one field: whatever went wrong is told beside the pasted token.
  const { run, fieldErrors } = useAction('jwt:decode', { fieldOf: () => 'token' });
  const error = fieldErrors.token;

  async function decode(event: FormEvent) {
    event.preventDefault();
    setResult((await run({ token })) ?? null);
    setDecoded(token);
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
      {result ? <DecodeReport key={decoded} result={result} token={decoded} /> : null}
    </section>
  );
}

/**
 * Whether the token's sub is a user of its application on Vonage, said first: a sub that names
 * nobody is the first reason a Client SDK login fails. Asked when the person presses the button
 * (a request to Vonage with the application's key), for a stored application only.
 */
function SubjectOnVonage({ token, result }: { token: string; result: DecodeResult }) {
  const [check, setCheck] = useState<SubjectCheck | null>(null);
  const asking = useAction('users:checkToken');
  const sub = result.claims.sub;
  if (typeof sub !== 'string') return null;
  const stored = result.signature.verifiedBy !== undefined;
  if (check) {
    return (
      <p
        className={`verdict ${check.state === 'user' ? 'verdict--ok' : 'verdict--bad'}`}
        role="status"
        data-testid="subject-check"
      >
        {check.message}
      </p>
    );
  }
  return (
    <div className="actions" data-testid="subject-check">
      <button
        type="button"
        className="button"
        disabled={asking.pending}
        onClick={() => void asking.run({ token }).then((answer) => answer && setCheck(answer))}
      >
        {asking.pending ? 'Asking Vonage…' : `Check that "${sub}" is a user on Vonage`}
      </button>
      {stored ? null : (
        <span className="muted">Only for a token of an application stored in Keydesk.</span>
      )}
    </div>
  );
}

function DecodeReport({ result, token }: { result: DecodeResult; token: string }) {
  const { signature } = result;
  return (
    <div className="decode" data-testid="decode-report">
      <SubjectOnVonage token={token} result={result} />
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
