import { describe, expect, it } from 'vitest';
import { createClipboardGuard } from '../../src/core/clipboard/clipboard-guard';
import { createMemoryClipboard } from '../../src/core/clipboard/clipboard-port';

/** Timers the test fires by hand, so no test waits on a clock. */
function manualTimers() {
  const pending = new Map<number, () => void>();
  let next = 1;
  return {
    pending,
    setTimeout: (callback: () => void) => {
      pending.set(next, callback);
      return next++;
    },
    clearTimeout: (handle: unknown) => pending.delete(handle as number),
    /** Fires every pending timer, then lets the clears they start finish. */
    async fireAll() {
      for (const [handle, callback] of [...pending]) {
        pending.delete(handle);
        callback();
      }
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

const now = () => new Date('2026-11-22T10:00:00Z');

describe('clipboard guard', () => {
  it('clears what it copied after the configured time and says when', async () => {
    const port = createMemoryClipboard();
    const timers = manualTimers();
    const guard = createClipboardGuard(port, now, timers);
    expect(await guard.copy('token-1', 30)).toBe('2026-11-22T10:00:30.000Z');
    expect(await port.readText()).toBe('token-1');
    await timers.fireAll();
    expect(await port.readText()).toBe('');
  });

  it('leaves alone whatever the user copied since', async () => {
    const port = createMemoryClipboard();
    const timers = manualTimers();
    const guard = createClipboardGuard(port, now, timers);
    await guard.copy('secret', 30);
    await port.writeText('the user copied this', false);
    await timers.fireAll();
    expect(await port.readText()).toBe('the user copied this');
  });

  it('a new copy replaces the pending clear; "never" keeps it', async () => {
    const port = createMemoryClipboard();
    const timers = manualTimers();
    const guard = createClipboardGuard(port, now, timers);
    await guard.copy('first', 30);
    expect(await guard.copy('second', null)).toBeNull();
    expect(timers.pending.size).toBe(0);
    await timers.fireAll();
    expect(await port.readText()).toBe('second');
  });

  it('clears a pending copy at once on quit', async () => {
    const port = createMemoryClipboard();
    const guard = createClipboardGuard(port, now, manualTimers());
    await guard.copy('secret', 600);
    expect(await guard.flush()).toBe(true);
    expect(await port.readText()).toBe('');
    expect(await guard.flush()).toBe(false);
  });
});
