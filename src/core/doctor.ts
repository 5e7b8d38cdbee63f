import type { DoctorReport } from '../shared/doctor-schemas';
import { secretRefs } from './keychain/keychain';
import type { VaultKeychain } from './keychain/vault-keychain';
import type { OAuthService } from './oauth/oauth-service';
import type { Vault } from './vault/vault';

type Missing = DoctorReport['missingSecrets'][number];

/**
 * Compares what the metadata expects with what this vault's keychain entries hold (other vaults'
 * entries are counted, never touched). With `fix`, orphan secrets are deleted and rows whose secret is gone are removed, except an account whose applications still
 * have their keys: removing it would throw those keys away, so that one is left for a person.
 */
export async function runDoctor(
  vault: Vault,
  keychain: VaultKeychain,
  fix: boolean,
  oauth?: OAuthService,
): Promise<DoctorReport> {
  const stored = new Set(await keychain.listRefs());
  const { accounts, applications } = vault.inventory();
  const expected = new Map<string, Missing>();
  for (const account of accounts) {
    const base = { kind: 'account' as const, id: account.id, name: account.name };
    expected.set(secretRefs.apiSecret(account.id), { ...base, secret: 'apiSecret' });
    if (account.has_signature_secret === 1) {
      expected.set(secretRefs.signatureSecret(account.id), { ...base, secret: 'signatureSecret' });
    }
  }
  for (const application of applications) {
    expected.set(secretRefs.privateKey(application.id), {
      kind: 'application',
      id: application.id,
      name: application.name,
      secret: 'privateKey',
    });
  }

  for (const consumer of oauth?.consumers() ?? []) {
    expected.set(secretRefs.consumerSecret(consumer.id), {
      kind: 'oauth-consumer',
      id: consumer.id,
      name: consumer.consumerKey,
      secret: 'consumerSecret',
    });
  }
  for (const token of oauth?.tokens() ?? []) {
    expected.set(secretRefs.accessToken(token.id), {
      kind: 'oauth-token',
      id: token.id,
      name: token.label,
      secret: 'accessToken',
    });
  }

  const orphanSecrets = [...stored]
    .filter((ref) => !expected.has(ref))
    .sort()
    .map((ref) => ({ ref, description: describeRef(ref) }));
  const missingSecrets = [...expected].filter(([ref]) => !stored.has(ref)).map(([, m]) => m);
  const report: DoctorReport = {
    orphanSecrets,
    missingSecrets,
    repairs: [],
    needsAttention: [],
    otherVaults: await keychain.otherVaults(),
  };
  if (!fix) return report;

  for (const orphan of orphanSecrets) {
    await keychain.delete(orphan.ref);
    report.repairs.push(`Deleted ${orphan.description} from the keychain (${orphan.ref}).`);
  }
  const lostKeys = new Set(
    missingSecrets.filter((m) => m.secret === 'privateKey').map((m) => m.id),
  );
  for (const missing of missingSecrets) {
    if (missing.secret === 'privateKey') {
      vault.removeApplicationRow(missing.id);
      report.repairs.push(
        `Removed application "${missing.name}" (${missing.id}): its private key is gone.`,
      );
    } else if (missing.kind === 'oauth-consumer' && oauth) {
      const { removedTokens } = await oauth.removeConsumer(missing.id);
      report.repairs.push(
        `Removed OAuth consumer ${missing.name} and ${removedTokens} access token(s): its secret is gone.`,
      );
    } else if (missing.kind === 'oauth-token' && oauth) {
      // Its consumer may have gone above, taking the token row with it.
      if (oauth.tokens().some((t) => t.id === missing.id)) await oauth.forgetToken(missing.id);
      report.repairs.push(
        `Forgot OAuth access token "${missing.name}": it is gone from the keychain.`,
      );
    } else if (missing.secret === 'signatureSecret') {
      vault.clearSignatureSecretFlag(missing.id);
      report.repairs.push(
        `Account "${missing.name}" no longer lists a signature secret: it is gone.`,
      );
    } else {
      const intact = applications.filter((a) => a.account_id === missing.id && !lostKeys.has(a.id));
      if (intact.length > 0) {
        report.needsAttention.push(
          `Account "${missing.name}" has lost its API secret but ${intact.length} application(s) still have their keys. ` +
            'Re-enter the API secret in the desktop app (Edit account), or remove the account with "keydesk accounts remove".',
        );
      } else {
        vault.removeAccountRow(missing.id);
        report.repairs.push(`Removed account "${missing.name}": its API secret is gone.`);
      }
    }
  }
  return report;
}

function describeRef(ref: string): string {
  const [kind, id, secret] = ref.split('/');
  if (kind === 'account' && secret === 'apiSecret')
    return `the API secret of a removed account ${id}`;
  if (kind === 'account' && secret === 'signatureSecret')
    return `a signature secret account ${id} no longer uses`;
  if (kind === 'application')
    return `the private key of application ${id}, which is not in the vault`;
  if (kind === 'oauthConsumer')
    return `the secret of OAuth consumer ${id}, which is not in the vault`;
  if (kind === 'oauthToken') return `an OAuth access token (${id}) that is not in the vault`;
  return `an entry Keydesk does not recognise`;
}
