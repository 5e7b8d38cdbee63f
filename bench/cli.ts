import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { heading, timingOf } from './stats';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServices, keychainOpener } from '../src/core/services';
import { createInvoke } from '../src/core/handlers';
import { addBenchApplication, type BenchServices } from './bench-services';

const root = join(import.meta.dirname, '..');
const appId = 'dddddddd-bbbb-cccc-dddd-0123456789ab';
const runs = 21;
/** The goal for `keydesk jwt APP`: at most this many times a bare `node -e 0`. */
const goalRatio = 2.5;
/** Issue 29's goal: `keydesk jwt` on the vault file within an unlock session, to the OS keychain's. */
const sessionGoal = 1.3;

/**
 * Whole processes, interleaved (floor, then each command, then the floor again…) so that a busy
 * moment of the machine lands on all of them alike; medians, and each as a ratio to the floor.
 */
function pairedMedians(
  commands: [string, string[], NodeJS.ProcessEnv?][],
  env: NodeJS.ProcessEnv,
): number[][] {
  const samples = commands.map(() => [] as number[]);
  for (let run = 0; run < runs; run += 1) {
    for (const [index, [command, args, extra]] of commands.entries()) {
      const start = performance.now();
      const result = spawnSync(command, args, {
        env: { ...env, ...extra },
        encoding: 'utf8',
        input: '',
      });
      samples[index]?.push(performance.now() - start);
      if (result.status !== 0 && !args.includes('decode'))
        throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
    }
  }
  return samples;
}

const passphrase = 'bench vault file passphrase';

/** A second data folder whose secrets are in the vault file, with the same application. */
async function fileVaultFolder(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'keydesk-bench-file-'));
  const services = createServices({
    dataDir,
    env: { KEYDESK_KEYCHAIN: 'file' },
    keychain: keychainOpener({}, dataDir, async () => passphrase),
  });
  try {
    await addBenchApplication({ invoke: createInvoke(services) } as BenchServices, appId);
  } finally {
    services.close();
  }
  return dataDir;
}

/** `keydesk` as a whole process: node startup, CLI bundle, SQLite, keychain read, sign. */
export async function benchCli(bench: BenchServices): Promise<void> {
  const { dataDir, keychainService } = bench;
  await addBenchApplication(bench, appId);
  const env = { ...process.env, KEYDESK_HOME: dataDir, KEYDESK_KEYCHAIN_SERVICE: keychainService };
  const cli = join(root, 'bin', 'keydesk.cjs');
  const token = spawnSync(process.execPath, [cli, 'jwt', appId], {
    env,
    encoding: 'utf8',
  }).stdout.trim();
  const node = process.execPath;
  const fileDir = await fileVaultFolder();
  const onFile = {
    KEYDESK_HOME: fileDir,
    KEYDESK_KEYCHAIN: 'file',
    KEYDESK_PASSPHRASE: passphrase,
  };
  // `keydesk unlock` once; then the file's commands run with its session instead of a passphrase.
  const runtime = mkdtempSync(join(tmpdir(), 'keydesk-bench-runtime-'));
  const unlocked = spawnSync(node, [cli, 'unlock', '--for', '1h'], {
    env: { ...env, ...onFile, XDG_RUNTIME_DIR: runtime },
    encoding: 'utf8',
  });
  const session = /KEYDESK_SESSION=(\S+)/.exec(unlocked.stdout)?.[1];
  if (!session) throw new Error(`keydesk unlock failed: ${unlocked.stderr}`);
  const inSession = {
    KEYDESK_HOME: fileDir,
    KEYDESK_SESSION: session,
    XDG_RUNTIME_DIR: runtime,
  };
  const commands: [string, [string, string[], NodeJS.ProcessEnv?]][] = [
    ['node -e 0 (the floor)', [node, ['-e', '0']]],
    ['keydesk --help', [node, [cli, '--help']]],
    ['keydesk accounts list', [node, [cli, 'accounts', 'list']]],
    ['keydesk decode TOKEN', [node, [cli, 'decode', token]]],
    ['keydesk jwt APP', [node, [cli, 'jwt', appId]]],
    ['keydesk jwt APP, vault file in a session', [node, [cli, 'jwt', appId], inSession]],
    // What the code cache (in the user's cache folder) saves.
    ['keydesk jwt APP, no code cache', [node, [cli, 'jwt', appId], { KEYDESK_CODE_CACHE: 'off' }]],
    ["jwt's unavoidable work alone", [node, [join(root, 'bench', 'cli-floor.mjs'), appId]]],
  ];
  heading(`CLI, whole process wall time (${runs} interleaved runs each, medians)`);
  const samples = pairedMedians(
    commands.map(([, c]) => c),
    env,
  );
  const floor = timingOf(samples[0] ?? []).p50;
  // Apart, after the others: its scrypt (256 MiB, a second of CPU) slowed whatever ran next.
  const [fileFloor = [], onFileJwt = []] = pairedMedians(
    [
      [node, ['-e', '0']],
      [node, [cli, 'jwt', appId], onFile],
    ],
    env,
  );
  const fileRatio = timingOf(onFileJwt).p50 / timingOf(fileFloor).p50;
  for (const [index, [label]] of commands.entries()) {
    const value = timingOf(samples[index] ?? []).p50;
    const ratio = value / floor;
    const osJwt = timingOf(samples[commands.findIndex(([l]) => l === 'keydesk jwt APP')] ?? []).p50;
    const goal =
      label === 'keydesk jwt APP'
        ? `   (goal <= ${goalRatio}x: ${ratio <= goalRatio ? 'met' : 'NOT met'})`
        : label === 'keydesk jwt APP, vault file in a session'
          ? `   (${(value / osJwt).toFixed(2)}x the OS keychain's jwt; goal <= ${sessionGoal}x: ${value / osJwt <= sessionGoal ? 'met' : 'NOT met'})`
          : '';
    console.log(
      `  ${label.padEnd(40)} ${value.toFixed(1).padStart(7)} ms   ${ratio.toFixed(2)}x${goal}`,
    );
  }
  console.log(
    `  ${'keydesk jwt APP, vault file (scrypt once)'.padEnd(40)} ${timingOf(onFileJwt).p50.toFixed(1).padStart(7)} ms   ${fileRatio.toFixed(2)}x`,
  );
  rmSync(fileDir, { recursive: true, force: true });
  rmSync(runtime, { recursive: true, force: true });
}
