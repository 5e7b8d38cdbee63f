import * as z from 'zod';
import {
  addFromDashboardInputSchema,
  checkInputSchema,
  checkResultSchema,
  keyChangeSchema,
  lastCheckSchema,
  proxyInUseSchema,
  rotateKeyInputSchema,
  syncResultSchema,
} from './check-schemas';
import type { ChannelSchemas } from './channel-schemas';
import { createApplicationInputSchema, createdApplicationSchema } from './user-schemas';

/** What Keydesk asks Vonage: checks, sync, key changes, the route to its hosts. The `vonage:` slice of the contract (contract.ts). */
export const vonageChannels = {
  /** Ask Vonage whether stored credentials still work (and keys still match). */
  'vonage:check': {
    input: checkInputSchema,
    output: z.array(checkResultSchema),
  },
  /** An account's applications in the dashboard against the vault (stored, missing, deleted). */
  'vonage:sync': {
    input: z.strictObject({ account: z.string().trim().min(1, 'Name the account.').max(200) }),
    output: syncResultSchema,
  },
  /** Each account's and application's last check (the sidebar's marks). */
  'vonage:lastChecks': {
    input: z.strictObject({}),
    output: z.array(lastCheckSchema),
  },
  /**
   * A new key pair for the application: stored, its public half written to the dashboard, then
   * used. Confirmed by the user first (the dashboard's previous key stops working).
   */
  'vonage:rotateKey': {
    input: rotateKeyInputSchema,
    output: keyChangeSchema,
  },
  /** A dashboard application Keydesk lacks, added with a new key pair uploaded the same way. */
  'vonage:addApplication': {
    input: addFromDashboardInputSchema,
    output: keyChangeSchema,
  },
  /**
   * A new application on Vonage: its key pair made here, only the public half sent, the private
   * key stored with it.
   */
  'vonage:createApplication': {
    input: createApplicationInputSchema,
    output: createdApplicationSchema,
  },
  /** Whether the Vonage hosts are reached directly or through a proxy (the settings show it). */
  'vonage:proxy': {
    input: z.strictObject({}),
    output: z.array(proxyInUseSchema),
  },
} as const satisfies ChannelSchemas;
