import { useCallback, useRef, useState, useSyncExternalStore } from 'react';
import type { ChannelInput, ChannelOutput } from '../../../shared/contract';
import type { KeydeskErrorShape } from '../../../shared/errors';
import { call } from '../api';
import { createChannelStore, keyOf, type Snapshot } from './channel-store';
import type { ReadChannel } from './topics';

/**
 * The renderer's one way to read through the contract: answers kept per channel and input, an
 * answer that arrives after a newer request for the same key is dropped, and a write invalidates
 * only the reads that hang on what it changed. TanStack Query does the same and more, but costs
 * 9.8 KiB gzipped of the first chunk's 90 KiB budget (measured in the closing note of issue 13);
 * this is under 1 KiB.
 */

const store = createChannelStore(call);

export const { invalidate, invalidateAll } = store;

// Main says what changed that this window did not change itself (the CLI's writes, noticed when
// the window gets the focus back; the vault file's idle lock; the quick window's copies).
window.api.on((event) => {
  if (event.name === 'changed') invalidate(event.topics);
});
export const send = store.send;

export interface ChannelState<T> {
  /** The answer for this input, or while it loads the previous input's answer (no flicker). */
  data: T | undefined;
  error: KeydeskErrorShape | undefined;
  loading: boolean;
  reload: () => void;
}

/** Reads a channel for this input (null: not now) and keeps the component up to date with it. */
export function useChannel<C extends ReadChannel>(
  channel: C,
  input: ChannelInput<C> | null,
): ChannelState<ChannelOutput<C>> {
  const key = input === null ? null : keyOf(channel, input);
  const snapshots = useRef<{ key: string | null; snapshot: Snapshot }>({
    key: null,
    snapshot: { result: undefined, loading: false },
  });
  // While a new input loads, the previous input's answer stays on screen (a search as you type).
  const [previous, setPrevious] = useState<unknown>(undefined);

  const subscribe = useCallback(
    (listener: () => void) => {
      if (input === null) return () => undefined;
      return store.watch(channel, input, listener);
    },
    // The key stands for the input: a new object with the same content is the same read.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [channel, key],
  );
  const getSnapshot = useCallback((): Snapshot => {
    const { result, loading } =
      input === null ? { result: undefined, loading: false } : store.read(channel, input);
    const cached = snapshots.current;
    if (
      cached.key === key &&
      cached.snapshot.result === result &&
      cached.snapshot.loading === loading
    )
      return cached.snapshot;
    snapshots.current = { key, snapshot: { result, loading } };
    return snapshots.current.snapshot;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [channel, key]);

  const { result, loading } = useSyncExternalStore(subscribe, getSnapshot);
  const reload = useCallback(() => {
    if (input !== null) store.reload(channel, input);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [channel, key]);

  if (result?.ok && result.value !== previous) setPrevious(result.value);
  return {
    data: (input === null
      ? undefined
      : result === undefined
        ? previous
        : result.ok
          ? result.value
          : undefined) as ChannelOutput<C> | undefined,
    error: result && !result.ok ? result.error : undefined,
    loading: loading || (input !== null && result === undefined),
    reload,
  };
}
