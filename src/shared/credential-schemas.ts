import * as z from 'zod';
import { aclChoiceSchema } from './acl';
import { subSchema, ttlSecondsSchema } from './jwt-schemas';

/** `credentials:environment`: what `keydesk exec` and `keydesk env` ask for, and get. */
export const credentialEnvironmentInputSchema = z.strictObject({
  ref: z.string().trim().min(1, 'Name the application or account.').max(200),
  /** Only this account and its applications (the folder's `account =`). */
  account: z.string().trim().min(1, 'Name the account.').max(200).optional(),
  purpose: z.enum(['exec', 'env']),
  only: z.literal('jwt', { error: '--only takes jwt.' }).optional(),
  secrets: z.boolean().default(true),
  ttlSeconds: ttlSecondsSchema.optional(),
  sub: subSchema.optional(),
  acl: aclChoiceSchema.optional(),
});

export const credentialEnvironmentOutputSchema = z.object({
  kind: z.enum(['application', 'account']),
  accountName: z.string(),
  applicationName: z.string().nullable(),
  variables: z.array(z.tuple([z.string(), z.string()])),
});
