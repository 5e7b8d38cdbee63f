import type { Services } from '../services';
import type { HandlersFor } from './handler-types';

/** The settings the app and the CLI share; a change is audited. */
export function settingsHandlers(services: Services): HandlersFor<'settings'> {
  const { audit, settings } = services;
  return {
    'settings:get': () => settings.read(),
    'settings:update': (patch) =>
      audit.track(
        {
          action: 'update',
          summary: `Changed settings: ${Object.keys(patch).join(', ') || 'nothing'}`,
        },
        () => settings.update(patch),
      ),
  };
}
