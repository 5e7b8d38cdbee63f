import { KeydeskError } from '../../shared/errors';
import { describeKeychain, migrateKeychain } from '../keychain/migrate-keychain';
import type { Services } from '../services';
import type { HandlersFor } from './handler-types';

/**
 * The vault file's unlock and lock (the window), moving secrets between keychains (the CLI; the
 * window's banner into a new file), unlock sessions and a new passphrase (the CLI).
 */
export function keychainHandlers(services: Services): HandlersFor<'keychain'> {
  const fileVault = async () => {
    // A first run where no OS keychain answers goes to the vault file; asking finds that out.
    if (!services.fileVault) await services.keychain.listRefs().catch(() => undefined);
    if (services.fileVault) return services.fileVault;
    throw new KeydeskError(
      'VALIDATION',
      'Secrets are in the OS keychain, which your desktop unlocks; there is no vault file to unlock.',
    );
  };
  const sessions = () => {
    if (services.unlockSessions) return services.unlockSessions;
    throw new KeydeskError(
      'VALIDATION',
      'Unlock sessions belong to the command line (keydesk unlock, keydesk lock); this Keydesk has none.',
    );
  };
  return {
    'keychain:startSession': async ({ forSeconds, idleSeconds }) => {
      const vault = await fileVault();
      const key = await vault.keyForSession();
      try {
        const idle = Math.min(idleSeconds, forSeconds);
        const started = await sessions().start(vault.path, key, {
          forMs: forSeconds * 1000,
          idleMs: idle * 1000,
        });
        return {
          token: started.token,
          expiresAt: started.expiresAt.toISOString(),
          idleSeconds: idle,
          path: vault.path,
        };
      } finally {
        key.fileKey.fill(0);
      }
    },
    'keychain:endSessions': async () => ({ ended: await sessions().endAll() }),
    'keychain:changePassphrase': ({ passphrase, current }) =>
      services.audit.track(
        { action: 'update', summary: 'Changed the passphrase of the vault file' },
        async () => {
          const vault = await fileVault();
          await vault.changePassphrase(passphrase, current);
          // Every session held the old file key, which opens nothing now.
          const endedSessions = (await services.unlockSessions?.endAll()) ?? 0;
          return { path: vault.path, endedSessions };
        },
      ),
    'keychain:moveToFile': ({ passphrase }) =>
      services.audit.track(
        {
          action: 'update',
          summary: `Moved the secrets from ${describeKeychain(services, services.keychainBackend)} to the vault file`,
        },
        async () => {
          const { moved, leftBehind } = await migrateKeychain(services, 'file', passphrase);
          return { moved, leftBehind, where: describeKeychain(services, 'file') };
        },
      ),
    'keychain:unlock': async ({ passphrase }) => {
      const vault = await fileVault();
      const { exists } = await vault.state();
      await vault.unlock(passphrase);
      return { created: !exists };
    },
    'keychain:lock': () => {
      const vault = services.fileVault;
      vault?.lock();
      return { locked: vault !== undefined };
    },
    'keychain:migrate': ({ to }) =>
      services.audit.track(
        {
          action: 'update',
          summary: `Moved the secrets from ${describeKeychain(services, services.keychainBackend)} to ${describeKeychain(services, to)}`,
        },
        async () => {
          const moved = await migrateKeychain(services, to);
          return { ...moved, where: describeKeychain(services, to) };
        },
      ),
  };
}
