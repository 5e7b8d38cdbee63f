import { KeydeskError } from '../../shared/errors';

/**
 * A keychain call can block forever behind an unlock prompt nobody sees (a locked keyring on a
 * headless session), so every call races a timer.
 */
export async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new KeydeskError(
            'KEYCHAIN_TIMEOUT',
            `The OS keychain did not answer within ${ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`} while ${what}. ` +
              'It may be waiting for you to unlock it: look for an unlock prompt, unlock the keyring, and try again.',
          ),
        ),
      ms,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
