import { KeydeskError } from '../shared/errors';
import type { PassphraseSource } from '../core/keychain/file-keychain';
import { note, terminalSafe } from './output';
import { readOwnFile } from './private-folder';
import { promptHidden } from './terminal-input';
import { vaultUnlockVariable } from './vault-unlock-variables';
import { io } from './cli-io';

/** Ctrl+C at the prompt: the change is called off, said as such (not an internal error). */
async function typed(prompt: string): Promise<string> {
  try {
    return await promptHidden(prompt);
  } catch {
    throw new KeydeskError('CANCELLED', 'No passphrase was typed; nothing was read or changed.');
  }
}

/**
 * KEYDESK_PASSPHRASE_FILE: a file of the user's that nobody else may read (as ssh keeps a key), its
 * first line the passphrase. Kept out of the environment's listings, unlike KEYDESK_PASSPHRASE.
 */
function passphraseFromFile(file: string): string {
  const read = readOwnFile(file, { followLinks: true });
  if (!read)
    throw new KeydeskError(
      'VALIDATION',
      `KEYDESK_PASSPHRASE_FILE names ${terminalSafe(file)}, which is not a file Keydesk can read.`,
      'KEYDESK_PASSPHRASE_FILE',
    );
  if ('why' in read)
    throw new KeydeskError(
      'VALIDATION',
      `KEYDESK_PASSPHRASE_FILE names ${terminalSafe(file)}, but ${read.why}; make it yours and readable by you alone (chmod 600).`,
      'KEYDESK_PASSPHRASE_FILE',
    );
  const passphrase = read.bytes.toString('utf8').replace(/\r?\n$/, '');
  if (!passphrase || passphrase.includes('\n'))
    throw new KeydeskError(
      'VALIDATION',
      `KEYDESK_PASSPHRASE_FILE names ${terminalSafe(file)}, which should hold the passphrase on one line.`,
      'KEYDESK_PASSPHRASE_FILE',
    );
  return passphrase;
}

/**
 * The vault file's passphrase for one run: KEYDESK_PASSPHRASE or KEYDESK_PASSPHRASE_FILE for
 * scripts, else typed at a terminal without echo (twice for a new file), else a refusal saying
 * how to give it. Asked at most once a run: the file key it opens is kept for the rest of the run.
 */
export const cliPassphrase: PassphraseSource = async (purpose, path) => {
  const fromEnvironment = vaultUnlockVariable('KEYDESK_PASSPHRASE');
  if (fromEnvironment) return fromEnvironment;
  const file = vaultUnlockVariable('KEYDESK_PASSPHRASE_FILE');
  if (file) return passphraseFromFile(file);
  if (!io().stdin.isTTY)
    throw new KeydeskError(
      'KEYCHAIN_LOCKED',
      `The vault file ${path} needs its passphrase: run eval "$(keydesk unlock)" in a terminal first, set KEYDESK_PASSPHRASE_FILE (or KEYDESK_PASSPHRASE) for a script, or run the command in a terminal to type it.`,
    );
  const where = terminalSafe(path);
  if (purpose === 'open') return typed(`Passphrase for the vault file ${where}: `);
  note(`keydesk: creating the encrypted vault file ${where}.`);
  const first = await typed('Choose its passphrase: ');
  if ((await typed('Type it again: ')) !== first)
    throw new KeydeskError(
      'VALIDATION',
      'The two passphrases differ; no vault file was created.',
      'passphrase',
    );
  return first;
};
