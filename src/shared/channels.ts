/**
 * Every channel of the contract and who may call it, without zod: the sandboxed preload bundles this
 * file and may require nothing but 'electron'. `contract.ts` holds the schemas for the same names
 * (a type check there keeps the two lists equal).
 *
 * - `renderer`: the app's window only; the CLI has no use for it (the clipboard, the settings screen).
 * - `cli`: the command line only; a page can never reach it (a private key or a fresh token handed
 *   to the page, the doctor's deletions).
 * - `both`.
 */
export const channelCallers = {
  'system:status': 'renderer',
  'accounts:list': 'both',
  'accounts:get': 'both',
  'accounts:resolve': 'cli',
  'accounts:create': 'both',
  'accounts:update': 'both',
  'accounts:remove': 'both',
  'accounts:revealSecret': 'both',
  'apps:list': 'cli',
  'apps:index': 'renderer',
  'apps:resolve': 'cli',
  'apps:get': 'both',
  'apps:create': 'both',
  'apps:update': 'both',
  'apps:replaceKey': 'renderer',
  'apps:remove': 'both',
  'apps:exportPrivateKey': 'cli',
  'credentials:environment': 'cli',
  'vonage:check': 'both',
  'vonage:sync': 'both',
  'vonage:lastChecks': 'renderer',
  'vonage:rotateKey': 'both',
  'vonage:addApplication': 'both',
  'vonage:proxy': 'both',
  'keys:inspect': 'cli',
  'import:preview': 'renderer',
  'import:apply': 'renderer',
  'import:previewFile': 'cli',
  'import:applyFile': 'cli',
  'doctor:run': 'cli',
  'jwt:mint': 'cli',
  'clipboard:copy': 'renderer',
  'oauth:consumers:list': 'both',
  'oauth:consumers:create': 'both',
  'oauth:consumers:remove': 'both',
  'oauth:tokens:list': 'both',
  'oauth:tokens:forget': 'both',
  'oauth:login': 'both',
  'oauth:loginStart': 'both',
  'oauth:loginFinish': 'both',
  'oauth:sign': 'both',
  'oauth:send': 'renderer',
  'jwt:decode': 'both',
  'webhooks:verify': 'both',
  'webhooks:sign': 'both',
  'history:list': 'both',
  'history:export': 'both',
  'history:prune': 'cli',
  'settings:get': 'both',
  'settings:update': 'both',
} as const satisfies Record<string, 'renderer' | 'cli' | 'both'>;

export type ChannelCallers = typeof channelCallers;
export type ChannelName = keyof ChannelCallers;
export type Caller = 'renderer' | 'cli';

/** The channels a caller may use: its own and the shared ones. */
export type ChannelOf<Who extends Caller> = {
  [C in ChannelName]: ChannelCallers[C] extends Who | 'both' ? C : never;
}[ChannelName];

export const channelNames = Object.keys(channelCallers) as ChannelName[];

function channelsOf<Who extends Caller>(who: Who): ChannelOf<Who>[] {
  return channelNames.filter((name) => {
    const caller: string = channelCallers[name];
    return caller === who || caller === 'both';
  }) as ChannelOf<Who>[];
}

/** What the preload exposes and what main registers for the app's window. */
export const rendererChannels = channelsOf('renderer');
/** What the command line may call. */
export const cliChannels = channelsOf('cli');

export function mayCall(who: Caller, channel: string): boolean {
  if (!Object.hasOwn(channelCallers, channel)) return false;
  const caller: string = channelCallers[channel as ChannelName];
  return caller === who || caller === 'both';
}
