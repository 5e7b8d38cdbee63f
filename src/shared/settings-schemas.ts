import { z } from 'zod';
import { aclPresetNames } from './acl';
import { jwtLimits, ttlSecondsSchema } from './jwt-schemas';

export const themes = ['system', 'light', 'dark'] as const;

/** Preferences shared by the desktop app and the CLI (they live in the vault database). */
export const settingsSchema = z.strictObject({
  /** Seconds until a copied secret or token is cleared from the clipboard; null keeps it. */
  clipboardClearSeconds: z
    .number()
    .int('The clipboard time is a whole number of seconds.')
    .min(5, 'Clear the clipboard after at least 5 seconds (or never).')
    .max(3600, 'Clear the clipboard after at most an hour (or never).')
    .nullable(),
  defaultTtlSeconds: ttlSecondsSchema,
  defaultAclPreset: z.enum(aclPresetNames, {
    error: `The ACL presets are ${aclPresetNames.join(' and ')}.`,
  }),
  historyRetentionDays: z
    .number()
    .int('Retention is a whole number of days.')
    .min(1, 'Keep history for at least 1 day.')
    .max(3650, 'Keep history for at most 3650 days (10 years).'),
  theme: z.enum(themes, { error: `The themes are ${themes.join(', ')}.` }),
  /** How long an OAuth provider may take to answer one request. */
  oauthTimeoutSeconds: z
    .number()
    .int('The OAuth timeout is a whole number of seconds.')
    .min(1, 'Give the OAuth provider at least 1 second.')
    .max(120, 'Wait for the OAuth provider at most 120 seconds.'),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = {
  clipboardClearSeconds: 30,
  defaultTtlSeconds: jwtLimits.defaultTtlSeconds,
  defaultAclPreset: 'none',
  historyRetentionDays: 365,
  theme: 'system',
  oauthTimeoutSeconds: 15,
};

export const settingsUpdateSchema = settingsSchema.partial();
