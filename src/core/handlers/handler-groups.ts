import { prefixOf, type Channel, type ChannelPrefix } from '../../shared/contract';
import type { Services } from '../services';
import type { CallContext } from './handler-types';

type Handler = (input: unknown, context: CallContext) => unknown;
type HandlerGroup = (services: Services) => Partial<Record<Channel, Handler>>;

/**
 * Each prefix's handlers (`<prefix>-handlers.ts`, as channels.ts lists the prefixes), loaded when
 * one of its channels is first called: a CLI command runs one or two channels, and evaluating
 * every handler (and the schemas and services code they bring) cost `keydesk jwt` several
 * milliseconds of its start (npm run bench -- cli). A prefix without a file is a compile error.
 */
const groups: Record<ChannelPrefix, () => Promise<HandlerGroup>> = {
  system: () => import('./system-handlers').then((m) => m.systemHandlers as HandlerGroup),
  accounts: () => import('./accounts-handlers').then((m) => m.accountsHandlers as HandlerGroup),
  apps: () => import('./apps-handlers').then((m) => m.appsHandlers as HandlerGroup),
  keys: () => import('./keys-handlers').then((m) => m.keysHandlers as HandlerGroup),
  doctor: () => import('./doctor-handlers').then((m) => m.doctorHandlers as HandlerGroup),
  credentials: () =>
    import('./credentials-handlers').then((m) => m.credentialsHandlers as HandlerGroup),
  vonage: () => import('./vonage-handlers').then((m) => m.vonageHandlers as HandlerGroup),
  users: () => import('./users-handlers').then((m) => m.usersHandlers as HandlerGroup),
  secrets: () => import('./secrets-handlers').then((m) => m.secretsHandlers as HandlerGroup),
  subaccounts: () =>
    import('./subaccounts-handlers').then((m) => m.subaccountsHandlers as HandlerGroup),
  import: () => import('./import-handlers').then((m) => m.importHandlers as HandlerGroup),
  jwt: () => import('./jwt-handlers').then((m) => m.jwtHandlers as HandlerGroup),
  clipboard: () => import('./clipboard-handlers').then((m) => m.clipboardHandlers as HandlerGroup),
  oauth: () => import('./oauth-handlers').then((m) => m.oauthHandlers as HandlerGroup),
  webhooks: () => import('./webhooks-handlers').then((m) => m.webhooksHandlers as HandlerGroup),
  history: () => import('./history-handlers').then((m) => m.historyHandlers as HandlerGroup),
  settings: () => import('./settings-handlers').then((m) => m.settingsHandlers as HandlerGroup),
  keychain: () => import('./keychain-handlers').then((m) => m.keychainHandlers as HandlerGroup),
  quick: () => import('./quick-handlers').then((m) => m.quickHandlers as HandlerGroup),
  team: () => import('./team-handlers').then((m) => m.teamHandlers as HandlerGroup),
};

/** The handler of each channel, its file loaded (once) on the first call. */
export function lazyHandlers(services: Services): (channel: Channel) => Promise<Handler> {
  const loaded = new Map<ChannelPrefix, Promise<Partial<Record<Channel, Handler>>>>();
  return async (channel) => {
    const prefix = prefixOf(channel);
    let handlers = loaded.get(prefix);
    if (!handlers) {
      handlers = groups[prefix]().then((make) => make(services));
      loaded.set(prefix, handlers);
    }
    const handler = (await handlers)[channel];
    if (!handler) throw new Error(`No handler for "${channel}" in ${prefix}-handlers.ts.`);
    return handler;
  };
}

/** Every channel has a handler in its prefix's file (checked by the compiler, loaded by none). */
type Implemented = keyof (ReturnType<typeof import('./system-handlers').systemHandlers> &
  ReturnType<typeof import('./accounts-handlers').accountsHandlers> &
  ReturnType<typeof import('./apps-handlers').appsHandlers> &
  ReturnType<typeof import('./keys-handlers').keysHandlers> &
  ReturnType<typeof import('./doctor-handlers').doctorHandlers> &
  ReturnType<typeof import('./credentials-handlers').credentialsHandlers> &
  ReturnType<typeof import('./vonage-handlers').vonageHandlers> &
  ReturnType<typeof import('./users-handlers').usersHandlers> &
  ReturnType<typeof import('./secrets-handlers').secretsHandlers> &
  ReturnType<typeof import('./subaccounts-handlers').subaccountsHandlers> &
  ReturnType<typeof import('./import-handlers').importHandlers> &
  ReturnType<typeof import('./jwt-handlers').jwtHandlers> &
  ReturnType<typeof import('./clipboard-handlers').clipboardHandlers> &
  ReturnType<typeof import('./oauth-handlers').oauthHandlers> &
  ReturnType<typeof import('./webhooks-handlers').webhooksHandlers> &
  ReturnType<typeof import('./keychain-handlers').keychainHandlers> &
  ReturnType<typeof import('./team-handlers').teamHandlers> &
  ReturnType<typeof import('./quick-handlers').quickHandlers> &
  ReturnType<typeof import('./history-handlers').historyHandlers> &
  ReturnType<typeof import('./settings-handlers').settingsHandlers>);
export const everyChannelHandled: [Exclude<Channel, Implemented>] extends [never] ? true : never =
  true;
