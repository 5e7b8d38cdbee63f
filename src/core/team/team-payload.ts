import { createHash, createHmac } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type * as z from 'zod';
import { KeydeskError } from '../../shared/errors';
import { innermostIssue } from '../../shared/zod-issues';
import { replaceVaultFile } from '../keychain/vault-file-io';
import { accountFileBase } from './team-files';
import type { Vault } from '../vault/vault';
import {
  plainAccountSchema,
  sealedAccountSchema,
  type PlainAccount,
  type SealedAccount,
} from './team-file-schemas';
import { openWithIdentity, sealForMembers } from './team-sealing';

const maxTeamFileBytes = 16 * 1024 * 1024;

/** A shared account as the team folder holds it: the plain file and the sealed one's contents. */
export interface TeamPayload {
  plain: PlainAccount;
  sealed: SealedAccount;
}

export function parsedTeamFile<T>(schema: z.ZodType<T>, text: string, file: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new KeydeskError('VALIDATION', `${file} is not JSON: it was not written by Keydesk.`);
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = innermostIssue(result.error.issues[0]);
  throw new KeydeskError('VALIDATION', `${file}: ${issue?.message ?? 'not a shared account file'}`);
}

/** This vault's account as it would be shared under `teamId`. */
export async function localPayload(
  vault: Vault,
  accountId: string,
  teamId: string,
): Promise<TeamPayload> {
  const account = vault.accounts.get(accountId);
  const applications = account.applications;
  return {
    plain: {
      format: 1,
      id: teamId,
      name: account.name,
      apiKey: account.apiKey,
      color: account.color,
      signatureMethod: account.signatureMethod,
      applications: applications.map((a) => ({
        id: a.id,
        name: a.name,
        fingerprint: a.fingerprint,
      })),
    },
    sealed: {
      format: 1,
      apiSecret: await vault.accounts.revealSecret(account.id, 'apiSecret'),
      ...(account.hasSignatureSecret
        ? { signatureSecret: await vault.accounts.revealSecret(account.id, 'signatureSecret') }
        : {}),
      applications: await Promise.all(
        applications.map(async (a) => ({
          id: a.id,
          privateKey: await vault.applications.exportPrivateKey(a.id),
        })),
      ),
    },
  };
}

/**
 * What a payload says, keyed by the team identity: equal digests mean the same account, secrets
 * and keys (a key by its fingerprint: the same key may be written in PKCS#1 or PKCS#8). Keyed so
 * a digest kept in SQLite tells nothing about a secret.
 */
export function payloadDigest(identity: string, { plain, sealed }: TeamPayload): string {
  const view = {
    name: plain.name,
    apiKey: plain.apiKey,
    color: plain.color ?? null,
    signatureMethod: plain.signatureMethod ?? null,
    applications: [...plain.applications]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((a) => [a.id, a.name, a.fingerprint]),
    apiSecret: sealed.apiSecret,
    signatureSecret: sealed.signatureSecret ?? null,
  };
  return createHmac('sha256', identity).update(JSON.stringify(view)).digest('hex');
}

/** How many recipients an age file is sealed to: one `-> ` stanza each in its text header. */
export function recipientCount(sealed: Uint8Array): number {
  const header = Buffer.from(sealed.subarray(0, 64 * 1024)).toString('latin1');
  const end = header.indexOf('\n--- ');
  return (end < 0 ? header : header.slice(0, end)).split('\n').filter((l) => l.startsWith('-> '))
    .length;
}

/**
 * Parses a payload from the two files' contents (read from the working copy or a commit). With
 * `members`, a sealed file whose recipients are more than the team's is refused: someone outside
 * the team can open it (age names no recipient, but it writes one stanza for each).
 */
export async function openPayload(
  plainText: string,
  sealedBytes: Uint8Array,
  identity: string,
  base: string,
  members?: number,
): Promise<TeamPayload> {
  const plain = parsedTeamFile(plainAccountSchema, plainText, `${base}.json`);
  const teamId = basename(base);
  if (plain.id !== teamId)
    throw new KeydeskError(
      'VALIDATION',
      `${base}.json says it is account "${plain.id}" but is named ${teamId}: it was not written by Keydesk.`,
    );
  const sealedTo = recipientCount(sealedBytes);
  if (members !== undefined && sealedTo > members)
    throw new KeydeskError(
      'VALIDATION',
      `${base}.age is sealed to ${sealedTo} recipients but the team has ${members} member(s): someone outside the team can open it, so Keydesk will not use it. Ask its author to share the account again.`,
    );
  const sealed = parsedTeamFile(
    sealedAccountSchema,
    await openWithIdentity(sealedBytes, identity, `${base}.age`),
    `${base}.age`,
  );
  return { plain, sealed };
}

/** The account `teamId` in the folder's working copy; undefined when it is not shared there. */
export async function folderPayload(
  folder: string,
  teamId: string,
  identity: string,
  members?: number,
): Promise<TeamPayload | undefined> {
  const base = accountFileBase(folder, teamId);
  if (!existsSync(`${base}.json`)) return undefined;
  for (const file of [`${base}.json`, `${base}.age`]) {
    // A thousand applications' keys come to under 4 MB; more is not a file Keydesk wrote.
    if (existsSync(file) && statSync(file).size > maxTeamFileBytes)
      throw new KeydeskError(
        'VALIDATION',
        `${file} is ${Math.round(statSync(file).size / 1024 / 1024)} MB: more than a shared account can be (at most ${maxTeamFileBytes / 1024 / 1024} MB), so Keydesk will not read it.`,
      );
  }
  return openPayload(
    await readFile(`${base}.json`, 'utf8'),
    await readFile(`${base}.age`),
    identity,
    base,
    members,
  );
}

/**
 * The two files of account `teamId` as bytes, hashed (what is sealed stays sealed: this hashes
 * ciphertext); undefined when the account is not shared there. Equal to the hash recorded with a
 * digest, the files are the ones that digest was taken of, and need not be opened again.
 */
export function folderFilesHash(folder: string, teamId: string): string | undefined {
  const base = accountFileBase(folder, teamId);
  if (!existsSync(`${base}.json`) || !existsSync(`${base}.age`)) return undefined;
  return createHash('sha256')
    .update(readFileSync(`${base}.json`))
    .update('\0')
    .update(readFileSync(`${base}.age`))
    .digest('hex');
}

/** Writes both files of a payload, the sealed one to every recipient, each replaced whole. */
export async function writePayload(
  folder: string,
  payload: TeamPayload,
  recipients: readonly string[],
): Promise<string[]> {
  const base = accountFileBase(folder, payload.plain.id);
  replaceVaultFile(
    `${base}.age`,
    await sealForMembers(JSON.stringify(payload.sealed), recipients),
    'The team file',
  );
  replaceVaultFile(
    `${base}.json`,
    Buffer.from(`${JSON.stringify(payload.plain, null, 2)}\n`),
    'The team file',
  );
  return [`${base}.age`, `${base}.json`];
}
