import { KeydeskError } from '../../shared/errors';
import type { ApplicationSummary } from '../../shared/vault-schemas';
import { secretRefs, type Keychain } from '../keychain/keychain';
import { parsePrivateKey, type ParsedPrivateKey } from '../keys/parse-private-key';
import type { ApplicationsRepo } from './applications-repo';
import type { SecretWrite } from './secret-write';

interface PendingKeyDeps {
  keychain: Keychain;
  applications: ApplicationsRepo;
  write: <T>(change: SecretWrite<T>) => Promise<T>;
  requireApplication: (id: string) => ApplicationSummary;
  keyChanged: (applicationId: string) => void;
  stamp: () => string;
}

/**
 * A new key while its public half travels to Vonage. The private key is in the keychain (beside
 * the current one, for a rotation) and the row says so before the upload starts; Vonage's answer
 * then either adopts it or drops it. A process that stops in between leaves the row marked, and
 * `doctor` finishes it by asking Vonage which key it has.
 */
export function createPendingKeys({
  keychain,
  applications,
  write,
  requireApplication,
  keyChanged,
  stamp,
}: PendingKeyDeps) {
  return {
    /** Rotation, before the upload: the new private key stored beside the one in use. */
    async beginRotation(id: string, key: ParsedPrivateKey): Promise<ApplicationSummary> {
      const application = requireApplication(id);
      if (application.pendingKey) {
        throw new KeydeskError(
          'CONFLICT',
          `A new key for "${application.name}" has been on its way to Vonage since ${application.pendingKey.since} (Keydesk stopped before Vonage answered). Run "keydesk doctor --fix" first: it asks Vonage which key it has and finishes that change.`,
          'app',
        );
      }
      return write({
        secrets: [[secretRefs.pendingPrivateKey(application.id), key.privateKeyPem]],
        rows: () => {
          applications.setPending(application.id, key.publicKeyPem, 'rotate', stamp());
          return requireApplication(application.id);
        },
      });
    },

    /** Vonage has the new public key: it becomes the application's key; the old one is deleted. */
    async adoptRotation(id: string): Promise<ApplicationSummary> {
      const application = requireApplication(id);
      const pendingRef = secretRefs.pendingPrivateKey(application.id);
      const pem = await keychain.get(pendingRef);
      if (pem === null) {
        throw new KeydeskError(
          'NOT_FOUND',
          `The new private key of "${application.name}" is gone from the keychain; the current key stays. Rotate again.`,
        );
      }
      const key = parsePrivateKey(pem);
      keyChanged(application.id);
      return write({
        secrets: [
          [secretRefs.privateKey(application.id), key.privateKeyPem],
          [pendingRef, null],
        ],
        rows: () => {
          applications.setKey(
            application.id,
            { publicKeyPem: key.publicKeyPem, fingerprint: key.fingerprint, keyBits: key.bits },
            stamp(),
          );
          applications.clearPending(application.id);
          return requireApplication(application.id);
        },
      });
    },

    /** The upload failed, or Vonage kept the old key: the new key goes, the one in use stays. */
    async dropRotation(id: string): Promise<ApplicationSummary> {
      const application = requireApplication(id);
      return write({
        secrets: [[secretRefs.pendingPrivateKey(application.id), null]],
        rows: () => {
          applications.clearPending(application.id);
          return requireApplication(application.id);
        },
      });
    },

    /** An added application's key reached Vonage: nothing is pending any more. */
    confirmUploaded(id: string): ApplicationSummary {
      const application = requireApplication(id);
      applications.clearPending(application.id);
      return requireApplication(application.id);
    },

    /** The public key on its way, to compare with the one Vonage has. */
    pendingPublicKey: (id: string) => applications.pendingPublicKey(id.toLowerCase()),
  };
}
