import type { DoctorReport } from '../shared/doctor-schemas';
import {
  parseSecretRef,
  secretKindNames,
  secretKinds,
  secretRef,
  type SecretKindName,
  type SecretOwner,
} from '../shared/secret-kinds';
import type { VaultKeychain } from './keychain/vault-keychain';
import type { OAuthService } from './oauth/oauth-service';
import type { Vault, VaultRepair } from './vault/vault';

type Missing = DoctorReport['missingSecrets'][number];

/**
 * Compares what the metadata expects with what this vault's keychain entries hold (other vaults'
 * entries are counted, never touched). With `fix`, orphan secrets are deleted and rows whose secret is gone are removed, except an account whose applications still
 * have their keys: removing it would throw those keys away, so that one is left for a person.
 */
export async function runDoctor(
  vault: Vault,
  /** The row repairs only the doctor may make (vault.ts). */
  repair: VaultRepair,
  keychain: VaultKeychain,
  fix: boolean,
  oauth?: OAuthService,
  /** Asks Vonage which key it has and finishes a key change left pending; says what it did. */
  finishPendingKey?: (applicationId: string) => Promise<string>,
  /** Asks Vonage which API secret works and settles a secret rotation left pending. */
  finishPendingSecret?: (accountId: string) => Promise<string>,
  /** The other keychain, in words, where the secrets may be when this one holds none of them. */
  otherKeychain = 'the other keychain',
): Promise<Omit<DoctorReport, 'keychain'>> {
  const stored = new Set(await keychain.listRefs());
  const { accounts, applications, teamIdentity } = repair.inventory();
  // Every owner with the secrets its kinds say it holds (src/shared/secret-kinds.ts).
  const owners: {
    kind: SecretOwner;
    id: string;
    name: string;
    /** The optional kinds this owner's row says it holds. */
    optional?: SecretKindName[];
  }[] = [
    ...accounts.map((a) => ({
      kind: 'account' as const,
      id: a.id,
      name: a.name,
      optional: [
        ...(a.has_signature_secret === 1 ? ['signatureSecret' as const] : []),
        ...(a.rotation_started_at ? ['pendingApiSecret' as const] : []),
      ],
    })),
    ...applications.map((a) => ({
      kind: 'application' as const,
      id: a.id,
      name: a.name,
      optional: a.pending_operation === 'rotate' ? ['pendingPrivateKey' as const] : [],
    })),
    ...(oauth?.consumers() ?? []).map((c) => ({
      kind: 'oauth-consumer' as const,
      id: c.id,
      name: c.consumerKey,
    })),
    ...(oauth?.tokens() ?? []).map((t) => ({
      kind: 'oauth-token' as const,
      id: t.id,
      name: t.label,
    })),
    ...(teamIdentity
      ? [{ kind: 'team-member' as const, id: 'me', name: 'your team identity' }]
      : []),
  ];
  const expected = new Map<string, Missing>();
  for (const owner of owners) {
    for (const secret of secretKindNames) {
      const kind = secretKinds[secret];
      if (kind.owner !== owner.kind) continue;
      const present = kind.presence === 'required' || Boolean(owner.optional?.includes(secret));
      if (present) {
        expected.set(secretRef(secret, owner.id), {
          kind: owner.kind,
          id: owner.id,
          name: owner.name,
          secret,
        });
      }
    }
  }

  const orphanSecrets = [...stored]
    .filter((ref) => !expected.has(ref))
    .sort()
    .map((ref) => ({ ref, description: describeRef(ref) }));
  const missingSecrets = [...expected].filter(([ref]) => !stored.has(ref)).map(([, m]) => m);
  const pendingKeys = vault.applications
    .list()
    .flatMap((a) =>
      a.pendingKey
        ? [{ id: a.id, name: a.name, operation: a.pendingKey.operation, since: a.pendingKey.since }]
        : [],
    );
  const pendingSecrets = accounts.flatMap((a) =>
    a.rotation_started_at ? [{ id: a.id, name: a.name, since: a.rotation_started_at }] : [],
  );
  const report: Omit<DoctorReport, 'keychain'> = {
    orphanSecrets,
    missingSecrets,
    pendingKeys,
    pendingSecrets,
    repairs: [],
    needsAttention: [],
    otherVaults: await keychain.otherVaults(),
  };
  if (!fix) return report;
  // A keychain that holds none of this vault's secrets is the wrong keychain (a first run of the
  // vault file, a KEYDESK_KEYCHAIN for one run), not a vault whose secrets all vanished: removing
  // every row here would make the real keychain's secrets orphans for the next --fix to delete.
  if (expected.size > 0 && missingSecrets.length === expected.size) {
    report.needsAttention.push(
      `The keychain in use holds none of this vault's ${expected.size} secrets: they are probably in ${otherKeychain}. Nothing was removed. Run the doctor with that keychain (KEYDESK_KEYCHAIN), or move the secrets with "keydesk keychain migrate".`,
    );
    return report;
  }

  for (const orphan of orphanSecrets) {
    await keychain.delete(orphan.ref);
    report.repairs.push(`Deleted ${orphan.description} from the keychain (${orphan.ref}).`);
  }
  const lostKeys = new Set(
    missingSecrets.filter((m) => m.secret === 'privateKey').map((m) => m.id),
  );
  for (const missing of missingSecrets) {
    if (missing.secret === 'pendingPrivateKey' || missing.secret === 'pendingApiSecret') {
      // Finished below with the rest of its pending change.
    } else if (missing.secret === 'privateKey') {
      repair.removeApplicationRow(missing.id);
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
    } else if (missing.kind === 'team-member') {
      repair.forgetTeamIdentity();
      report.repairs.push(
        'Forgot your team identity: its secret is gone from the keychain. "keydesk team identity" makes a new one, which a member must add to the team again.',
      );
    } else if (missing.secret === 'signatureSecret') {
      repair.clearSignatureSecretFlag(missing.id);
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
        repair.removeAccountRow(missing.id);
        report.repairs.push(`Removed account "${missing.name}": its API secret is gone.`);
      }
    }
  }
  for (const pending of pendingKeys) {
    if (lostKeys.has(pending.id)) continue;
    if (!finishPendingKey) continue;
    try {
      report.repairs.push(await finishPendingKey(pending.id));
    } catch (error) {
      report.needsAttention.push(
        `The new key of "${pending.name}" (pending since ${pending.since}) is not finished: ${(error as Error).message}`,
      );
    }
  }
  const lostSecrets = new Set(
    missingSecrets.filter((m) => m.secret === 'apiSecret').map((m) => m.id),
  );
  for (const pending of pendingSecrets) {
    if (lostSecrets.has(pending.id) || !finishPendingSecret) continue;
    try {
      report.repairs.push(await finishPendingSecret(pending.id));
    } catch (error) {
      report.needsAttention.push(
        `The new API secret of "${pending.name}" (pending since ${pending.since}) is not settled: ${(error as Error).message}`,
      );
    }
  }
  return report;
}

/** An orphan in words, from the registry: "the API secret of a removed account 1234". */
function describeRef(ref: string): string {
  const parsed = parseSecretRef(ref);
  if (!parsed) return 'an entry Keydesk does not recognise';
  const { owner, label } = secretKinds[parsed.kind];
  const owners: Record<SecretOwner, string> = {
    account: 'account',
    application: 'application',
    'oauth-consumer': 'OAuth consumer',
    'oauth-token': 'OAuth access token',
    'team-member': 'team identity',
  };
  return `the ${label} of a removed ${owners[owner]} ${parsed.ownerId}`;
}
