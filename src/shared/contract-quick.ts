import * as z from 'zod';
import type { ChannelSchemas } from './channel-schemas';
import { themes } from './settings-schemas';

const id = z.string().min(1).max(64);

export const quickCopyKinds = ['jwt', 'apiKey', 'basicAuth'] as const;

/**
 * The quick copy window (a global shortcut opens it): one search over every account and
 * application, and the copy itself, done in main. The `quick:` slice of the contract (contract.ts).
 */
export const quickChannels = {
  'quick:index': {
    input: z.strictObject({}),
    output: z.object({
      accounts: z.array(z.object({ id: z.string(), name: z.string(), apiKey: z.string() })),
      applications: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          accountId: z.string(),
          accountName: z.string(),
        }),
      ),
      theme: z.enum(themes),
    }),
  },
  'quick:copy': {
    input: z.strictObject({
      /** A JWT needs an application; the API key and a Basic header take an account or its application. */
      what: z.enum(quickCopyKinds, { error: 'Copy a jwt, an apiKey or a basicAuth header.' }),
      id,
    }),
    output: z.object({
      /** What was copied, for whom and until when: the notification's words. */
      title: z.string(),
      body: z.string(),
    }),
  },
} as const satisfies ChannelSchemas;
