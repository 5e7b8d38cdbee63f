import {
  webhookSignInputSchema,
  webhookSignOutputSchema,
  webhookVerdictSchema,
  webhookVerifyInputSchema,
} from './webhook-schemas';
import type { ChannelSchemas } from './channel-schemas';

/** Webhook and `sig` signatures, verified and made. The `webhooks:` slice of the contract (contract.ts). */
export const webhooksChannels = {
  /** Why a webhook's or a signed request's signature verifies or not. */
  'webhooks:verify': {
    input: webhookVerifyInputSchema,
    output: webhookVerdictSchema,
  },
  /** A test webhook or signed parameters, with an account's signature secret. */
  'webhooks:sign': {
    input: webhookSignInputSchema,
    output: webhookSignOutputSchema,
  },
} as const satisfies ChannelSchemas;
