import { z } from 'zod';
import {
  accountNameSchema,
  accountSummarySchema,
  apiKeySchema,
  apiSecretSchema,
  signatureMethodSchema,
  signatureSecretSchema,
  applicationIdSchema,
  applicationNameSchema,
  applicationSummarySchema,
  colorLabelSchema,
  keyInfoSchema,
  keySourceSchema,
  limits,
  notesSchema,
  passphraseSchema,
  pemInputSchema,
} from './vault-schemas';
import {
  decodeResultSchema,
  jwtDefaultsSchema,
  mintResultSchema,
  tokenInputSchema,
} from './jwt-schemas';
import {
  historyExportInputSchema,
  historyListInputSchema,
  historyPageSchema,
} from './history-schemas';
import { settingsSchema, settingsUpdateSchema } from './settings-schemas';
import {
  accessTokenSummarySchema,
  baseUrlSchema,
  consumerKeySchema,
  consumerSecretSchema,
  consumerSummarySchema,
  httpUrlSchema,
  oauthLimits,
  signInputSchema,
  signResultSchema,
} from './oauth-schemas';
import {
  importFileInputSchema,
  importInputSchema,
  importPreviewSchema,
  importResultSchema,
} from './import-schemas';
import { doctorReportSchema } from './doctor-schemas';
import {
  webhookSignInputSchema,
  webhookSignOutputSchema,
  webhookVerdictSchema,
  webhookVerifyInputSchema,
} from './webhook-schemas';
import type { ChannelName } from './channels';
import { revealableSecrets } from './secret-kinds';
import { copyInputSchema, mintInputSchema } from './clipboard-schemas';
import {
  addFromDashboardInputSchema,
  checkInputSchema,
  checkResultSchema,
  keyChangeSchema,
  lastCheckSchema,
  rotateKeyInputSchema,
  syncResultSchema,
} from './check-schemas';
import {
  credentialEnvironmentInputSchema,
  credentialEnvironmentOutputSchema,
} from './credential-schemas';

const accountId = z.string().min(1, 'Choose an account.').max(64);
const searchQuery = z.string().max(limits.search).optional();

export const keychainStateSchema = z.object({
  state: z.enum(['ok', 'unavailable', 'locked', 'timeout', 'failed']),
  message: z.string().optional(),
});

/**
 * The whole IPC surface between renderer and main. Each channel has an input schema (checked in main
 * before anything runs) and an output schema (the renderer's type). Secrets travel towards the
 * caller only through the channels marked `reveals`. Who may call each channel is in `channels.ts`
 * (zod-free, for the preload); `satisfies` keeps both lists naming the same channels.
 */
