import type { Services } from '../services';
import type { HandlersOf } from './handler-types';

/** The settings the app and the CLI share; a change is audited. */
export function settingsHandlers(services: Services): HandlersOf<`settings:${'get' | 'update'}`> {
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
