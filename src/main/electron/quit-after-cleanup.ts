import { app } from 'electron';

/** A clipboard that never answers must not keep the app from quitting. */
const cleanupLimitMs = 3_000;

/**
 * Holds the quit until `cleanup` has finished (at most a few seconds), then quits for real.
 * Electron 45's clipboard calls are asynchronous and the process ends right after `will-quit`, so
 * a clear started there without waiting would never reach the clipboard.
 */
export function quitAfterCleanup(cleanup: () => Promise<void>): void {
  let state: 'open' | 'cleaning' | 'done' = 'open';
  app.on('will-quit', (event) => {
    if (state === 'done') return;
    event.preventDefault();
    if (state === 'cleaning') return;
    state = 'cleaning';
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<void>((resolve) => (timer = setTimeout(resolve, cleanupLimitMs)));
    void Promise.race([cleanup(), limit])
      .catch((error: unknown) => console.error(`Keydesk: cleanup before quit failed: ${error}`))
      .finally(() => {
        clearTimeout(timer);
        state = 'done';
        app.quit();
      });
  });
}
