import type * as z from 'zod';
import { channelSpecs, prefixOf, type ChannelName, type ChannelPrefix } from './channels';
import type { accountsChannels } from './contract-accounts';
import type { appsChannels } from './contract-apps';
import type { clipboardChannels } from './contract-clipboard';
import type { credentialsChannels } from './contract-credentials';
import type { doctorChannels } from './contract-doctor';
import type { historyChannels } from './contract-history';
import type { importChannels } from './contract-import';
import type { jwtChannels } from './contract-jwt';
import type { keychainChannels } from './contract-keychain';
import type { keysChannels } from './contract-keys';
import type { quickChannels } from './contract-quick';
import type { oauthChannels } from './contract-oauth';
import type { settingsChannels } from './contract-settings';
import type { systemChannels } from './contract-system';
import type { usersChannels } from './contract-users';
import type { secretsChannels } from './contract-secrets';
import type { subaccountsChannels } from './contract-subaccounts';
import type { vonageChannels } from './contract-vonage';
import type { webhooksChannels } from './contract-webhooks';
import type { teamChannels } from './contract-team';

export { prefixOf, type ChannelPrefix };

import type { ChannelSchemas } from './channel-schemas';

export type { ChannelSchemas };

/**
 * The whole IPC surface between renderer and main, one slice per channel prefix
 * (`contract-<prefix>.ts`). Each channel has an input schema (checked in main before anything
 * runs) and an output schema (the renderer's type). Who may call each channel, what it reads or
 * changes, and whether its answer carries a secret (`reveals`: only those may) is in
 * `channels.ts` (zod-free, for the preload); the check below keeps both naming the same channels.
 *
 * Main loads a slice's schemas when one of its channels is first called: building every schema
 * of the contract cost each CLI command ~15 ms of its start, for the one or two it uses.
 */
export type Contract = typeof systemChannels &
  typeof accountsChannels &
  typeof appsChannels &
  typeof keysChannels &
  typeof doctorChannels &
  typeof credentialsChannels &
  typeof vonageChannels &
  typeof usersChannels &
  typeof secretsChannels &
  typeof subaccountsChannels &
  typeof importChannels &
  typeof jwtChannels &
  typeof clipboardChannels &
  typeof oauthChannels &
  typeof webhooksChannels &
  typeof historyChannels &
  typeof settingsChannels &
  typeof keychainChannels &
  typeof quickChannels &
  typeof teamChannels;

export type Channel = keyof Contract;

/** The slices name exactly the channels of channels.ts, no more, no fewer. */
export const contractMatchesChannels: [
  Exclude<ChannelName, Channel> | Exclude<Channel, ChannelName>,
] extends [never]
  ? true
  : never = true;

export const channels = Object.keys(channelSpecs) as Channel[];

/** What a caller passes (before zod defaults/transforms) and what a handler receives (after). */
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(channelSpecs, name);
}

/** Each prefix's slice, loaded on first use (a prefix without one is a compile error). */
const slices: Record<ChannelPrefix, () => Promise<ChannelSchemas>> = {
  system: () => import('./contract-system').then((m) => m.systemChannels),
  accounts: () => import('./contract-accounts').then((m) => m.accountsChannels),
  apps: () => import('./contract-apps').then((m) => m.appsChannels),
  keys: () => import('./contract-keys').then((m) => m.keysChannels),
  team: () => import('./contract-team').then((m) => m.teamChannels),
  doctor: () => import('./contract-doctor').then((m) => m.doctorChannels),
  credentials: () => import('./contract-credentials').then((m) => m.credentialsChannels),
  vonage: () => import('./contract-vonage').then((m) => m.vonageChannels),
  users: () => import('./contract-users').then((m) => m.usersChannels),
  secrets: () => import('./contract-secrets').then((m) => m.secretsChannels),
  subaccounts: () => import('./contract-subaccounts').then((m) => m.subaccountsChannels),
  import: () => import('./contract-import').then((m) => m.importChannels),
  jwt: () => import('./contract-jwt').then((m) => m.jwtChannels),
  clipboard: () => import('./contract-clipboard').then((m) => m.clipboardChannels),
  oauth: () => import('./contract-oauth').then((m) => m.oauthChannels),
  webhooks: () => import('./contract-webhooks').then((m) => m.webhooksChannels),
  history: () => import('./contract-history').then((m) => m.historyChannels),
  settings: () => import('./contract-settings').then((m) => m.settingsChannels),
  keychain: () => import('./contract-keychain').then((m) => m.keychainChannels),
  quick: () => import('./contract-quick').then((m) => m.quickChannels),
};

/** A channel's schemas, its slice loaded on first use. */
export async function schemasOf<C extends Channel>(channel: C): Promise<Contract[C]> {
  const slice = (await slices[prefixOf(channel)]()) as Partial<Contract>;
  const schemas = slice[channel];
  if (!schemas) throw new Error(`The contract has no schemas for "${channel}".`);
  return schemas as Contract[C];
}
