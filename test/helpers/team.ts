import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { cliInProcess } from './cli-in-process';

/** An engineer's git identity, as the team's commits name them. */
export const gitAs = (name: string) => ({
  GIT_AUTHOR_NAME: name,
  GIT_AUTHOR_EMAIL: `${name.toLowerCase()}@example.com`,
  GIT_COMMITTER_NAME: name,
  GIT_COMMITTER_EMAIL: `${name.toLowerCase()}@example.com`,
});

export const gitOut = (folder: string, ...args: string[]) =>
  execFileSync('git', ['-C', folder, ...args], { encoding: 'utf8' }).trim();

/** An engineer's identity from their keychain, in a file `age -i` reads. */
export async function identityFile(
  keydesk: ReturnType<typeof cliInProcess>,
  name: string,
): Promise<string> {
  const ref = (await keydesk.keychain.listRefs()).find((r) => r.endsWith('team/me/identity'));
  const file = join(mkdtempSync(join(tmpdir(), 'keydesk-identity-')), `${name}.key`);
  writeFileSync(file, `${(await keydesk.keychain.get(ref ?? '')) ?? ''}\n`, { mode: 0o600 });
  return file;
}

/** What `age -d -i identity` opens the file to (the oracle), or null when it cannot. */
export const ageOpens = (identity: string, file: string) => {
  const run = spawnSync('age', ['-d', '-i', identity, file], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout : null;
};

/** A bare repository in a local folder as the team's remote, `folder` pushed to it (upstream set). */
export function bareRemoteFor(folder: string): string {
  const bare = join(mkdtempSync(join(tmpdir(), 'keydesk-team-remote-')), 'team.git');
  const branch = gitOut(folder, 'rev-parse', '--abbrev-ref', 'HEAD');
  execFileSync('git', ['init', '--quiet', '--bare', `--initial-branch=${branch}`, bare]);
  gitOut(folder, 'remote', 'add', 'origin', bare);
  gitOut(folder, 'push', '--quiet', '-u', 'origin', branch);
  return bare;
}
