import type { z } from 'zod';
import type { ChannelName } from './channels';
import { channelCallers } from './channels';
import type { vaultChannels } from './contract-vault';
import type { tokenChannels } from './contract-tokens';
import type { oauthChannels } from './contract-oauth';
import type { recordChannels } from './contract-records';
import type { vonageChannels } from './contract-vonage';

/** What every channel of a slice carries. */
export type ChannelSchemas = Record<
  string,
  { input: z.ZodType; output: z.ZodType; reveals?: true }
>;

/**
 * The whole IPC surface between renderer and main, in slices (contract-vault.ts, -tokens, -oauth,
 * -records, -vonage). Each channel has an input schema (checked in main before anything runs) and
 * an output schema (the renderer's type). Secrets travel towards the caller only through the
 * channels marked `reveals`. Who may call each channel is in `channels.ts` (zod-free, for the
 * preload); the check below keeps both lists naming the same channels.
 *
 * Main loads a slice's schemas when one of its channels is first called: building every schema
 * of the contract cost each CLI command ~15 ms of its start, for the one or two it uses.
 */
export type Contract = typeof vaultChannels &
  typeof tokenChannels &
  typeof oauthChannels &
  typeof recordChannels &
  typeof vonageChannels;
export type Channel = keyof Contract;

/** The slices name exactly the channels of channels.ts, no more, no fewer. */
export const contractMatchesChannels: [
  Exclude<ChannelName, Channel> | Exclude<Channel, ChannelName>,
] extends [never]
  ? true
  : never = true;

export const channels = Object.keys(channelCallers) as Channel[];

/** What a caller passes (before zod defaults/transforms) and what a handler receives (after). */
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(channelCallers, name);
}

/** The part of a channel's name before the colon (`apps` of `apps:get`): what main loads by. */
export type ChannelPrefix = Channel extends `${infer P}:${string}` ? P : never;
export const prefixOf = (channel: Channel) => channel.split(':')[0] as ChannelPrefix;

const slices = {
  vault: () => import('./contract-vault').then((m) => m.vaultChannels),
  tokens: () => import('./contract-tokens').then((m) => m.tokenChannels),
  oauth: () => import('./contract-oauth').then((m) => m.oauthChannels),
  records: () => import('./contract-records').then((m) => m.recordChannels),
  vonage: () => import('./contract-vonage').then((m) => m.vonageChannels),
};

/** Which slice holds each channel, by the part of its name before the colon. */
const sliceOf = {
  system: 'vault',
  accounts: 'vault',
  apps: 'vault',
  keys: 'vault',
  doctor: 'vault',
  jwt: 'tokens',
  clipboard: 'tokens',
  credentials: 'tokens',
  oauth: 'oauth',
  history: 'records',
  settings: 'records',
  import: 'records',
  vonage: 'vonage',
  webhooks: 'vonage',
} as const satisfies Record<ChannelPrefix, keyof typeof slices>;

/** A channel's schemas, its slice loaded on first use. */
export async function schemasOf<C extends Channel>(channel: C): Promise<Contract[C]> {
  const slice = (await slices[sliceOf[prefixOf(channel)]]()) as Partial<Contract>;
  const schemas = slice[channel];
  if (!schemas) throw new Error(`The contract has no schemas for "${channel}".`);
  return schemas as Contract[C];
}
