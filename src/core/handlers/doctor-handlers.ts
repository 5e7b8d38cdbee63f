import { describeKeychain } from '../keychain/migrate-keychain';
import { checkVaultFile } from '../keychain/vault-file-health';
import type { Services } from '../services';
import type { HandlersFor } from './handler-types';

/** The vault against the keychain; a repair is audited. */
export function doctorHandlers(services: Services): HandlersFor<'doctor'> {
  const { audit } = services;
  return {
    'doctor:run': async ({ fix }) => {
      const entries = await services.doctor(fix, {
        // Loaded only when a change was left pending: they talk to Vonage.
        async pendingKey(id) {
          const { finishPendingKey } = await import('../vonage/key-changes');
          return (await finishPendingKey(services, id)).message;
        },
        async pendingSecret(id) {
          const [{ finishPendingSecret }, { vonageClientFor }] = await Promise.all([
            import('../vonage/secret-rotation'),
            import('./vonage-client-for'),
          ]);
          const deps = { vault: services.vault, client: vonageClientFor(services) };
          return finishPendingSecret(deps, services.vault.accounts.get(id));
        },
      });
      const file = services.fileVault
        ? checkVaultFile(services.fileVault.path, fix)
        : { repairs: [], needsAttention: [] };
      const report = {
        ...entries,
        repairs: [...entries.repairs, ...file.repairs],
        needsAttention: [...entries.needsAttention, ...file.needsAttention],
        keychain: describeKeychain(services, services.keychainBackend),
      };
      if (report.repairs.length) {
        audit.record({
          action: 'update',
          summary: `Doctor repaired the vault: ${report.repairs.join(' ')}`,
        });
      }
      return report;
    },
  };
}
