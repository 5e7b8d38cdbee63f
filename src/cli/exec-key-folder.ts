import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from './cli-error';
import { ensurePrivateFolder, keydeskRuntimeDir } from './private-folder';
import { io, homeFolder } from './cli-io';

/**
 * Where `exec` keeps a command's private key file while it runs: the user's runtime folder
 * (XDG_RUNTIME_DIR: memory only, the user's alone, emptied at logout), else the user's cache
 * folder; never a shared temporary folder. Each folder is named with keydesk's pid, so a run
 * killed with SIGKILL (which no handler sees) has its key swept by the next exec.
 */
export function execKeyRoot(
  env: NodeJS.ProcessEnv = io().env,
  platform: NodeJS.Platform = process.platform,
  home: string = homeFolder(),
): string {
  return keydeskRuntimeDir(env, platform, home, 'exec');
}

const folderName = /^exec-(\d+)-[A-Za-z0-9]{6}$/;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the key folders of keydesk processes that are gone; nothing else in the folder. */
function sweepLeftovers(root: string): void {
  for (const name of readdirSync(root)) {
    const pid = Number(folderName.exec(name)?.[1]);
    if (!pid || pid === process.pid || isRunning(pid)) continue;
    rmSync(join(root, name), { recursive: true, force: true });
  }
}

/** A new folder of this process's for the key file, after sweeping what killed runs left. */
export function makeExecKeyFolder(): string {
  const root = execKeyRoot();
  const checked = ensurePrivateFolder(root);
  if (!checked.ok) {
    throw new CliError(
      `Cannot keep the private key file in ${root}: ${checked.why}. Make it a folder of yours that only you can open (chmod 700), or set XDG_RUNTIME_DIR to one.`,
    );
  }
  sweepLeftovers(root);
  return mkdtempSync(join(root, `exec-${process.pid}-`));
}
