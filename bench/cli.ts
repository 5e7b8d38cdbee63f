import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { heading, report, timingOf } from './stats';
import { addBenchApplication, type BenchServices } from './bench-services';

const root = join(import.meta.dirname, '..');
const appId = 'dddddddd-bbbb-cccc-dddd-0123456789ab';

function wallTimes(runs: number, command: string, args: string[], env: NodeJS.ProcessEnv) {
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    const result = spawnSync(command, args, { env, encoding: 'utf8' });
    samples.push(performance.now() - start);
    if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
  }
  return samples;
}

/** `keydesk jwt APP` as a whole process: node startup, CLI bundle, SQLite, keychain read, sign. */
export async function benchCli(bench: BenchServices): Promise<void> {
  const { dataDir, keychainService } = bench;
  await addBenchApplication(bench, appId);
  const env = { ...process.env, KEYDESK_HOME: dataDir, KEYDESK_KEYCHAIN_SERVICE: keychainService };
  const cli = join(root, 'bin', 'keydesk.js');
  heading('CLI, whole process wall time (20 runs each)');
  const baseline = wallTimes(20, process.execPath, ['-e', '0'], env);
  const help = wallTimes(20, process.execPath, [cli, '--help'], env);
  const jwt = wallTimes(20, process.execPath, [cli, 'jwt', appId], env);
  report('node -e 0 (the floor)', timingOf(baseline));
  report('keydesk --help', timingOf(help));
  report('keydesk jwt APP', timingOf(jwt), 300);
}
