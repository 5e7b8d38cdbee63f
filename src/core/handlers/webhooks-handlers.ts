import type { Services } from '../services';
import type { HandlersFor } from './handler-types';

/**
 * Webhook signatures. The history keeps the verdict and its codes, never the secret, the token
 * or the body.
 */
export function webhooksHandlers(services: Services): HandlersFor<'webhooks'> {
  const { audit, webhooks } = services;
  return {
    'webhooks:verify': (input) =>
      audit.track(
        {
          action: 'webhook-verify',
          summary: `Checked a ${input.scheme === 'sig' ? 'sig-signed request' : 'signed webhook'}`,
        },
        () => webhooks.verify(input),
        (verdict) => ({
          ...(verdict.account
            ? { accountId: verdict.account.id, accountName: verdict.account.name }
            : {}),
          summary: `Checked a ${verdict.scheme === 'sig' ? 'sig-signed request' : 'signed webhook'}: ${verdict.valid ? 'valid' : `not valid (${verdict.reasons.map((r) => r.code).join(', ')})`}`,
        }),
      ),
    'webhooks:sign': (input) =>
      audit.track(
        {
          action: 'webhook-sign',
          summary: `Signed a test ${input.scheme === 'sig' ? 'request (sig)' : 'webhook'}`,
        },
        () => webhooks.sign(input),
        (signed) => ({
          summary:
            signed.scheme === 'sig'
              ? `Signed request parameters with ${signed.method}`
              : `Signed a test webhook${signed.claims.application_id ? ` for application ${String(signed.claims.application_id)}` : ''}`,
        }),
      ),
  };
}
