import { contractCaller } from './contract-caller';
import { useTestVault } from './vault-fixture';

/**
 * A fresh vault per test for the token tests, with the application most of them mint for
 * ("Voice" in account "Acme", its key in the PKCS#1 form a dashboard download has).
 */
export function useJwtVault(options: Parameters<typeof useTestVault>[0] = {}) {
  const vault = useTestVault(options);
  const appId = 'aaaaaaaa-bbbb-cccc-dddd-0123456789ab';
  const caller = contractCaller(() => vault.env().invoke);
  return {
    ...vault,
    appId,
    otherAppId: 'bbbbbbbb-bbbb-cccc-dddd-0123456789ab',
    caller,
    async addVoiceApp(jwtDefaults?: unknown) {
      const acme = await caller.ok('accounts:create', {
        name: 'Acme',
        apiKey: 'abcd1234',
        apiSecret: 's',
      });
      return caller.ok('apps:create', {
        accountId: acme.id,
        id: appId,
        name: 'Voice',
        key: { kind: 'pem', pem: vault.keys().pkcs1 },
        ...(jwtDefaults ? { jwtDefaults } : {}),
      });
    },
  };
}
