import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, cliRunnerAsync } from '../helpers/cli';
import { createTestKeychain } from '../helpers/keychain';
import { makeDataDir } from '../helpers/services';
import { bareRemoteFor, gitAs, gitOut } from '../helpers/team';

/**
 * `keydesk team sync` of the built CLI, on the OS keychain, killed (SIGKILL) at each of its git
 * steps: the next sync finds what the killed one left (files written and not committed, a rebase
 * under way or done, commits not pushed) and finishes, each change sent and received once. Only
 * a real process can be killed half-way; the rest of sync is tested as units (unit/cli-team-sync).
 */

/**
 * A `git` first on PATH that, at the first call naming `$KILL_AT` (commit, rebase, push…), kills
 * the Keydesk that called it and then does the work anyway, as git carries on when its parent
 * dies.
 */
function gitThatKillsItsCaller(): string {
  const bin = mkdtempSync(join(tmpdir(), 'keydesk-git-'));
  const realGit = `${execFileSync('git', ['--exec-path'], { encoding: 'utf8' }).trim()}/git`;
  writeFileSync(
    join(bin, 'git'),
    `#!/bin/sh
if [ -n "$KILL_AT" ] && [ ! -e "$KILL_MARK" ]; then
  for arg in "$@"; do
    if [ "$arg" = "$KILL_AT" ]; then touch "$KILL_MARK"; kill -9 "$PPID"; break; fi
  done
fi
exec ${realGit} "$@"
`,
  );
  chmodSync(join(bin, 'git'), 0o755);
  return bin;
}

const anaKeychain = createTestKeychain();
const benKeychain = createTestKeychain();
const root = mkdtempSync(join(tmpdir(), 'keydesk-team-killed-'));
const path = `${gitThatKillsItsCaller()}:${process.env.PATH ?? ''}`;
const ana = cliRunnerAsync(makeDataDir(), anaKeychain.service, { ...gitAs('Ana'), PATH: path });
const benEnv = { ...gitAs('Ben'), PATH: path };
const ben = cliRunnerAsync(makeDataDir(), benKeychain.service, benEnv);
const steps = ['add', 'commit', 'rebase', 'push'];
let bare = '';

const ok = async (run: Promise<{ code: number | null; stdout: string; stderr: string }>) => {
  const done = await run;
  expect(done.code, done.stderr).toBe(0);
  return done;
};
const secretOf = async (keydesk: typeof ana, account: string) =>
  (await ok(keydesk(['accounts', 'secret', account]))).stdout.trim();

beforeAll(async () => {
  assertCliBuilt();
  const add = (name: string, apiKey: string, secret: string) =>
    ok(ana(['accounts', 'add', '--name', name, '--api-key', apiKey], { stdin: secret }));
  await add('Acme', 'acme0001', 'Acme-1a');
  await add('Globex', 'glob0001', 'Globex-1a');
  await ok(ana(['team', 'init', join(root, 'ana'), '--name', 'Ana']));
  await ok(ana(['team', 'share', 'Acme']));
  await ok(ana(['team', 'share', 'Globex']));
  bare = bareRemoteFor(join(root, 'ana'));
  const recipient = (await ok(ben(['team', 'identity']))).stdout.trim();
  await ok(ana(['team', 'add-member', 'Ben', recipient]));
  await ok(ana(['team', 'sync']));
  await ok(ben(['team', 'join', bare, join(root, 'ben')]));
});
afterAll(async () => {
  await anaKeychain.clear();
  await benKeychain.clear();
});

describe('keydesk team sync killed at each git step', () => {
  it.each(steps)(
    'killed at git %s, the next sync sends and receives each change once',
    async (step) => {
      await ok(ana(['accounts', 'edit', 'Acme', '--secret-stdin'], { stdin: `Acme-${step}` }));
      await ok(ana(['team', 'sync']));
      await ok(ben(['accounts', 'edit', 'Globex', '--secret-stdin'], { stdin: `Globex-${step}` }));
      const commitsBefore = gitOut(bare, 'log', '--format=%s').split('\n').length;

      const mark = join(root, `killed-at-${step}`);
      const killed = await ben(['team', 'sync'], {
        env: { ...benEnv, KILL_AT: step, KILL_MARK: mark },
      });
      expect(existsSync(mark)).toBe(true);
      expect(killed.code).toBeNull();
      // git carries on without its caller; the next sync starts once it is done.
      const folder = join(root, 'ben');
      for (let waited = 0; waited < 100; waited++) {
        if (!existsSync(join(folder, '.git', 'index.lock'))) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }

      await ok(ben(['team', 'sync']));
      expect(await secretOf(ben, 'Acme')).toBe(`Acme-${step}`);
      expect(gitOut(folder, 'status', '--porcelain')).toBe('');
      expect(gitOut(folder, 'rev-parse', 'HEAD')).toBe(gitOut(bare, 'rev-parse', 'HEAD'));
      const log = gitOut(bare, 'log', '--format=%s').split('\n');
      // One commit of Ben's per case so far: the killed run's change is never sent twice.
      expect(log.filter((s) => s === 'Ben changed "Globex" (glob0001)')).toHaveLength(
        steps.indexOf(step) + 1,
      );
      expect(log).toHaveLength(commitsBefore + 1);
      await ok(ana(['team', 'sync']));
      expect(await secretOf(ana, 'Globex')).toBe(`Globex-${step}`);
    },
  );
});
