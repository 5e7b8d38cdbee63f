import * as z from 'zod';
import { secretKindNames, secretOwners } from './secret-kinds';
import { pendingOperations } from './vault-schemas';

export const doctorReportSchema = z.object({
  /** Keychain entries of this vault that no account or application refers to. */
  orphanSecrets: z.array(z.object({ ref: z.string(), description: z.string() })),
  /** Accounts or applications whose secret is missing from the keychain. */
  missingSecrets: z.array(
    z.object({
      kind: z.enum(secretOwners),
      id: z.string(),
      name: z.string(),
      secret: z.enum(secretKindNames),
    }),
  ),
  /**
   * Applications whose new key was on its way to Vonage when Keydesk stopped (a rotation, or an
   * add with upload); --fix asks Vonage which key it has and finishes or undoes the change.
   */
  pendingKeys: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      operation: z.enum(pendingOperations),
      since: z.string(),
    }),
  ),
  /**
   * Accounts whose new API secret was on its way to Vonage when Keydesk stopped (a secret
   * rotation); --fix asks Vonage which secret works and keeps that one.
   */
  pendingSecrets: z.array(z.object({ id: z.string(), name: z.string(), since: z.string() })),
  /** What --fix did, one sentence each; empty when only reporting. */
  repairs: z.array(z.string()),
  /** Problems --fix deliberately left for a person to decide. */
  needsAttention: z.array(z.string()),
  /**
   * Entries under the same keychain service that belong to other Keydesk vaults (another data
   * folder), or to no vault (an earlier Keydesk): reported, never touched.
   */
  otherVaults: z.array(z.object({ vaultId: z.string().nullable(), entries: z.number().int() })),
  /** Where the secrets live, said for a person: the OS keychain, or the vault file and its path. */
  keychain: z.string(),
});
export type DoctorReport = z.infer<typeof doctorReportSchema>;
