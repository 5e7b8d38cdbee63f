import { rmSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { execKeyRoot } from './exec-key-folder';
import { runCommand } from './run-command';

/**
 * What `keydesk exec` becomes (process.execve: same pid, a new first environment) when it was
 * started with the vault's passphrase or session in its environment: the command's parent then
 * shows the command nothing more than its own environment in /proc/PID/environ. Run as
 * `node exec-supervisor.cjs <key folder or ""> <program> [args…]` with the command's environment;
 * removes the key folder (only exec's own, named with this pid) once the command has ended.
 */
function keyFolderOf(given: string | undefined): string | undefined {
  if (!given) return undefined;
  const own = new RegExp(`^exec-${process.pid}-[A-Za-z0-9]{6}$`);
  if (dirname(given) !== execKeyRoot() || !own.test(basename(given))) {
    process.stderr.write(`keydesk: ${given} is not a key folder of this exec; it is left alone.\n`);
    return undefined;
  }
  return given;
}

const [given, program, ...args] = process.argv.slice(2);
const folder = keyFolderOf(given);
if (!program) {
  process.stderr.write('keydesk: exec-supervisor runs only from keydesk exec.\n');
  process.exitCode = 2;
} else {
  void runCommand(program, args, process.env, () => {
    if (folder) rmSync(folder, { recursive: true, force: true });
  }).then((code) => {
    process.exitCode = code;
  });
}
