import type { RendererChannel } from '../../../shared/api';
import type { ChannelInput, ChannelOutput } from '../../../shared/contract';
import type { Result } from '../../../shared/errors';
import { readTopics, topics, topicsChangedBy, type ReadChannel, type Topic } from './topics';

/**
 * The renderer's reads through the contract, kept per channel and input, without React
 * (channel-data.ts binds it to components): an answer that arrives after a newer request for the
 * same key is dropped, a write invalidates only the reads that hang on what it changed, and the
 * answers of views no longer on screen are capped.
 */
export type Call = <C extends RendererChannel>(
  channel: C,
  input: ChannelInput<C>,
) => Promise<Result<ChannelOutput<C>>>;

export interface Snapshot {
  result: Result<unknown> | undefined;
  loading: boolean;
}

interface Entry extends Snapshot {
  channel: ReadChannel;
  input: unknown;
  topics: readonly Topic[];
  /** Set by an invalidation: shown until the fresh answer arrives, then replaced. */
  stale: boolean;
  /** Numbers the requests; only the latest one's answer is kept. */
  requests: number;
  listeners: Set<() => void>;
}

/** Answers kept for views that are not on screen; beyond this the oldest unwatched go. */
export const keptAnswers = 200;

export const keyOf = (channel: string, input: unknown) => `${channel} ${JSON.stringify(input)}`;

export function createChannelStore(call: Call) {
  const entries = new Map<string, Entry>();

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
  function invalidate(topics: readonly Topic[]) {
    for (const entry of entries.values()) {
      if (!entry.topics.some((topic) => topics.includes(topic))) continue;
      entry.stale = true;
      if (entry.listeners.size > 0) load(entry);
    }
  }

  return {
    /**
     * Keeps `listener` told of this read. The first view to watch an answer shows the kept one at
     * once and asks again: the CLI may have changed the vault meanwhile.
     */
    watch(channel: ReadChannel, input: unknown, listener: () => void): () => void {
      const entry = entryFor(channel, input);
      const firstWatcher = entry.listeners.size === 0;
      entry.listeners.add(listener);
      if ((firstWatcher || entry.result === undefined || entry.stale) && !entry.loading)
        load(entry);
      return () => entry.listeners.delete(listener);
    },
    /** What is known now of this read (nothing before the first watch). */
    read(channel: ReadChannel, input: unknown): Snapshot {
      const entry = entries.get(keyOf(channel, input));
      return { result: entry?.result, loading: entry?.loading ?? false };
    },
    reload: (channel: ReadChannel, input: unknown) => load(entryFor(channel, input)),
    invalidate,
    /** Back from a terminal where `keydesk` changed the vault: what is on screen asks again. */
    invalidateAll: () => invalidate(topics),
    /**
     * Calls a channel that acts (a write, a copy, a reveal) and then invalidates what it changed.
     * A failed call may still have written a failed event to the history.
     */
    async send<C extends RendererChannel>(
      channel: C,
      input: ChannelInput<C>,
    ): Promise<Result<ChannelOutput<C>>> {
      const result = await call(channel, input);
      invalidate(result.ok ? topicsChangedBy(channel) : ['history']);
      return result;
    },
    /** How many answers are kept (for tests of the cap). */
    size: () => entries.size,
  };
}

export type ChannelStore = ReturnType<typeof createChannelStore>;
