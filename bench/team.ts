import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newTeamIdentity, resealFolder, sealForMembers } from '../src/core/team/team-sealing';
import { must, type BenchServices } from './bench-services';
import { heading } from './stats';

/** Issue 32's goal: a team folder of 1,000 accounts sealed again for a new member. */
const accounts = 1_000;
const goalMs = 10_000;

/** Sealing again for a new member, then a sync with nothing to do. */
export async function benchTeam(bench: BenchServices): Promise<void> {
  await benchReseal();
  await benchTeamSync(bench);
}

/** A team folder of 1,000 account files sealed to three members, then to a fourth as well. */
async function benchReseal(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'keydesk-bench-team-'));
  try {
    mkdirSync(join(folder, 'accounts'));
    const members = await Promise.all([1, 2, 3, 4].map(() => newTeamIdentity()));
    const [me] = members;
    if (!me) throw new Error('no identity');
    const three = members.slice(0, 3).map((m) => m.recipient);
    const payload = (i: number) =>
      JSON.stringify({
        apiSecret: `bench-secret-${i}`,
        applications: [{ id: `app-${i}`, privateKey: 'K'.repeat(1_700) }],
      });
    for (let i = 0; i < accounts; i += 1)
      writeFileSync(join(folder, 'accounts', `${i}.age`), await sealForMembers(payload(i), three));
    heading(`Team folder: ${accounts.toLocaleString('en')} accounts sealed again for a new member`);
    const start = performance.now();
    const { files } = await resealFolder(
      folder,
      me.identity,
      members.map((m) => m.recipient),
    );
    const took = performance.now() - start;
    console.log(
      `  ${files} files, 3 -> 4 members            ${(took / 1000).toFixed(2)} s   (goal <= ${goalMs / 1000} s: ${took <= goalMs ? 'met' : 'NOT met'})`,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * What every sync pays when nothing changed: each shared account's side here read (its secrets
 * from the OS keychain) and digested, each file in the folder opened and digested.
 */
async function benchTeamSync(bench: BenchServices): Promise<void> {
  const shared = 200;
  Object.assign(process.env, {
    GIT_AUTHOR_NAME: 'Bench',
    GIT_AUTHOR_EMAIL: 'bench@example.com',
    GIT_COMMITTER_NAME: 'Bench',
    GIT_COMMITTER_EMAIL: 'bench@example.com',
  });
  const folder = join(bench.dataDir, 'team');
  await must(bench.invoke('team:init', { folder, name: 'Bench' }));
  for (let i = 0; i < shared; i += 1) {
    const account = await must(
      bench.invoke('accounts:create', {
        name: `Customer ${i}`,
        apiKey: `bnch${String(i).padStart(4, '0')}`,
        apiSecret: `Bench-Secret-${i}`,
      }),
    );
    await must(bench.invoke('team:share', { accountId: account.id }));
  }
  await must(bench.invoke('team:sync', {}));
  heading(`Team sync with nothing to do: ${shared} shared accounts, OS keychain`);
  const times: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    const start = performance.now();
    await must(bench.invoke('team:sync', {}));
    times.push(performance.now() - start);
  }
  const median = [...times].sort((a, b) => a - b)[1] ?? 0;
  console.log(
    `  median of 3                          ${(median / 1000).toFixed(2)} s   (${(median / shared).toFixed(1)} ms an account)`,
  );
}
