import type { Services } from '../services';
import { requestOptions, vonageHosts } from '../vonage/check-service';
import { createVonageClient, type VonageClient } from '../vonage/vonage-client';

/** The client as the handlers use it: the settings' hosts and deadline, the vault's secrets. */
export function vonageClientFor(services: Services): VonageClient {
  return createVonageClient({
    hosts: () => vonageHosts(services),
    requestOptions: () => requestOptions(services),
    secretOf: (account) => services.vault.accounts.revealSecret(account.id, 'apiSecret'),
    applicationToken: async (application) =>
      (
        await services.mint({
          applicationId: application.id,
          sub: null,
          acl: { kind: 'preset', preset: 'none' },
          ttlSeconds: 300,
        })
      ).token,
  });
}
