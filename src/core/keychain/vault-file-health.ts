import { chmodSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * What the doctor checks of the vault file beyond its entries: that only its owner can read it,
 * and that no temporary file of an interrupted write lies beside it (a writer killed before its
 * rename leaves one; the vault file itself is whole either way). `fix` repairs both.
 */
export function checkVaultFile(path: string, fix: boolean) {
  const repairs: string[] = [];
  const needsAttention: string[] = [];
  let mode: number | undefined;
  try {
    mode = statSync(path).mode & 0o777;
  } catch {
    // No file yet: nothing stored, nothing to check.
  }
  if (mode !== undefined && process.platform !== 'win32' && (mode & 0o077) !== 0) {
    const shown = mode.toString(8).padStart(4, '0');
    if (fix) {
      chmodSync(path, 0o600);
      repairs.push(
        `The vault file ${path} was readable by others (mode ${shown}); it is now 0600.`,
      );
    } else
      needsAttention.push(
        `The vault file ${path} is readable by others (mode ${shown}); --fix makes it 0600.`,
      );
  }
  const leftovers = readdirSync(dirname(path)).filter(
    (name) => name.startsWith(`.${basename(path)}.`) && name.endsWith('.tmp'),
  );
  for (const name of leftovers) {
    const leftover = join(dirname(path), name);
    if (fix) {
      rmSync(leftover, { force: true });
      repairs.push(`Removed ${leftover}, left by an interrupted write (the vault file is whole).`);
    } else
      needsAttention.push(
        `${leftover} was left by an interrupted write (the vault file is whole); --fix removes it.`,
      );
  }
  return { repairs, needsAttention };
}
