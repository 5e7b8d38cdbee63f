import type { KeydeskEvent } from '../../shared/events';

export interface EventBus {
  emit(event: KeydeskEvent): void;
  /** Answers the unsubscribe. */
  on(listener: (event: KeydeskEvent) => void): () => void;
}

/**
 * The core's events, heard in this process (main forwards some to the window). A listener that
 * throws is its own problem: the change it heard about has happened, and the others still hear it.
 */
export function createEventBus(): EventBus {
  const listeners = new Set<(event: KeydeskEvent) => void>();
  return {
    emit(event) {
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch {
          // See above.
        }
      }
    },
    on(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
