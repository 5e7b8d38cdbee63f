import { describe, expect, it } from 'vitest';
import { createClipboardGuard } from '../../src/main/clipboard/clipboard-guard';
import { createMemoryClipboard } from '../../src/main/clipboard/clipboard-port';

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
    fireAll() {
      for (const [handle, callback] of [...pending]) {
        pending.delete(handle);
        callback();
      }
    },
  };
}

const now = () => new Date('2026-11-22T10:00:00Z');

describe('clipboard guard', () => {
  it('clears what it copied after the configured time and says when', () => {
    const port = createMemoryClipboard();
    const timers = manualTimers();
    const guard = createClipboardGuard(port, now, timers);
    expect(guard.copy('token-1', 30)).toBe('2026-11-22T10:00:30.000Z');
    expect(port.readText()).toBe('token-1');
    timers.fireAll();
    expect(port.readText()).toBe('');
  });

  it('leaves alone whatever the user copied since', () => {
    const port = createMemoryClipboard();
    const timers = manualTimers();
    const guard = createClipboardGuard(port, now, timers);
    guard.copy('secret', 30);
    port.writeText('the user copied this', false);
    timers.fireAll();
    expect(port.readText()).toBe('the user copied this');
  });

  it('a new copy replaces the pending clear; "never" keeps it', () => {
    const port = createMemoryClipboard();
    const timers = manualTimers();
    const guard = createClipboardGuard(port, now, timers);
    guard.copy('first', 30);
    expect(guard.copy('second', null)).toBeNull();
    expect(timers.pending.size).toBe(0);
    timers.fireAll();
    expect(port.readText()).toBe('second');
  });

  it('clears a pending copy at once on quit', () => {
    const port = createMemoryClipboard();
    const guard = createClipboardGuard(port, now, manualTimers());
    guard.copy('secret', 600);
    expect(guard.flush()).toBe(true);
    expect(port.readText()).toBe('');
    expect(guard.flush()).toBe(false);
  });
});
