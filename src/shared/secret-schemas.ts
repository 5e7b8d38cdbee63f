import * as z from 'zod';
import {
  accountNameSchema,
  accountSummarySchema,
  apiKeySchema,
  apiSecretSchema,
} from './vault-schemas';

/**
 * An account's API secrets at Vonage (rotation, revocation) and a primary account's subaccounts.
 * Zod schemas for the `secrets:` and `subaccounts:` slices of the contract.
 */

const accountRef = z.string().trim().min(1, 'Name the account.').max(200);

export const vonageSecretSchema = z.object({ id: z.string(), createdAt: z.string() });
export type VonageSecret = z.infer<typeof vonageSecretSchema>;

export const secretListSchema = z.object({
  account: accountSummarySchema,
  /** Each secret Vonage holds; `held` marks the one Keydesk holds, when it knows (it made it). */
  secrets: z.array(vonageSecretSchema.extend({ held: z.boolean() })),
  /** Whether Keydesk knows which of them it holds. */
  heldKnown: z.boolean(),
});

export const rotationSchema = z.object({
  account: accountSummarySchema,
  newSecret: vonageSecretSchema,
  /** The secret revoked after the new one was stored (none with keepOld, or when it failed). */
  revoked: vonageSecretSchema.optional(),
  /** The old secret still works: kept on purpose, or its revocation failed (then the CLI exits 1). */
  oldStillWorks: z.boolean(),
  revokeFailed: z.boolean(),
  message: z.string(),
});

export const secretsInputs = {
  list: z.strictObject({ account: accountRef }),
  rotate: z.strictObject({ account: accountRef, keepOld: z.boolean().optional() }),
  revoke: z.strictObject({
    account: accountRef,
    id: z
      .string()
      .trim()
      .min(1, 'Name the secret by its id (keydesk accounts secrets lists them).')
      .max(100),
  }),
};

export const subaccountSchema = z.object({
  apiKey: z.string(),
  name: z.string(),
  sharesBalance: z.boolean(),
  suspended: z.boolean(),
  balance: z.number().nullable(),
  createdAt: z.string(),
});
export type Subaccount = z.infer<typeof subaccountSchema>;

export const subaccountListSchema = z.object({
  primary: accountSummarySchema,
  totalBalance: z.number().nullable(),
  /** Each subaccount, with the vault's account when it is stored. */
  subaccounts: z.array(
    subaccountSchema.extend({
      stored: z.object({ id: z.string(), name: z.string() }).optional(),
    }),
  ),
});

export const subaccountsInputs = {
  list: z.strictObject({ primary: accountRef }),
  create: z.strictObject({
    primary: accountRef,
    name: accountNameSchema.refine(
      (name) => name.length <= 80,
      'Vonage keeps a subaccount name to 80 characters.',
    ),
    /** Its own balance instead of the primary's (Vonage's default is the primary's). */
    ownBalance: z.boolean().optional(),
  }),
  import: z
    .strictObject({
      primary: accountRef,
      apiKey: apiKeySchema,
      /** The vault's name for it; Vonage's name when left out. */
      name: accountNameSchema.optional(),
      /** Its secret as the person has it: checked with Vonage before it is stored. */
      secret: apiSecretSchema.optional(),
      /** Or a new secret added to it through the primary's credentials (asks first). */
      newSecret: z.boolean().optional(),
    })
    .refine((input) => (input.secret !== undefined) !== (input.newSecret === true), {
      message: "Give the subaccount's secret, or ask for a new one (not both).",
      path: ['secret'],
    }),
};

export const subaccountStoredSchema = z.object({
  account: accountSummarySchema,
  subaccount: subaccountSchema,
  message: z.string(),
});
