import { useCallback, useRef, useState, useSyncExternalStore } from 'react';
import type { RendererChannel } from '../../../shared/api';
import type { ChannelInput, ChannelOutput } from '../../../shared/contract';
import type { KeydeskErrorShape, Result } from '../../../shared/errors';
import { call } from '../api';
import { readTopics, topicsChangedBy, type ReadChannel, type Topic } from './topics';

/**
 * The renderer's one way to read through the contract: answers kept per channel and input, an
 * answer that arrives after a newer request for the same key is dropped, and a write invalidates
 * only the reads that hang on what it changed. TanStack Query does the same and more, but costs
 * 9.8 KiB gzipped of the first chunk's 90 KiB budget (measured in the closing note of issue 13);
 * this is under 1 KiB.
 */

interface Entry {
  channel: ReadChannel;
  input: unknown;
  topics: readonly Topic[];
  result: Result<unknown> | undefined;
  /** Set by an invalidation: shown until the fresh answer arrives, then replaced. */
  stale: boolean;
  /** Numbers the requests; only the latest one's answer is kept. */
  requests: number;
  loading: boolean;
  listeners: Set<() => void>;
}

const entries = new Map<string, Entry>();
/** Answers kept for views that are not on screen; beyond this the oldest unwatched go. */
const keptAnswers = 200;

function keyOf(channel: string, input: unknown): string {
  return `${channel} ${JSON.stringify(input)}`;
}

function entryFor(channel: ReadChannel, input: unknown): Entry {
  const key = keyOf(channel, input);
  let entry = entries.get(key);
  if (!entry) {
    entry = {
      channel,
      input,
      topics: readTopics(channel),
      result: undefined,
      stale: false,
      requests: 0,
      loading: false,
      listeners: new Set(),
    };
    entries.set(key, entry);
    forgetUnwatched();
  }
  return entry;
}

function forgetUnwatched() {
  if (entries.size <= keptAnswers) return;
  for (const [key, entry] of entries) {
    if (entries.size <= keptAnswers) break;
    if (entry.listeners.size === 0) entries.delete(key);
  }
}

function notify(entry: Entry) {
  for (const listener of entry.listeners) listener();
}

function load(entry: Entry) {
  const request = ++entry.requests;
  entry.stale = false;
  entry.loading = true;
  notify(entry);
  const settle = (result: Result<unknown>) => {
    if (request !== entry.requests) return;
    entry.result = result;
    entry.loading = false;
    notify(entry);
  };
  call(entry.channel, entry.input as never).then(settle, (error: unknown) =>
    settle({
      ok: false,
      error: { code: 'INTERNAL', message: `Keydesk could not reach its main process: ${error}` },
    }),
  );
}

/** Marks every kept answer that hangs on one of these topics stale and reloads those on screen. */
export function invalidate(topics: readonly Topic[]) {
  for (const entry of entries.values()) {
    if (!entry.topics.some((topic) => topics.includes(topic))) continue;
    entry.stale = true;
    if (entry.listeners.size > 0) load(entry);
  }
}

/** Back from a terminal where `keydesk` changed the vault: what is on screen asks again. */
export function invalidateAll() {
  invalidate(['accounts', 'applications', 'oauth', 'history', 'settings', 'status', 'checks']);
}

/**
 * Calls a channel that acts (a write, a copy, a reveal) and then invalidates what it changed. A
 * failed call may still have written a failed event to the history.
 */
export async function send<C extends RendererChannel>(
  channel: C,
  input: ChannelInput<C>,
): Promise<Result<ChannelOutput<C>>> {
  const result = await call(channel, input);
  invalidate(result.ok ? topicsChangedBy(channel) : ['history']);
  return result;
}

export interface ChannelState<T> {
  /** The answer for this input, or while it loads the previous input's answer (no flicker). */
  data: T | undefined;
  error: KeydeskErrorShape | undefined;
  loading: boolean;
  reload: () => void;
}

interface Snapshot {
  result: Result<unknown> | undefined;
  loading: boolean;
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
      const entry = entryFor(channel, input);
      // The first view to show an answer shows the kept one at once and asks again: the CLI may
      // have changed the vault meanwhile.
      const firstWatcher = entry.listeners.size === 0;
      entry.listeners.add(listener);
      if ((firstWatcher || entry.result === undefined || entry.stale) && !entry.loading)
        load(entry);
      return () => entry.listeners.delete(listener);
    },
    // The key stands for the input: a new object with the same content is the same read.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [channel, key],
  );
  const getSnapshot = useCallback((): Snapshot => {
    const entry = input === null ? undefined : entries.get(keyOf(channel, input));
    const cached = snapshots.current;
    const result = entry?.result;
    const loading = entry?.loading ?? false;
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
    if (input !== null) load(entryFor(channel, input));
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
