import { KeydeskError } from '../../shared/errors';
import { describeKeychain, migrateKeychain } from '../keychain/migrate-keychain';
import type { Services } from '../services';
import type { HandlersOf } from './handler-types';

/** The vault file's unlock and lock (the window), and moving secrets between keychains (the CLI). */
export function keychainHandlers(
  services: Services,
): HandlersOf<`keychain:${'unlock' | 'lock' | 'migrate'}`> {
  const fileVault = () => {
    if (services.fileVault) return services.fileVault;
    throw new KeydeskError(
      'VALIDATION',
      'Secrets are in the OS keychain, which your desktop unlocks; there is no vault file to unlock.',
    );
  };
  return {
    'keychain:unlock': async ({ passphrase }) => {
      const vault = fileVault();
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
