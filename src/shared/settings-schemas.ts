import * as z from 'zod';
import { aclPresetNames } from './acl';
import { jwtLimits, ttlSecondsSchema } from './jwt-schemas';
import { isStorableVonageHost } from './network-policy';
import { trimTrailingSlashes } from './trim';

export const themes = ['system', 'light', 'dark'] as const;
const modifier =
  /(?:CommandOrControl|CmdOrCtrl|Command|Cmd|Control|Ctrl|Alt|Option|AltGr|Shift|Super|Meta)/
    .source;
const key =
  /(?:[A-Za-z0-9]|F(?:[1-9]|1\d|2[0-4])|Space|Tab|Enter|Backspace|Delete|Insert|Home|End|PageUp|PageDown|Up|Down|Left|Right|Esc|Escape|Plus|[-=,./;'`[\]\\])/
    .source;
/** Electron's accelerator: one or more modifiers (a bare key would be taken from every program), a key. */
const shortcutPattern = new RegExp(`^(?:off|(?:${modifier}\\+)+${key})$`);

/** `auto`: the OS keychain; `file`: the encrypted vault file (see core/keychain/choose-keychain). */
export const keychainSettings = ['auto', 'file'] as const;
export type KeychainSetting = (typeof keychainSettings)[number];

/**
 * Vonage's own hosts over https, or this machine (the tests' fake Vonage); see
 * isStorableVonageHost for why no other host can be stored.
 */
const vonageHostSchema = z
  .url({ error: 'Give the host as a URL, such as https://api.nexmo.com.' })
  .max(200, 'A host URL is at most 200 characters.')
  .refine((text) => !URL.canParse(text) || isStorableVonageHost(new URL(text)), {
    error:
      "Keydesk sends API secrets only to Vonage's own hosts (https, *.nexmo.com or *.vonage.com) or to this machine (127.0.0.1, localhost). For another host, set KEYDESK_VONAGE_API_HOST or KEYDESK_VONAGE_REST_HOST for one run.",
  })
  .transform(trimTrailingSlashes);

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
  /** Where credential checks ask Vonage: the API host (applications, Voice) and the REST host (balance). */
  vonageApiHost: vonageHostSchema,
  vonageRestHost: vonageHostSchema,
  /** How long Vonage may take to answer one request of a check. */
  vonageTimeoutSeconds: z
    .number()
    .int('The Vonage timeout is a whole number of seconds.')
    .min(1, 'Give Vonage at least 1 second.')
    .max(120, 'Wait for Vonage at most 120 seconds.'),
  /** Where secrets live; changed with `keydesk keychain migrate`, which moves them too. */
  keychain: z.enum(keychainSettings, {
    error: `The keychain is ${keychainSettings.join(' or ')}.`,
  }),
  /**
   * The global shortcut that opens the quick copy window (Electron's accelerator syntax), or
   * "off". CommandOrControl is Cmd on macOS and Ctrl elsewhere.
   */
  quickCopyShortcut: z
    .string()
    .trim()
    .max(60, 'A shortcut is at most 60 characters.')
    .regex(shortcutPattern, {
      error:
        'Give the shortcut as modifiers and a key joined by +, such as CommandOrControl+Shift+Space, or off.',
    }),
  /** Closing the window leaves Keydesk in the tray (or the menu bar), ready for quick copy. */
  keepInTray: z.boolean({ error: 'Keep in tray is on or off (true or false).' }),
  /** The app locks the vault file after this long without use. */
  vaultLockMinutes: z
    .number()
    .int('The lock time is a whole number of minutes.')
    .min(1, 'Lock the vault file after at least 1 minute.')
    .max(1440, 'Lock the vault file after at most 1440 minutes (a day).'),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = {
  clipboardClearSeconds: 30,
  defaultTtlSeconds: jwtLimits.defaultTtlSeconds,
  defaultAclPreset: 'none',
  historyRetentionDays: 365,
  theme: 'system',
  oauthTimeoutSeconds: 15,
  vonageApiHost: 'https://api.nexmo.com',
  vonageRestHost: 'https://rest.nexmo.com',
  vonageTimeoutSeconds: 15,
  keychain: 'auto',
  vaultLockMinutes: 15,
  quickCopyShortcut: 'CommandOrControl+Shift+Space',
  keepInTray: true,
};

/** `keychain` is not among them: `keydesk keychain migrate` changes it, moving the secrets too. */
export const settingsUpdateSchema = settingsSchema.omit({ keychain: true }).partial();
