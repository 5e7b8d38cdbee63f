import type { Topic } from '../../shared/channels';
import type { WindowEvent } from '../../shared/events';

/**
 * The window's events with the `changed` ones merged: a check of everything appends a history
 * event per item, and the window would refetch the history as often. Changes within `delayMs` go
 * as one event naming every topic they touched; the others (progress) go at once.
 */
export function coalesceChanges(send: (event: WindowEvent) => void, delayMs = 100) {
  let pending: Set<Topic> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const topics = pending;
    pending = undefined;
    if (topics) send({ name: 'changed', topics: [...topics] });
  };
  return {
    push(event: WindowEvent): void {
      if (event.name !== 'changed') return send(event);
      pending ??= new Set();
      for (const topic of event.topics) pending.add(topic);
      timer ??= setTimeout(flush, delayMs);
    },
    /** What is pending goes now (the window is closing, or a test asks). */
    flush,
  };
}
