/**
 * Every channel of the contract, described once, by the part of its name before the colon (its
 * prefix): who may call it, and for the window what its answer depends on (`reads`) or what it
 * changes (`writes`). Each prefix has its schemas in `contract-<prefix>.ts` and its handlers in
 * `core/handlers/<prefix>-handlers.ts`, loaded by prefix (contract.ts, handler-groups.ts); the
 * renderer's caching is derived from the topics here (renderer/src/data/topics.ts). Zod-free: the
 * sandboxed preload bundles this file and may require nothing but 'electron'.
 *
 * - `renderer`: the app's window only; the CLI has no use for it (the clipboard, the settings
 *   screen).
 * - `cli`: the command line only; a page can never reach it (a private key or a fresh token handed
 *   to the page, the doctor's deletions).
 * - `both`.
 */

/**
 * What a read depends on and what a write changes: the units the renderer invalidates by. The one
 * list of them: all are kept in the database (status reads the keychain too).
 */
export const topics = [
  'accounts',
  'applications',
  'oauth',
  'history',
  'settings',
  'status',
  'checks',
  'users',
  'team',
] as const;
export type Topic = (typeof topics)[number];

/**
 * A window channel says what its answer depends on, or what it changes (every change is in the
 * history). `window: 'quick'` is a channel of the quick copy window alone: main answers it from
 * that window only, and the main window's channels from the main window only.
 */
type WindowSide = { window?: 'quick' };
/**
 * `reveals`: the answer carries a secret (an API secret, a private key, a token, an unlock
 * session). Only these channels' answers may; a unit test holds every other answer of a working
 * session free of the secrets it used (secret-hygiene.test.ts).
 */
type Reveals = { reveals?: true };
type ChannelSpec =
  | ({ caller: 'cli' } & Reveals)
  | ({ caller: 'renderer' | 'both'; reads: readonly Topic[] } & WindowSide & Reveals)
  | ({ caller: 'renderer' | 'both'; writes: readonly Topic[] } & WindowSide & Reveals);

/** What a change of the vault touches: every view but the settings. */
const everything = [
  'accounts',
  'users',
  'applications',
  'oauth',
  'history',
  'status',
  'checks',
  'team',
] as const satisfies readonly Topic[];
/** An account's summary counts its applications and an application's names its account. */
const vaultReads = ['accounts', 'applications'] as const satisfies readonly Topic[];
/** A change that writes its history event and nothing else the window shows. */
const historyOnly = ['history'] as const satisfies readonly Topic[];

