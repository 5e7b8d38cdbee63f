import { formatRelative } from '../../../shared/durations';
import { useNow } from './useNow';

const timeClaims = [
  ['iat', 'Issued'],
  ['nbf', 'Valid from'],
  ['exp', 'Expires'],
] as const;

const localTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** A token's iat, nbf and exp as local times and "in 14 min", ticking, beside the raw numbers. */
export function TokenTimes({ claims }: { claims: Record<string, unknown> }) {
  const now = useNow();
  const rows = timeClaims.flatMap(([claim, label]) => {
    const value = claims[claim];
    return typeof value === 'number' ? [{ claim, label, value }] : [];
  });
  return (
    <table className="claims token-times" data-testid="token-times">
      <tbody>
        {rows.map(({ claim, label, value }) => (
          <tr key={claim}>
            <th scope="row">
              {label} <code className="muted">{claim}</code>
            </th>
            <td>
              <time dateTime={new Date(value * 1000).toISOString()}>
                {localTime.format(value * 1000)}
              </time>{' '}
              <strong>{formatRelative(value, Math.floor(now))}</strong>{' '}
              <code className="muted">{value}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
