import * as z from 'zod';
import type { ChannelSchemas } from './channel-schemas';

/** A team of engineers sharing customers' credentials (issue 32). The `team:` slice (contract.ts). */
export const teamChannels = {
  'team:identity': {
    input: z.strictObject({}),
    output: z.object({
      /** The age recipient to give the team: files sealed to it open with this engineer's identity. */
      recipient: z.string(),
      createdAt: z.string(),
      /** Made by this call (else it was there already). */
      created: z.boolean(),
    }),
  },
} as const satisfies ChannelSchemas;
