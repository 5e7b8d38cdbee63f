import { useCopy } from './useCopy';

/**
 * The credentials as a script reads them (VONAGE_API_KEY, …, a fresh VONAGE_JWT for an
 * application), copied by main: the secrets never enter the page.
 */
export function CopyEnvironmentButtons(props: {
  reference: { accountId: string } | { applicationId: string };
}) {
  const copy = useCopy();
  return (
    <span className="copy-env">
      <button
        type="button"
        className="button button--small"
        onClick={() => void copy({ what: 'environment', format: 'dotenv', ref: props.reference })}
      >
        Copy as .env
      </button>
      <button
        type="button"
        className="button button--small"
        onClick={() => void copy({ what: 'environment', format: 'shell', ref: props.reference })}
      >
        Copy as shell exports
      </button>
    </span>
  );
}
