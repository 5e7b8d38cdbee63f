import { spawn, type ChildProcess } from 'node:child_process';

/** Signals passed on to the command; the caller's clean-up runs once it has ended. */
const forwarded = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'] as const;

/**
 * Runs a command with the terminal and the given environment, passing on the signals above;
 * `cleanUp` runs when it has ended, however it ended. Resolves with its exit code; a command that
 * died of a signal makes this process die of the same signal (after the clean-up), as a shell
 * reports it.
 */
export function runCommand(
  program: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cleanUp: () => void,
): Promise<number> {
  return new Promise<number>((resolve) => {
    // Listening before the command starts: a signal sent as soon as the command shows a sign of
    // life (its first output) must find the relay, not the default action that would end this
    // process before its clean-up. Handlers run on the event loop, after `child` is set below.
    const started: { child?: ChildProcess } = {};
    const relay = (signal: NodeJS.Signals) => started.child?.kill(signal);
    for (const signal of forwarded) process.on(signal, relay);
    const child = (started.child = spawn(program, args, { stdio: 'inherit', env }));
    const done = () => {
      for (const signal of forwarded) process.off(signal, relay);
      cleanUp();
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      done();
      process.stderr.write(
        `keydesk: ${error.code === 'ENOENT' ? `command not found: ${program}` : `cannot run ${program}: ${error.message}`}\n`,
      );
      resolve(error.code === 'ENOENT' ? 127 : 126);
    });
    child.on('exit', (code, signal) => {
      done();
      if (signal) {
        process.kill(process.pid, signal);
        resolve(128 + 1);
        return;
      }
      resolve(code ?? 1);
    });
  });
}
