import { prefixOf, type Channel, type ChannelPrefix } from '../../shared/contract';
import type { Services } from '../services';
import type { CallContext } from './handler-types';

type Handler = (input: unknown, context: CallContext) => unknown;
type HandlerGroup = (services: Services) => Partial<Record<Channel, Handler>>;

/**
 * Each handler file loaded when one of its channels is first called: a CLI command runs one or
 * two channels, and evaluating every handler (and the schemas and services code they bring) cost
 * `keydesk jwt` several milliseconds of its start (npm run bench -- cli).
 */
const groups = {
  vault: () => import('./vault-handlers').then((m) => m.vaultHandlers as HandlerGroup),
  import: () => import('./import-handlers').then((m) => m.importHandlers as HandlerGroup),
  jwt: () => import('./jwt-handlers').then((m) => m.jwtHandlers as HandlerGroup),
  history: () => import('./history-handlers').then((m) => m.historyHandlers as HandlerGroup),
  clipboard: () => import('./clipboard-handlers').then((m) => m.clipboardHandlers as HandlerGroup),
  credential: () =>
    import('./credential-handlers').then((m) => m.credentialHandlers as HandlerGroup),
  oauth: () => import('./oauth-handlers').then((m) => m.oauthHandlers as HandlerGroup),
  webhook: () => import('./webhook-handlers').then((m) => m.webhookHandlers as HandlerGroup),
  check: () => import('./check-handlers').then((m) => m.checkHandlers as HandlerGroup),
};

/** Which file handles each channel, by the channel's prefix. */
const groupOf = {
  system: 'vault',
  accounts: 'vault',
  apps: 'vault',
  keys: 'vault',
  doctor: 'vault',
  import: 'import',
  jwt: 'jwt',
  history: 'history',
  settings: 'history',
  clipboard: 'clipboard',
  credentials: 'credential',
  oauth: 'oauth',
  webhooks: 'webhook',
  vonage: 'check',
} as const satisfies Record<ChannelPrefix, keyof typeof groups>;

/** The handler of each channel, its file loaded (once) on the first call. */
export function lazyHandlers(services: Services): (channel: Channel) => Promise<Handler> {
  const loaded = new Map<keyof typeof groups, Promise<Partial<Record<Channel, Handler>>>>();
  return async (channel) => {
    const group = groupOf[prefixOf(channel)];
    let handlers = loaded.get(group);
    if (!handlers) {
      handlers = groups[group]().then((make) => make(services));
      loaded.set(group, handlers);
    }
    const handler = (await handlers)[channel];
    if (!handler) throw new Error(`No handler for "${channel}" in the ${group} handlers.`);
    return handler;
  };
}

/** Every channel has a handler in one of the files (checked by the compiler, loaded by none). */
type Implemented = keyof (ReturnType<typeof import('./vault-handlers').vaultHandlers> &
  ReturnType<typeof import('./import-handlers').importHandlers> &
  ReturnType<typeof import('./jwt-handlers').jwtHandlers> &
  ReturnType<typeof import('./history-handlers').historyHandlers> &
  ReturnType<typeof import('./clipboard-handlers').clipboardHandlers> &
  ReturnType<typeof import('./credential-handlers').credentialHandlers> &
  ReturnType<typeof import('./oauth-handlers').oauthHandlers> &
  ReturnType<typeof import('./webhook-handlers').webhookHandlers> &
  ReturnType<typeof import('./check-handlers').checkHandlers>);
export const everyChannelHandled: [Exclude<Channel, Implemented>] extends [never] ? true : never =
  true;