export const channelTable = {
  system: {
    'system:status': { caller: 'renderer', reads: ['status', 'settings'] },
  },
  accounts: {
    'accounts:list': { caller: 'both', reads: vaultReads },
    'accounts:get': { caller: 'both', reads: vaultReads },
    'accounts:resolve': { caller: 'cli' },
    'accounts:create': { caller: 'both', writes: everything },
    'accounts:update': { caller: 'both', writes: everything },
    'accounts:remove': { caller: 'both', writes: everything },
    'accounts:revealSecret': { caller: 'both', writes: historyOnly, reveals: true },
  },
  apps: {
    'apps:list': { caller: 'cli' },
    'apps:index': { caller: 'renderer', reads: vaultReads },
    'apps:resolve': { caller: 'cli' },
    'apps:get': { caller: 'both', reads: vaultReads },
    'apps:create': { caller: 'both', writes: everything },
    'apps:update': { caller: 'both', writes: everything },
    'apps:replaceKey': { caller: 'renderer', writes: everything },
    'apps:remove': { caller: 'both', writes: everything },
    'apps:exportPrivateKey': { caller: 'cli', reveals: true },
  },
  keys: {
    'keys:inspect': { caller: 'cli' },
  },
  doctor: {
    'doctor:run': { caller: 'cli' },
  },
  credentials: {
    'credentials:environment': { caller: 'cli', reveals: true },
  },
  vonage: {
    // A check also keeps the dashboard's name and capabilities of each application.
    'vonage:check': { caller: 'both', writes: ['history', 'checks', 'applications'] },
    // The dashboard's names and capabilities kept beside stored applications.
    'vonage:sync': { caller: 'both', writes: ['applications', 'history'] },
    'vonage:lastChecks': { caller: 'renderer', reads: ['checks', 'accounts', 'applications'] },
    'vonage:rotateKey': { caller: 'both', writes: everything },
    'vonage:addApplication': { caller: 'both', writes: everything },
    'vonage:proxy': { caller: 'both', reads: ['settings'] },
    // A new application on Vonage, its key pair made here and stored.
    'vonage:createApplication': { caller: 'both', writes: everything },
  },
  secrets: {
    'secrets:list': { caller: 'both', reads: ['accounts'] },
    // Confirmed by main's own dialog (or the terminal) before anything changes at Vonage.
    'secrets:rotate': { caller: 'both', writes: everything },
    'secrets:revoke': { caller: 'both', writes: everything },
  },
  subaccounts: {
    'subaccounts:list': { caller: 'both', reads: vaultReads },
    'subaccounts:create': { caller: 'both', writes: everything },
    'subaccounts:import': { caller: 'both', writes: everything },
  },
  users: {
    // An application's Client SDK users live on Vonage; the window refreshes them after a change.
    'users:list': { caller: 'both', reads: ['users'] },
    'users:get': { caller: 'cli' },
    'users:add': { caller: 'both', writes: ['users', 'history'] },
    // Deleting on Vonage is confirmed by main's own dialog (or the terminal), never by the page.
    'users:remove': { caller: 'both', writes: ['users', 'history'] },
    'users:checkToken': { caller: 'both', reads: ['users', 'applications'] },
  },
  import: {
    'import:preview': { caller: 'renderer', writes: historyOnly },
    'import:apply': { caller: 'renderer', writes: everything },
    'import:previewFile': { caller: 'cli' },
    'import:applyFile': { caller: 'cli' },
  },
  jwt: {
    'jwt:mint': { caller: 'cli', reveals: true },
    'jwt:decode': { caller: 'both', writes: historyOnly },
  },
  clipboard: {
    'clipboard:copy': { caller: 'renderer', writes: historyOnly },
  },
  oauth: {
    'oauth:consumers:list': { caller: 'both', reads: ['oauth', 'accounts'] },
    'oauth:consumers:create': { caller: 'both', writes: ['oauth', 'history'] },
    'oauth:consumers:remove': { caller: 'both', writes: ['oauth', 'history'] },
    'oauth:tokens:list': { caller: 'both', reads: ['oauth', 'accounts'] },
    'oauth:tokens:forget': { caller: 'both', writes: ['oauth', 'history'] },
    'oauth:login': { caller: 'both', writes: ['oauth', 'history'] },
    'oauth:loginStart': { caller: 'both', writes: historyOnly },
    'oauth:loginFinish': { caller: 'both', writes: ['oauth', 'history'] },
    // A signed Authorization header, as sent: it carries the access token.
    'oauth:sign': { caller: 'both', writes: historyOnly, reveals: true },
    'oauth:send': { caller: 'renderer', writes: historyOnly, reveals: true },
  },
  webhooks: {
    'webhooks:verify': { caller: 'both', writes: historyOnly },
    'webhooks:sign': { caller: 'both', writes: historyOnly },
  },
  history: {
    'history:list': { caller: 'both', reads: ['history'] },
    'history:export': { caller: 'both', writes: historyOnly },
    'history:prune': { caller: 'cli' },
  },
  quick: {
    // The quick copy window's search: every account and application, and the theme.
    'quick:index': { caller: 'renderer', window: 'quick', reads: [...vaultReads, 'settings'] },
    'quick:copy': { caller: 'renderer', window: 'quick', writes: historyOnly },
  },
  keychain: {
    // Unlocking the vault file (or locking it) changes what every screen can show.
    'keychain:unlock': { caller: 'renderer', writes: everything },
    'keychain:lock': { caller: 'renderer', writes: everything },
    'keychain:migrate': { caller: 'cli' },
    // The banner's way out when the OS keychain fails: its secrets moved into a new vault file.
    'keychain:moveToFile': { caller: 'renderer', writes: everything },
    // `keydesk unlock`, `keydesk lock` and a new passphrase: the terminal's, where it is typed.
    'keychain:startSession': { caller: 'cli', reveals: true },
    'keychain:endSessions': { caller: 'cli' },
    'keychain:changePassphrase': { caller: 'cli' },
  },
  team: {
    // This engineer's age identity for team folders: made once, its recipient printed (the CLI).
    'team:identity': { caller: 'cli' },
    // The team folder, its members and what is shared there: git commits, not the vault's rows.
    'team:init': { caller: 'cli' },
    'team:join': { caller: 'cli' },
    'team:members': { caller: 'cli' },
    'team:addMember': { caller: 'cli' },
    'team:share': { caller: 'cli' },
    'team:unshare': { caller: 'cli' },
    // Removal asks first and may rotate through Vonage: the terminal, where --yes is typed.
    'team:removeMember': { caller: 'cli' },
    // The Team view: the folder, its members, the last sync; who changed what; a Sync button.
    'team:status': { caller: 'both', reads: ['team'] },
    'team:log': { caller: 'both', reads: ['team'] },
    'team:sync': { caller: 'both', writes: everything },
  },
  settings: {
    'settings:get': { caller: 'both', reads: ['settings'] },
    'settings:update': { caller: 'both', writes: ['settings', 'history', 'status'] },
  },
} as const satisfies Record<string, Record<string, ChannelSpec>>;

