import { AsyncLocalStorage } from 'node:async_hooks';
import { homedir } from 'node:os';

/**
 * What a command reads and writes besides the vault: its streams, what they are (a terminal or a
 * pipe), its environment and folder, and the exit code it asks for. The process's own by default;
 * a run in the tests' process (runCli) gives its own, so a command is a unit that can be run and
 * read back without spawning the bundle.
 */
export interface CliIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** The whole command line (`node keydesk exec APP -- …`): where a `--` stands. */
  argv: readonly string[];
  /** The code the run ends with when nothing fails (a check that found a problem asks for 1). */
  exitCode: number;
}

const runs = new AsyncLocalStorage<CliIo>();

const processIo: CliIo = {
  get stdin() {
    return process.stdin;
  },
  get stdout() {
    return process.stdout;
  },
  get stderr() {
    return process.stderr;
  },
  get env() {
    return process.env;
  },
  get cwd() {
    return process.cwd();
  },
  get argv() {
    return process.argv;
  },
  exitCode: 0,
};

/** The current run's io: the process's, or the one a test gave runCli. */
export const io = (): CliIo => runs.getStore() ?? processIo;

/** The user's home folder as this run's environment says (as os.homedir() reads $HOME). */
export const homeFolder = (): string => io().env.HOME || homedir();

/** Whether this run is the process itself (its first environment is what /proc shows). */
export const runsAsTheProcess = (): boolean => runs.getStore() === undefined;

/** Runs `work` with `given` as every command's io (and everything they call). */
export const withIo = <T>(given: CliIo, work: () => T): T => runs.run(given, work);

/** The run ends with `code` unless it fails (exit 1 when a check found a problem). */
export function exitWith(code: number): void {
  io().exitCode = code;
}
