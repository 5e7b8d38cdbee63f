import type { ClipboardPort } from './clipboard-port';

interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    // A pending clear must not keep the process (the CLI, a test) alive.
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Copies for Keydesk and clears the clipboard after the configured time, but only if it still
 * holds what Keydesk put there: something the user copied since is never wiped. A new copy
 * replaces the pending clear of the previous one.
 */
export function createClipboardGuard(
  port: ClipboardPort,
  now: () => Date,
  timers: Timers = realTimers,
) {
  let pending: { handle: unknown; text: string } | undefined;

  async function clearIfStillOurs(text: string): Promise<boolean> {
    if ((await port.readText()) !== text) return false;
    port.clear();
    return true;
  }

  return {
    /** Returns when the clipboard will be cleared (ISO), or null when it is kept. */
    async copy(
      text: string,
      clearAfterSeconds: number | null,
      concealed = true,
    ): Promise<string | null> {
      if (pending) timers.clearTimeout(pending.handle);
      pending = undefined;
      await port.writeText(text, concealed);
      if (clearAfterSeconds === null) return null;
      const handle = timers.setTimeout(() => {
        pending = undefined;
        void clearIfStillOurs(text);
      }, clearAfterSeconds * 1000);
      pending = { handle, text };
      return new Date(now().getTime() + clearAfterSeconds * 1000).toISOString();
    },

    /** On quit: whatever is still pending is cleared now rather than left behind. */
    async flush(): Promise<boolean> {
      if (!pending) return false;
      timers.clearTimeout(pending.handle);
      const { text } = pending;
      pending = undefined;
      return clearIfStillOurs(text);
    },
  };
}

export type ClipboardGuard = ReturnType<typeof createClipboardGuard>;
