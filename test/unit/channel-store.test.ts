import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/shared/errors';
import {
  createChannelStore,
  keptAnswers,
  type Call,
} from '../../src/renderer/src/data/channel-store';

/**
 * The renderer's read cache (channel-store.ts) with a stand-in for main: each call waits until the
 * test answers it, so the order of answers is the test's to choose.
 */
function fakeMain() {
  const calls: { channel: string; input: unknown; answer: (value: unknown) => void }[] = [];
  const call: Call = (channel, input) =>
    new Promise((resolve) => {
      calls.push({
        channel,
        input,
        answer: (value) => resolve({ ok: true, value } as Result<never>),
      });
    });
  return { call, calls };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the renderer read cache', () => {
  it('keeps the latest answer: one that arrives after a newer request is dropped', async () => {
    const main = fakeMain();
    const store = createChannelStore(main.call);
    let told = 0;
    store.watch('accounts:list', {}, () => (told += 1));
    store.reload('accounts:list', {});
    expect(main.calls).toHaveLength(2);
    main.calls[1]?.answer('new');
    await settle();
    main.calls[0]?.answer('old');
    await settle();
    expect(store.read('accounts:list', {})).toEqual({
      result: { ok: true, value: 'new' },
      loading: false,
    });
    expect(told).toBeGreaterThan(0);
  });

  it('asks again what is on screen when a topic it reads changes, and nothing else', async () => {
    const main = fakeMain();
    const store = createChannelStore(main.call);
    store.watch('accounts:list', {}, () => undefined);
    store.watch('settings:get', {}, () => undefined);
    for (const pending of main.calls.splice(0)) pending.answer([]);
    await settle();

    store.invalidate(['oauth']);
    expect(main.calls).toEqual([]);
    store.invalidate(['applications']);
    expect(main.calls.map((c) => c.channel)).toEqual(['accounts:list']);
  });

  it('marks an answer off screen stale, and asks again when a view shows it', async () => {
    const main = fakeMain();
    const store = createChannelStore(main.call);
    const stop = store.watch('history:list', { limit: 5 }, () => undefined);
    main.calls.splice(0)[0]?.answer('page');
    await settle();
    stop();
    store.invalidate(['history']);
    expect(main.calls).toEqual([]);
    store.watch('history:list', { limit: 5 }, () => undefined);
    expect(main.calls.map((c) => c.channel)).toEqual(['history:list']);
  });

  it('invalidates what a write changes, and only the history when it fails', async () => {
    const calls: string[] = [];
    let failing = false;
    const call: Call = async (channel) => {
      calls.push(channel);
      return (
        failing
          ? { ok: false, error: { code: 'VALIDATION', message: 'no' } }
          : { ok: true, value: [] }
      ) as Result<never>;
    };
    const store = createChannelStore(call);
    store.watch('accounts:list', {}, () => undefined);
    store.watch('history:list', {}, () => undefined);
    await settle();
    calls.length = 0;
    await store.send('accounts:create', { name: 'A', apiKey: 'abcd1234', apiSecret: 's' });
    await settle();
    expect(calls.sort()).toEqual(['accounts:create', 'accounts:list', 'history:list']);
    calls.length = 0;
    failing = true;
    await store.send('accounts:create', { name: 'A', apiKey: 'abcd1234', apiSecret: 's' });
    await settle();
    expect(calls.sort()).toEqual(['accounts:create', 'history:list']);
  });

  it(`keeps at most ${keptAnswers} answers of views off screen, never one on screen`, async () => {
    const main = fakeMain();
    const store = createChannelStore(main.call);
    store.watch('accounts:list', { query: 'on screen' }, () => undefined);
    for (let i = 0; i < keptAnswers + 50; i += 1) {
      const stop = store.watch('accounts:list', { query: `q${i}` }, () => undefined);
      stop();
    }
    expect(store.size()).toBe(keptAnswers);
    expect(store.read('accounts:list', { query: 'on screen' }).loading).toBe(true);
    expect(store.read('accounts:list', { query: `q${keptAnswers + 49}` }).loading).toBe(true);
  });
});
