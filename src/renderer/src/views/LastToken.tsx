import { tokenFormats } from '../../../shared/presets';
import { Countdown } from '../components/Countdown';
import { TokenTimes } from '../components/TokenTimes';
import { useCopy } from '../components/useCopy';
import type { LastMint } from './ApplicationTokens';

/** The last token minted here: its times, its claims, and copies of it in other forms. */
export function LastToken(props: { applicationId: string; last: LastMint }) {
  const { last } = props;
  const copy = useCopy();
  return (
    <section className="last-token" aria-label="Last token">
      <h2>
        Last token <Countdown exp={last.exp} />
      </h2>
      <div className="actions">
        {tokenFormats.map((format) => (
          <button
            key={format}
            type="button"
            className="button button--small"
            onClick={() =>
              void copy({ what: 'lastJwt', applicationId: props.applicationId, format })
            }
          >
            {
              {
                raw: 'Copy token',
                bearer: 'Copy Bearer header',
                curl: 'Copy curl',
                export: 'Copy export',
              }[format]
            }
          </button>
        ))}
      </div>
      <TokenTimes claims={last.claims} />
      <pre className="code" data-testid="last-claims">
        {JSON.stringify({ header: last.header, claims: last.claims }, null, 2)}
      </pre>
    </section>
  );
}
