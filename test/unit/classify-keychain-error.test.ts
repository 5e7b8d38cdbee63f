import { describe, expect, it } from 'vitest';
import { classifyKeychainError } from '../../src/main/keychain/classify-keychain-error';
import { withTimeout } from '../../src/main/keychain/with-timeout';

describe('keychain failures become errors a user can act on', () => {
  it.each([
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'KEYCHAIN_UNAVAILABLE', /Secret Service/],
    [
      'The name org.freedesktop.secrets was not provided by any .service files',
      'KEYCHAIN_UNAVAILABLE',
      /GNOME Keyring or KWallet/,
    ],
    [
      'Object does not exist at path “/org/freedesktop/secrets/collection/login”',
      'KEYCHAIN_LOCKED',
      /unlock the "Login" keyring/,
    ],
    [
      'Cannot create an item in a locked collection',
      'KEYCHAIN_LOCKED',
      /Unlock your login keyring/,
    ],
    ['User interaction is not allowed.', 'KEYCHAIN_LOCKED', /locked/],
    ['Something odd', 'KEYCHAIN_FAILED', /failed while storing a secret: Something odd/],
  ])('%s', (message, code, advice) => {
    const error = classifyKeychainError(new Error(message), 'storing a secret');
    expect(error.code).toBe(code);
    expect(error.message).toMatch(advice);
  });

  it('bounds a call that never answers, as behind an unseen unlock prompt', async () => {
    const never = new Promise<string>(() => {});
    await expect(withTimeout(never, 50, 'reading a secret')).rejects.toMatchObject({
      code: 'KEYCHAIN_TIMEOUT',
      message: expect.stringMatching(/did not answer within 50 ms while reading a secret.*unlock/),
    });
    await expect(withTimeout(Promise.resolve('ok'), 50, 'x')).resolves.toBe('ok');
  });
});