export const contract = {
  'system:status': {
    input: z.strictObject({}),
    output: z.object({
      version: z.string(),
      dataDir: z.string(),
      keychain: keychainStateSchema,
      notices: z.array(z.string()),
    }),
  },
  'accounts:list': {
    input: z.strictObject({ query: searchQuery }),
    output: z.array(accountSummarySchema),
  },
  'accounts:get': {
    input: z.strictObject({ id: accountId }),
    output: accountSummarySchema.extend({ applications: z.array(applicationSummarySchema) }),
  },
  /** An account by its name (any case) or id, as a person types it. */
  'accounts:resolve': {
    input: z.strictObject({ ref: z.string().trim().min(1, 'Name the account.').max(200) }),
    output: accountSummarySchema,
  },
  'accounts:create': {
    input: z.strictObject({
      name: accountNameSchema,
      apiKey: apiKeySchema,
      apiSecret: apiSecretSchema,
      signatureSecret: signatureSecretSchema.optional(),
      signatureMethod: signatureMethodSchema.optional(),
      color: colorLabelSchema.optional(),
      notes: notesSchema.optional(),
    }),
    output: accountSummarySchema,
  },
  'accounts:update': {
    input: z.strictObject({
      id: accountId,
      name: accountNameSchema.optional(),
      apiKey: apiKeySchema.optional(),
      apiSecret: apiSecretSchema.optional(),
      /** null removes the signature secret. */
      signatureSecret: signatureSecretSchema.nullable().optional(),
      signatureMethod: signatureMethodSchema.optional(),
      color: colorLabelSchema.optional(),
      notes: notesSchema.optional(),
    }),
    output: accountSummarySchema,
  },
  'accounts:remove': {
    input: z.strictObject({ id: accountId }),
    output: z.object({ removedApplications: z.number().int() }),
  },
  'accounts:revealSecret': {
    reveals: true,
    input: z.strictObject({ id: accountId, which: z.enum(revealableSecrets) }),
    output: z.object({ value: z.string() }),
  },
  'apps:list': {
    input: z.strictObject({ accountId: accountId.optional(), query: searchQuery }),
    output: z.array(applicationSummarySchema),
  },
  /** Every application's id and names, without keys or defaults: what the palette searches. */
  'apps:index': {
    input: z.strictObject({}),
    output: z.array(
      applicationSummarySchema.pick({ id: true, name: true, accountId: true, accountName: true }),
    ),
  },
  /** An application by its id or its name (which must then be unambiguous). */
  'apps:resolve': {
    input: z.strictObject({
      ref: z.string().trim().min(1, 'Name the application.').max(200),
      /** Only the applications of this account (name or id): two accounts may both have "Voice". */
      account: z.string().trim().min(1, 'Name the account.').max(200).optional(),
    }),
    output: applicationSummarySchema,
  },
  'apps:get': {
    input: z.strictObject({ id: applicationIdSchema }),
    output: applicationSummarySchema,
  },
  'apps:create': {
    input: z.strictObject({
      accountId,
      id: applicationIdSchema,
      name: applicationNameSchema,
      key: keySourceSchema,
      jwtDefaults: jwtDefaultsSchema.optional(),
    }),
    output: applicationSummarySchema,
  },
  'apps:update': {
    input: z.strictObject({
      id: applicationIdSchema,
      name: applicationNameSchema.optional(),
      jwtDefaults: jwtDefaultsSchema.optional(),
    }),
    output: applicationSummarySchema,
  },
  'apps:replaceKey': {
    input: z.strictObject({ id: applicationIdSchema, key: keySourceSchema }),
    output: applicationSummarySchema,
  },
  'apps:remove': {
    input: z.strictObject({ id: applicationIdSchema }),
    output: z.object({ removed: z.literal(true) }),
  },
  'apps:exportPrivateKey': {
    reveals: true,
    input: z.strictObject({ id: applicationIdSchema }),
    output: z.object({ pem: z.string() }),
  },
  /**
   * The credentials of an application (with its account's) or an account as the environment
   * variables a script reads, for `keydesk exec` and `keydesk env`; a fresh JWT for an application.
   */
  'credentials:environment': {
    reveals: true,
    input: credentialEnvironmentInputSchema,
    output: credentialEnvironmentOutputSchema,
  },
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
  'keys:inspect': {
    input: z.strictObject({ pem: pemInputSchema, passphrase: passphraseSchema.optional() }),
    output: keyInfoSchema,
  },
  'import:preview': {
    input: importInputSchema,
    output: importPreviewSchema,
  },
  'import:apply': {
    input: importInputSchema,
    output: importResultSchema,
  },
  /** The CLI's import: main reads the named file, and key paths resolve against its folder. */
  'import:previewFile': {
    input: importFileInputSchema,
    output: importPreviewSchema,
  },
  'import:applyFile': {
    input: importFileInputSchema,
    output: importResultSchema,
  },
  'doctor:run': {
    input: z.strictObject({ fix: z.boolean() }),
    output: doctorReportSchema,
  },
  'jwt:mint': {
    reveals: true,
    input: mintInputSchema,
    output: mintResultSchema,
  },
  'clipboard:copy': {
    input: copyInputSchema,
    output: z.object({
      /** What is on the clipboard now, in words ("JWT for Voice as a curl line"). */
      label: z.string(),
      /** When Keydesk clears it (ISO), or null when the settings say never. */
      clearsAt: z.string().nullable(),
      /** For a JWT: everything about the token except the token itself. */
      mint: mintResultSchema.omit({ token: true }).optional(),
    }),
  },
  'oauth:consumers:list': {
    input: z.strictObject({ accountId: accountId.optional() }),
    output: z.array(consumerSummarySchema),
  },
  'oauth:consumers:create': {
    input: z.strictObject({
      accountId,
      consumerKey: consumerKeySchema,
      consumerSecret: consumerSecretSchema,
      /** Default: the Vonage dashboard's https://dashboard.nexmo.com/oauth/. */
      baseUrl: baseUrlSchema.optional(),
      /** null: out-of-band (PIN). Default: the app's own callback, caught before the network. */
      callbackUrl: httpUrlSchema.nullable().optional(),
    }),
    output: consumerSummarySchema,
  },
  'oauth:consumers:remove': {
    input: z.strictObject({ id: z.string().min(1).max(64) }),
    output: z.object({ removedTokens: z.number().int() }),
  },
  'oauth:tokens:list': {
    input: z.strictObject({ accountId: accountId.optional() }),
    output: z.array(accessTokenSummarySchema),
  },
  'oauth:tokens:forget': {
    input: z.strictObject({ id: z.string().min(1).max(64) }),
    output: accessTokenSummarySchema,
  },
  /** Runs all three legs, the middle one in an authorize window that catches the callback. */
  'oauth:login': {
    input: z.strictObject({
      consumerId: z.string().min(1).max(64),
      label: z.string().trim().max(oauthLimits.label).optional(),
    }),
    output: accessTokenSummarySchema,
  },
  /** Out-of-band: the first leg; the user opens the URL and comes back with a PIN. */
  'oauth:loginStart': {
    input: z.strictObject({ consumerId: z.string().min(1).max(64) }),
    output: z.object({ pendingId: z.string(), authorizeUrl: z.string() }),
  },
  'oauth:loginFinish': {
    input: z.strictObject({
      pendingId: z.string().min(1).max(64),
      pin: z.string().trim().min(1, 'Enter the PIN the provider showed.').max(200),
      label: z.string().trim().max(oauthLimits.label).optional(),
    }),
    output: accessTokenSummarySchema,
  },
  'oauth:sign': {
    input: signInputSchema,
    output: signResultSchema,
  },
  'oauth:send': {
    input: signInputSchema,
    output: z.object({
      signed: signResultSchema,
      status: z.number().int(),
      contentType: z.string(),
      body: z.string(),
    }),
  },
  'jwt:decode': {
    input: z.strictObject({
      token: tokenInputSchema,
      /** Check the signature against this key (PEM) instead of the stored ones. */
      publicKeyPem: z.string().max(65_536, 'A public key is at most 64 KiB.').optional(),
    }),
    output: decodeResultSchema,
  },
  'history:list': {
    input: historyListInputSchema,
    output: historyPageSchema,
  },
  'history:export': {
    input: historyExportInputSchema,
    output: z.object({ csv: z.string(), rows: z.number().int() }),
  },
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
  'history:prune': {
    input: z.strictObject({}),
    output: z.object({ removed: z.number().int(), before: z.string() }),
  },
  'settings:get': {
    input: z.strictObject({}),
    output: settingsSchema,
  },
  'settings:update': {
    input: settingsUpdateSchema,
    output: settingsSchema,
  },
} as const satisfies Record<ChannelName, { input: z.ZodType; output: z.ZodType; reveals?: true }>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const channels = Object.keys(contract) as Channel[];

/** What a caller passes (before zod defaults/transforms) and what a handler receives (after). */
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(contract, name);
}
