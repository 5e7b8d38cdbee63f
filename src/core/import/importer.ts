import { homedir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { KeydeskError } from '../../shared/errors';
import { foldName } from '../../shared/fold-name';
import { nameFromSource } from './name-from-source';
import { importFormatLabels } from '../../shared/import-formats';
import type {
  ImportSource,
  ImportItem,
  ImportPreview,
  ImportResult,
} from '../../shared/import-schemas';
import {
  apiKeySchema,
  apiSecretSchema,
  applicationIdSchema,
  limits,
  type AccountSummary,
} from '../../shared/vault-schemas';
import { secretRefs, type Keychain } from '../keychain/keychain';
import { readRegularFile } from '../files/read-regular-file';
import { parsePrivateKey, type ParsedPrivateKey } from '../keys/parse-private-key';
import type { Vault } from '../vault/vault';
import { readCredentialFile, type CredentialFile, type KeyReference } from './read-credential-file';

interface AccountStep {
  item: Extract<ImportItem, { kind: 'account' }>;
  existing?: AccountSummary;
  create?: { name: string; apiKey: string; apiSecret: string; signatureSecret?: string };
}

interface ApplicationStep {
  item: Extract<ImportItem, { kind: 'application' }>;
  create?: { id: string; name: string; key: ParsedPrivateKey; accountId?: string };
}

interface Plan {
  file: CredentialFile;
  account?: AccountStep;
  application?: ApplicationStep;
}

/**
 * Import of files written by Vonage's and Nexmo's own tools. Preview and apply run the same plan, so
 * what is applied is exactly what was shown; existing items are matched by API key, application id
 * and key fingerprint, and are never overwritten by a file.
 */
/** Files Vonage's tools write, previewed and then applied exactly as previewed. */
export interface Importer {
  preview(input: ImportSource): Promise<ImportPreview>;
  apply(input: ImportSource): Promise<ImportResult>;
}

export function createImporter(vault: Vault, keychain: Keychain): Importer {
  async function plan(input: ImportSource): Promise<Plan> {
    const file = readCredentialFile(input.fileName, input.content);
    const account = file.account ? await planAccount(file.account, input) : undefined;
    const application = file.application
      ? await planApplication(file.application, input, account)
      : undefined;
    return { file, account, application };
  }

  async function planAccount(
    found: NonNullable<CredentialFile['account']>,
    input: ImportSource,
  ): Promise<AccountStep> {
    const apiKey = apiKeySchema.safeParse(found.apiKey);
    const base = {
      kind: 'account' as const,
      apiKey: found.apiKey,
      hasSignatureSecret: Boolean(found.signatureSecret),
    };
    if (!apiKey.success) {
      return {
        item: {
          ...base,
          action: 'error',
          name: '',
          note: `The API key in the file is not valid: ${apiKey.error.issues[0]?.message}`,
        },
      };
    }
    const existing = vault.accounts.findByApiKey(apiKey.data);
    if (existing) {
      const stored = await keychain.get(secretRefs.apiSecret(existing.id));
      const same = found.apiSecret === undefined || stored === found.apiSecret;
      return {
        existing,
        item: {
          ...base,
          name: existing.name,
          action: same ? 'unchanged' : 'conflict',
          ...(same
            ? { note: 'Already stored.' }
            : {
                note: "The file's API secret differs from the stored one; the stored secret is kept. Edit the account to change it.",
              }),
        },
      };
    }
    const name = input.accountName ?? `Account ${apiKey.data}`;
    const secret = apiSecretSchema.safeParse(found.apiSecret ?? '');
    if (!secret.success) {
      return {
        item: {
          ...base,
          name,
          action: 'error',
          note:
            found.apiSecret === undefined
              ? 'The file has an API key but no API secret.'
              : `The API secret in the file is not valid: ${secret.error.issues[0]?.message}`,
        },
      };
    }
    const clash = vault.accounts.findByName(name);
    if (clash) {
      return {
        item: {
          ...base,
          name,
          action: 'conflict',
          note: `An account named "${clash.name}" already exists with API key ${clash.apiKey}; choose another account name.`,
        },
      };
    }
    return {
      item: { ...base, name, action: 'create' },
      create: {
        name,
        apiKey: apiKey.data,
        apiSecret: secret.data,
        signatureSecret: found.signatureSecret,
      },
    };
  }

  async function planApplication(
    found: NonNullable<CredentialFile['application']>,
    input: ImportSource,
    account: AccountStep | undefined,
  ): Promise<ApplicationStep> {
    const rawId = found.id ?? input.application?.id;
    const base = {
      kind: 'application' as const,
      id: rawId ?? '',
      name: found.name ?? input.application?.name ?? '',
      accountName: account?.item.name ?? input.accountName ?? '',
    };
    const keyLocation = locateKeyFile(found.privateKey, input);
    let key: ParsedPrivateKey;
    try {
      key = parsePrivateKey(await loadKey(found.privateKey, input), undefined, 'content');
    } catch (error) {
      if (!(error instanceof KeydeskError)) throw error;
      return { item: { ...base, ...keyLocation, action: 'error', note: error.message } };
    }
    const keyFacts = { fingerprint: key.fingerprint, keyBits: key.bits, ...keyLocation };
    if (!rawId) {
      const holder = vault.applications.findByFingerprint(key.fingerprint)[0];
      if (holder) {
        return {
          item: {
            ...base,
            ...keyFacts,
            id: holder.id,
            name: holder.name,
            accountName: holder.accountName,
            action: 'unchanged',
            note: 'This key is already stored for this application.',
          },
        };
      }
      return {
        item: {
          ...base,
          ...keyFacts,
          action: 'error',
          note: 'A bare private key does not say which application it belongs to. Add it with: keydesk apps add --account NAME --id APP_ID --name NAME --key-file FILE',
        },
      };
    }
    const id = applicationIdSchema.safeParse(rawId);
    if (!id.success) {
      return {
        item: {
          ...base,
          ...keyFacts,
          action: 'error',
          note: `The application id in the file is not valid: ${id.error.issues[0]?.message}`,
        },
      };
    }
    const existing = vault.applications.find(id.data);
    if (existing) {
      const same = existing.fingerprint === key.fingerprint;
      return {
        item: {
          ...base,
          ...keyFacts,
          id: id.data,
          name: existing.name,
          accountName: existing.accountName,
          action: same ? 'unchanged' : 'conflict',
          note: same
            ? 'Already stored.'
            : 'The stored application has a different private key; the stored key is kept. Replace the key explicitly if the file is newer.',
        },
      };
    }
    const target = account?.existing ?? (account?.create ? undefined : resolveAccount(input));
    if (!target && !account?.create) {
      return {
        item: {
          ...base,
          ...keyFacts,
          id: id.data,
          action: 'error',
          note: input.accountName
            ? `No account is named "${input.accountName}". Add it first, or name an account that exists.`
            : 'This file holds an application but no account: choose the account it belongs to.',
        },
      };
    }
    if (account && account.item.action === 'error') {
      return {
        item: {
          ...base,
          ...keyFacts,
          id: id.data,
          action: 'error',
          note: 'The account in this file cannot be imported, so neither can its application.',
        },
      };
    }
    let name = found.name ?? input.application?.name ?? nameFromSource(input);
    if (
      target &&
      vault.applications
        .list({ accountId: target.id })
        .some((a) => foldName(a.name) === foldName(name))
    ) {
      name = `${name} (${id.data.slice(0, 8)})`;
    }
    const accountName = target?.name ?? account?.item.name ?? '';
    return {
      item: { ...base, ...keyFacts, id: id.data, name, accountName, action: 'create' },
      create: { id: id.data, name, key, accountId: target?.id },
    };
  }

  function resolveAccount(input: ImportSource): AccountSummary | undefined {
    return input.accountName ? vault.accounts.findByName(input.accountName) : undefined;
  }

  return {
    async preview(input: ImportSource): Promise<ImportPreview> {
      const { file, account, application } = await plan(input);
      const items = [account?.item, application?.item].filter((i): i is ImportItem => Boolean(i));
      return {
        format: file.format,
        formatLabel: importFormatLabels[file.format],
        items,
        hasChanges: items.some((i) => i.action === 'create'),
      };
    },

    async apply(input: ImportSource): Promise<ImportResult> {
      const { file, account, application } = await plan(input);
      const result: ImportResult = { format: file.format, items: [] };
      let accountId = account?.existing?.id;
      if (account) {
        const label = `account "${account.item.name}" (${account.item.apiKey})`;
        if (account.create) {
          try {
            accountId = (
              await vault.accounts.create({ ...account.create, color: undefined, notes: undefined })
            ).id;
            result.items.push({ kind: 'account', label, outcome: 'created' });
          } catch (error) {
            result.items.push({
              kind: 'account',
              label,
              outcome: 'failed',
              note: messageOf(error),
            });
          }
        } else {
          result.items.push({
            kind: 'account',
            label,
            outcome: account.item.action === 'unchanged' ? 'unchanged' : 'skipped',
            note: account.item.note,
          });
        }
      }
      if (application) {
        const label = `application "${application.item.name}" (${application.item.id || 'no id'})`;
        const create = application.create;
        const targetAccount = create?.accountId ?? accountId;
        if (create && targetAccount) {
          try {
            await vault.applications.create({
              accountId: targetAccount,
              id: create.id,
              name: create.name,
              key: { kind: 'pem', pem: create.key.privateKeyPem },
            });
            result.items.push({ kind: 'application', label, outcome: 'created' });
          } catch (error) {
            result.items.push({
              kind: 'application',
              label,
              outcome: 'failed',
              note: messageOf(error),
            });
          }
        } else {
          const outcome =
            application.item.action === 'unchanged' ? 'unchanged' : create ? 'failed' : 'skipped';
          result.items.push({
            kind: 'application',
            label,
            outcome,
            note: create ? 'Its account could not be created.' : application.item.note,
          });
        }
      }
      return result;
    },
  };
}

/** Where a key path in the file points, resolved, and whether it leaves the file's folder. */
function locateKeyFile(
  reference: KeyReference | undefined,
  input: ImportSource,
): { keyPath?: string; keyOutside?: boolean } {
  if (!reference || 'pem' in reference) return {};
  const raw = reference.path.startsWith('~/')
    ? join(homedir(), reference.path.slice(2))
    : reference.path;
  if (!isAbsolute(raw) && !input.sourceDir) return {};
  const keyPath = resolve(input.sourceDir ?? '/', raw);
  const inside = input.sourceDir ? relative(input.sourceDir, keyPath) : '..';
  return { keyPath, keyOutside: inside.startsWith('..') || isAbsolute(inside) };
}

async function loadKey(reference: KeyReference | undefined, input: ImportSource): Promise<string> {
  if (!reference) {
    throw new KeydeskError(
      'IMPORT_INVALID',
      'The file names no private key for the application.',
      'content',
    );
  }
  if ('pem' in reference) return reference.pem;
  const { keyPath, keyOutside } = locateKeyFile(reference, input);
  if (!keyPath) {
    throw new KeydeskError(
      'IMPORT_INVALID',
      `The file points at the private key "${reference.path}" relative to its own folder; import it with the keydesk CLI from that folder, or import the key file too.`,
      'content',
    );
  }
  if (keyOutside && !input.allowOutsidePaths) {
    throw new KeydeskError(
      'IMPORT_INVALID',
      `The private key it names is ${keyPath}, outside the imported file's folder. Keydesk reads it only if you allow that (app: "Read key files outside the file's folder"; CLI: --allow-outside-paths).`,
      'content',
    );
  }
  return readRegularFile(keyPath, limits.pem, 'the private key file');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
