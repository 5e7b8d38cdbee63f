import { historyLimits } from '../../shared/history-schemas';
import { historyToCsv } from '../history/history-csv';
import type { Services } from '../services';
import type { HandlersFor } from './handler-types';

/** The audit history: pages, the CSV export (itself audited), the retention prune. */
export function historyHandlers(services: Services): HandlersFor<'history'> {
  const { audit, history } = services;
  return {
    'history:list': ({ limit, cursor, ...filter }) =>
      history.page(filter, limit ?? historyLimits.defaultPage, cursor),
    'history:export': ({ limit, ...filter }) =>
      audit.track(
        { action: 'export', summary: 'Exported the history as CSV' },
        () => historyToCsv(history.all(filter, limit ?? historyLimits.export)),
        ({ rows }) => ({ summary: `Exported ${rows} history event(s) as CSV` }),
      ),
    'history:prune': () => services.pruneHistory(),
  };
}
