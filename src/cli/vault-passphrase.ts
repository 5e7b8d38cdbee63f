import { KeydeskError } from '../shared/errors';
import type { PassphraseSource } from '../core/keychain/file-keychain';
import { note, terminalSafe } from './output';
import { promptHidden } from './terminal-input';
import { vaultUnlockVariable } from './vault-unlock-variables';

/** Ctrl+C at the prompt: the change is called off, said as such (not an internal error). */
async function typed(prompt: string): Promise<string> {
  try {
    return await promptHidden(prompt);
  } catch {
    throw new KeydeskError('CANCELLED', 'No passphrase was typed; nothing was read or changed.');
  }
}

/**
 * The vault file's passphrase for one run: KEYDESK_PASSPHRASE for scripts, else typed at a
 * terminal without echo (twice for a new file), else a refusal saying how to give it. Asked at
 * most once a run: the file key it opens is kept for the rest of the run.
 */
export const cliPassphrase: PassphraseSource = async (purpose, path) => {
  const fromEnvironment = vaultUnlockVariable('KEYDESK_PASSPHRASE');
  if (fromEnvironment) return fromEnvironment;
  if (!process.stdin.isTTY)
    throw new KeydeskError(
      'KEYCHAIN_LOCKED',
      `The vault file ${path} needs its passphrase: set KEYDESK_PASSPHRASE for a script, or run the command in a terminal to type it.`,
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