type Table = typeof channelTable;
export type ChannelPrefix = keyof Table;
/** Each channel stands under its own prefix (a compile error names one that does not). */
export const prefixesMatch: [
  { [P in ChannelPrefix]: Exclude<keyof Table[P], `${P}:${string}`> }[ChannelPrefix],
] extends [never]
  ? true
  : never = true;
type Specs = { [P in ChannelPrefix]: Table[P] }[ChannelPrefix];
type UnionToIntersection<U> = (U extends unknown ? (k: U) => void : never) extends (
  k: infer I,
) => void
  ? I
  : never;
/** Every channel with its spec, the prefixes flattened. */
export type ChannelSpecs = UnionToIntersection<Specs>;
export type ChannelName = keyof ChannelSpecs & string;

export const channelSpecs = Object.assign({}, ...Object.values(channelTable)) as ChannelSpecs;

/** Whether a channel's answer may carry a secret (see Reveals above). */
export const revealsSecrets = (channel: ChannelName): boolean =>
  'reveals' in channelSpecs[channel] && channelSpecs[channel].reveals === true;

/** Who may call each channel. */
export type ChannelCallers = { [C in ChannelName]: ChannelSpecs[C]['caller'] };
export type Caller = 'renderer' | 'cli';

/** The channels a caller may use: its own and the shared ones. */
export type ChannelOf<Who extends Caller> = {
  [C in ChannelName]: ChannelCallers[C] extends Who | 'both' ? C : never;
}[ChannelName];

export const channelNames = Object.keys(channelSpecs) as ChannelName[];

export function mayCall(who: Caller, channel: string): boolean {
  if (!Object.hasOwn(channelSpecs, channel)) return false;
  const { caller } = (channelSpecs as Record<string, ChannelSpec>)[channel] as ChannelSpec;
  return caller === who || caller === 'both';
}

function channelsOf<Who extends Caller>(who: Who): ChannelOf<Who>[] {
  return channelNames.filter((name) => mayCall(who, name)) as ChannelOf<Who>[];
}

/** What the preload exposes and what main registers for the app's window. */
export const rendererChannels = channelsOf('renderer');
/** What the command line may call. */
export const cliChannels = channelsOf('cli');

/** Which window main answers a window channel from: the quick copy window's, or the main one. */
export function windowOf(channel: string): 'main' | 'quick' {
  const spec = (channelSpecs as Record<string, ChannelSpec | undefined>)[channel];
  return spec && 'window' in spec && spec.window === 'quick' ? 'quick' : 'main';
}

/** The part of a channel's name before the colon (`apps` of `apps:get`): what main loads by. */
export const prefixOf = (channel: ChannelName) => channel.split(':')[0] as ChannelPrefix;
