import { KeydeskError } from '../../shared/errors';
import type { ApplicationSummary } from '../../shared/vault-schemas';
import type { ConfirmChange } from './confirm-change';
import { generateKeyPair } from '../keys/generate-key-pair';
import type { Services } from '../services';
import { vonageAccess } from './check-service';
import { fetchApplication, sameKey, fetchApplicationObject } from './credential-checks';
import { nameForAdding, readDashboardApplication } from './dashboard-application';
import { UploadRefused, uploadPublicKey } from './upload-public-key';
import { CheckFailure } from './vonage-request';

export interface KeyChange {
  application: ApplicationSummary;
  /** What happened, in a sentence (the CLI prints it, the app shows it). */
  message: string;
}

/** The account of an application, with what Vonage is asked with for it. */
async function accessFor(services: Services, application: ApplicationSummary) {
  const account = services.vault.accounts.get(application.accountId);
  return { account, ...(await vonageAccess(services, account)) };
}

/**
 * Asks Vonage which public key the application has and settles a pending key change by it: the
 * new key is adopted when Vonage has it, else undone (a rotation keeps the key in use; an added
 * application is taken out of Keydesk again, since its key never reached the dashboard).
 */
export async function finishPendingKey(
  services: Services,
  applicationId: string,
): Promise<KeyChange> {
  const { vault } = services;
  const application = vault.applications.get(applicationId);
  const operation = application.pendingKey?.operation;
  if (!operation) return { application, message: `"${application.name}" has no pending key.` };
  const pending = vault.applications.pendingPublicKey(application.id);
  const { account, secret, hosts, options } = await accessFor(services, application);
  const found = await fetchApplication(account, secret, application.id, hosts, options);
  if ('code' in found && found.code !== 'NOT_FOUND')
    throw new CheckFailure(found.code, found.message);
  const vonageHasIt =
    !('code' in found) && found.publicKey !== undefined && pending !== undefined
      ? sameKey(found.publicKey, pending)
      : false;
  if (operation === 'rotate') {
    if (vonageHasIt) {
      return {
        application: await vault.applications.adoptRotation(application.id),
        message: `Vonage has the new key of "${application.name}": Keydesk now signs with it.`,
      };
    }
    const gone = 'code' in found;
    return {
      application: await vault.applications.dropRotation(application.id),
      message: gone
        ? `"${application.name}" is no longer in the dashboard: the new key was discarded; the previous one stays stored (run a check or a sync).`
        : `Vonage kept the previous key of "${application.name}": the new key was discarded and the previous one stays in use.`,
    };
  }
  if (vonageHasIt) {
    return {
      application: vault.applications.confirmUploaded(application.id),
      message: `Vonage has the key of "${application.name}": it is ready to use.`,
    };
  }
  await vault.applications.remove(application.id);
  return {
    application,
    message: `The key of "${application.name}" never reached Vonage: the application was taken out of Keydesk again; add it again from the sync.`,
  };
}

/**
 * After an upload that failed: a refusal Vonage answered means nothing changed there, so the
 * change is undone; for anything else Vonage is asked which key it has. If even that cannot be
 * asked, the change stays pending for `doctor --fix`.
 */
async function settleFailedUpload(
  services: Services,
  application: ApplicationSummary,
  failure: CheckFailure,
): Promise<never> {
  if (failure instanceof UploadRefused) {
    if (application.pendingKey?.operation === 'rotate') {
      await services.vault.applications.dropRotation(application.id);
      throw failure.toKeydeskError('The previous key stays in use.');
    }
    await services.vault.applications.remove(application.id);
    throw failure.toKeydeskError('The application was not added.');
  }
  let settled: KeyChange;
  try {
    settled = await finishPendingKey(services, application.id);
  } catch {
    throw failure.toKeydeskError(
      'Keydesk cannot tell whether Vonage took the new key, so it is kept as pending; run "keydesk doctor --fix" once Vonage answers.',
    );
  }
  throw failure.toKeydeskError(settled.message);
}

async function upload(services: Services, application: ApplicationSummary): Promise<void> {
  const pending = services.vault.applications.pendingPublicKey(application.id);
  if (pending === undefined) throw new KeydeskError('INTERNAL', 'No pending key to upload.');
  const { account, secret, hosts, options } = await accessFor(services, application);
  try {
    await uploadPublicKey(account, secret, application.id, pending, hosts, options);
  } catch (error) {
    if (error instanceof CheckFailure) await settleFailedUpload(services, application, error);
    throw error;
  }
}

/**
 * A new RSA-2048 pair for the application: the private key goes into the keychain first (beside
 * the one in use), the public half to Vonage, and only then does Keydesk sign with the new key.
 */
export async function rotateKey(
  services: Services,
  appRef: string,
  confirm: ConfirmChange,
): Promise<KeyChange> {
  const current = services.vault.applications.resolve(appRef);
  await confirm(
    {
      action: 'Rotate key',
      message: `Rotate the key of "${current.name}" in account "${current.accountName}"?`,
      detail: `Application ${current.id}. A new key pair is made and its public half replaces the key in the Vonage dashboard: tokens signed with the current key are refused from then on. The current private key stays in Keydesk until Vonage has the new one.`,
    },
    'The key was not rotated.',
  );
  const key = await generateKeyPair();
  const pending = await services.vault.applications.beginRotation(current.id, key);
  await upload(services, pending);
  const application = await services.vault.applications.adoptRotation(current.id);
  return {
    application,
    message: `Rotated the key of "${application.name}": Vonage has the new public key (fingerprint ${application.fingerprint}) and Keydesk signs with it. Tokens signed with the previous key are refused from now on.`,
  };
}

/**
 * An application the dashboard has and Keydesk does not, added with a new key pair whose public
 * half replaces the dashboard's (stored first, uploaded, then confirmed; undone if refused).
 */
export async function addFromDashboard(
  services: Services,
  input: { account: string; id: string; name?: string | undefined },
  confirm: ConfirmChange,
): Promise<KeyChange> {
  const account = services.vault.accounts.resolve(input.account);
  const { secret, hosts, options } = await vonageAccess(services, account);
  const found = await fetchApplicationObject(account, secret, input.id, hosts, options).catch(
    (error: unknown) => {
      throw error instanceof CheckFailure ? error.toKeydeskError() : error;
    },
  );
  if ('outcome' in found) {
    throw new CheckFailure(found.outcome.code, found.outcome.message).toKeydeskError(
      undefined,
      'id',
    );
  }
  const dashboard = readDashboardApplication(found.object);
  const name = nameForAdding(input.name, dashboard);
  await confirm(
    {
      action: 'Add with a new key',
      message: `Add "${name}" to account "${account.name}" with a new key pair?`,
      detail: `Application ${input.id}. The new public key replaces the key in the Vonage dashboard: tokens signed with the dashboard's current key are refused from then on.`,
    },
    'The application was not added.',
  );
  const stored = await services.vault.applications.create(
    { accountId: account.id, id: input.id, name, key: { kind: 'generate' } },
    { uploadPending: true },
  );
  await upload(services, stored);
  services.vault.applications.confirmUploaded(stored.id);
  services.vault.applications.setDashboard(stored.id, {
    name: dashboard.name,
    capabilities: dashboard.capabilities,
    at: services.now().toISOString(),
  });
  const application = services.vault.applications.get(stored.id);
  return {
    application,
    message: `Added "${application.name}" to account "${account.name}" with a new key; Vonage has its public half (fingerprint ${application.fingerprint}). Tokens signed with the dashboard's previous key are refused from now on.`,
  };
}
