import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { KeydeskError } from '../../shared/errors';
import { replaceVaultFile } from '../keychain/vault-file-io';
import { accountFileBase, teamIdsWith } from './team-files';

type AgeModule = typeof import('age-encryption');
let ageModule: AgeModule | undefined;
/** age-encryption (~150 ms to load) only for a team command. */
const age = () => (ageModule ??= createRequire(import.meta.url)('age-encryption') as AgeModule);

/** An engineer's team identity: the age secret key (kept in their own keychain) and its recipient. */
export interface TeamIdentity {
  identity: string;
  recipient: string;
}

/** A new age X25519 identity, as `age-keygen` makes one. */
export async function newTeamIdentity(): Promise<TeamIdentity> {
  const identity = await age().generateX25519Identity();
  return { identity, recipient: await age().identityToRecipient(identity) };
}

/** `text` as an age file every recipient can open (`age -d -i <identity>`), nobody else. */
export async function sealForMembers(
  text: string,
  recipients: readonly string[],
): Promise<Uint8Array> {
  if (recipients.length === 0)
    throw new KeydeskError('VALIDATION', 'A team file needs at least one member to read it.');
  const encrypter = new (age().Encrypter)();
  for (const recipient of recipients) {
    try {
      encrypter.addRecipient(recipient);
    } catch (error) {
      throw new KeydeskError(
        'VALIDATION',
        `"${recipient.slice(0, 80)}" is not an age recipient age can use (${(error as Error).message}): check it for a mistyped character.`,
        'recipient',
      );
    }
  }
  return encrypter.encrypt(text);
}

/** Opens a team file with this engineer's identity; one not sealed to them says so. */
export async function openWithIdentity(
  bytes: Uint8Array,
  identity: string,
  file: string,
): Promise<string> {
  const decrypter = new (age().Decrypter)();
  decrypter.addIdentity(identity);
  try {
    return await decrypter.decrypt(bytes, 'text');
  } catch (error) {
    const message = (error as Error).message;
    throw new KeydeskError(
      'VALIDATION',
      /no identity matched/i.test(message)
        ? `${file} is not sealed to your team identity: a member must share it again after adding you.`
        : `${file} is not a team file Keydesk can open (${message}).`,
    );
  }
}

/** The sealed files of a team folder (`<folder>/accounts/*.age`), by path. */
export async function sealedFiles(folder: string): Promise<string[]> {
  return (await teamIdsWith(folder, '.age')).map((id) => `${accountFileBase(folder, id)}.age`);
}

/**
 * Every sealed file of the folder opened with `identity` and sealed again to `recipients` (a
 * member added or removed), each replaced whole so a crash leaves it old or new, never a part.
 * What is inside does not change. Files are done a few at a time: age's X25519 is asynchronous.
 */
export async function resealFolder(
  folder: string,
  identity: string,
  recipients: readonly string[],
): Promise<{ files: number }> {
  return { files: await resealFiles(await sealedFiles(folder), identity, recipients) };
}

/** `files` (those that exist) opened and sealed again to `recipients`; returns how many. */
export async function resealFiles(
  given: readonly string[],
  identity: string,
  recipients: readonly string[],
): Promise<number> {
  const files = given.filter((file) => existsSync(file));
  const batch = 16;
  for (let start = 0; start < files.length; start += batch) {
    await Promise.all(
      files.slice(start, start + batch).map(async (file) => {
        const text = await openWithIdentity(await readFile(file), identity, file);
        replaceVaultFile(file, await sealForMembers(text, recipients), 'The team file');
      }),
    );
  }
  return files.length;
}
