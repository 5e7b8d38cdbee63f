import { describe, expect, it } from 'vitest';
import { classifyKeychainError } from '../../src/core/keychain/classify-keychain-error';
import { withTimeout } from '../../src/core/keychain/with-timeout';

describe('keychain failures become errors a user can act on', () => {
  it.each([
    // Every way the OS keychain can be missing names the vault file as the way out.
    [
      'Cannot autolaunch D-Bus without X11 $DISPLAY',
      'KEYCHAIN_UNAVAILABLE',
      /KEYDESK_KEYCHAIN=file/,
    ],
    // The review's no-D-Bus machine (SSH, WSL, a container): it names the vault file.
    [
      'Platform failure: DBus error: Using X11 for dbus-daemon autolaunch was disabled at compile time, set your DBUS_SESSION_BUS_ADDRESS instead',
      'KEYCHAIN_UNAVAILABLE',
      /KEYDESK_KEYCHAIN=file/,
    ],
    [
      'The name org.freedesktop.secrets was not provided by any .service files',
      'KEYCHAIN_UNAVAILABLE',
      /GNOME Keyring or KWallet.*KEYDESK_KEYCHAIN=file/s,
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
    // @napi-rs/keyring's words on a locked gnome-keyring (measured), and with no D-Bus at all
    [
      "Couldn't access platform storage: Secret Service: unlock prompt was dismissed",
      'KEYCHAIN_LOCKED',
      /Unlock your login keyring/,
    ],
    [
      'zbus error: org.freedesktop.Secret.Error.IsLocked: Cannot get secret of a locked object',
      'KEYCHAIN_LOCKED',
      /Unlock your login keyring/,
    ],
    [
      'Platform failure: DBus error: Failed to connect to socket /run/user/1000/bus: No such file',
      'KEYCHAIN_UNAVAILABLE',
      /Secret Service/,
    ],
    [
      "Couldn't access platform storage: Secret Service: no result found",
      'KEYCHAIN_LOCKED',
      /unlock the "Login" keyring.*KEYDESK_KEYCHAIN=file/s,
    ],
    [
      'zbus error: Failed to connect to address `unix:path=/run/user/0/bus`: No such file',
      'KEYCHAIN_UNAVAILABLE',
      /Secret Service.*keychain migrate --to file/s,
    ],
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
