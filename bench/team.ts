import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newTeamIdentity, resealFolder, sealForMembers } from '../src/core/team/team-sealing';
import { heading } from './stats';

/** Issue 32's goal: a team folder of 1,000 accounts sealed again for a new member. */
const accounts = 1_000;
const goalMs = 10_000;

/** A team folder of 1,000 account files sealed to three members, then to a fourth as well. */
export async function benchTeam(): Promise<void> {
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
