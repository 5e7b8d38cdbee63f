import { rotationSchema, secretListSchema, secretsInputs } from './secret-schemas';
import * as z from 'zod';
import type { ChannelSchemas } from './channel-schemas';

/** An account's API secrets at Vonage. The `secrets:` slice of the contract (contract.ts). */
export const secretsChannels = {
  /** Vonage's secrets of the account (ids and dates; Vonage never returns a value). */
  'secrets:list': { input: secretsInputs.list, output: secretListSchema },
  /**
   * A new secret made here, added at Vonage, proved, stored, then the old one revoked (unless
   * keepOld). Confirmed by the person first: programs using the old secret stop working.
   */
  'secrets:rotate': { input: secretsInputs.rotate, output: rotationSchema },
  /** Revokes one secret at Vonage (never the one Keydesk holds); confirmed first. */
  'secrets:revoke': {
    input: secretsInputs.revoke,
    output: z.object({ message: z.string() }),
  },
} as const satisfies ChannelSchemas;
