import { quickCopy } from '../quick/quick-copy';
import type { Services } from '../services';
import type { HandlersOf } from './handler-types';

/** The quick copy window: its search list and its copies (recorded as from quick copy). */
export function quickHandlers(services: Services): HandlersOf<'quick:index' | 'quick:copy'> {
  const { vault, settings } = services;
  return {
    'quick:index': () => ({
      accounts: vault.accounts.list().map(({ id, name, apiKey }) => ({ id, name, apiKey })),
      applications: vault.applications
        .list()
        .map(({ id, name, accountId, accountName }) => ({ id, name, accountId, accountName })),
      theme: settings.read().theme,
    }),
    'quick:copy': ({ what, id }) => quickCopy(services, what, id, 'quick'),
  };
}
