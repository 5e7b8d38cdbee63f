import { spawn, type ChildProcess } from 'node:child_process';
import { constants } from 'node:os';
import { io, runsAsTheProcess } from './cli-io';

/** Signals passed on to the command; the caller's clean-up runs once it has ended. */
const forwarded = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'] as const;

/**
 * Runs a command with the terminal and the given environment, passing on the signals above;
 * `cleanUp` runs when it has ended, however it ended. Resolves with its exit code; a command that
 * died of a signal makes this process die of the same signal (after the clean-up), as a shell
 * reports it. A run in another process's io (the tests') gives the command that io's streams and
 * folder instead, and reports a signal as a shell's 128 + its number.
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
    const own = runsAsTheProcess();
    const { stdin, stdout, stderr, cwd } = io();
    const child = (started.child = spawn(program, args, {
      stdio: own ? 'inherit' : 'pipe',
      env,
      cwd,
    }));
    if (!own) {
      // A command that does not read its input closes the pipe early: nothing to report.
      child.stdin?.on('error', () => undefined);
      if (child.stdin) stdin.pipe(child.stdin);
      child.stdout?.on('data', (chunk: Buffer) => stdout.write(chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => stderr.write(chunk.toString()));
    }
    let ended = false;
    /** False when it had ended already (a command that cannot start also closes). */
    const done = () => {
      if (ended) return false;
      ended = true;
      for (const signal of forwarded) process.off(signal, relay);
      cleanUp();
      return true;
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (!done()) return;
      stderr.write(
        `keydesk: ${error.code === 'ENOENT' ? `command not found: ${program}` : `cannot run ${program}: ${error.message}`}\n`,
      );
      resolve(error.code === 'ENOENT' ? 127 : 126);
    });
    // 'close': after its output (piped in the tests' io) has all been passed on.
    child.on('close', (code, signal) => {
      if (!done()) return;
      if (signal) {
        if (own) process.kill(process.pid, signal);
        resolve(128 + (constants.signals[signal] ?? 1));
        return;
      }
      resolve(code ?? 1);
    });
  });
}
