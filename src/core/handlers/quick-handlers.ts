import { quickCopy } from '../quick/quick-copy';
import { applicationIndex } from '../vault/application-index';
import type { Services } from '../services';
import type { HandlersFor } from './handler-types';

/** The quick copy window: its search list and its copies (recorded as from quick copy). */
export function quickHandlers(services: Services): HandlersFor<'quick'> {
  const { vault, settings } = services;
  return {
    'quick:index': () => ({
      accounts: vault.accounts.list().map(({ id, name, apiKey }) => ({ id, name, apiKey })),
      applications: applicationIndex(vault),
      theme: settings.read().theme,
    }),
    'quick:copy': ({ what, id }, { source }) => quickCopy(services, what, id, source ?? 'quick'),
  };
}
