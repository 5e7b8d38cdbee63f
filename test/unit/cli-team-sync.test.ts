import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliInProcess } from '../helpers/cli-in-process';
import { fakeVonageEnv, startFakeVonage, type FakeVonage } from '../helpers/fake-vonage';
import { makeRsaKeys } from '../helpers/keys';
import { makeDataDir } from '../helpers/services';
import { ageOpens, bareRemoteFor, gitAs, gitOut, identityFile } from '../helpers/team';

/**
 * Three engineers (three data folders, three working copies) and the team's bare repository in a
 * local folder: join, edits on both sides, a real conflict, removal with rotation at the Vonage
 * fake, and files a member must not trust. (A sync killed half-way: integration/cli-killed.)
 */
const appId = 'aaaaaaaa-bbbb-4ccc-8ddd-0000000000f1';
const keys = makeRsaKeys();
const root = mkdtempSync(join(tmpdir(), 'keydesk-team-sync-'));
let fake: FakeVonage;
let ana: ReturnType<typeof cliInProcess>;
let ben: ReturnType<typeof cliInProcess>;
let cy: ReturnType<typeof cliInProcess>;
let bare: string;
const folderOf = { ana: join(root, 'ana'), ben: join(root, 'ben'), cy: join(root, 'cy') };

const ok = async (run: Promise<{ code: number; stdout: string; stderr: string }>) => {
  const done = await run;
  expect(done.code, done.stderr + done.stdout).toBe(0);
  return done;
};
const secretOf = async (keydesk: typeof ana, account: string) =>
  (await ok(keydesk(['accounts', 'secret', account]))).stdout.trim();
const setSecret = (keydesk: typeof ana, account: string, secret: string) =>
  ok(keydesk(['accounts', 'edit', account, '--secret-stdin'], { stdin: secret }));

beforeAll(async () => {
  fake = await startFakeVonage();
  const env = fakeVonageEnv(fake);
  ana = cliInProcess(makeDataDir(), { ...env, ...gitAs('Ana') });
  ben = cliInProcess(makeDataDir(), { ...env, ...gitAs('Ben') });
  cy = cliInProcess(makeDataDir(), { ...env, ...gitAs('Cy') });
  fake.accounts.set('acme0001', { apiKey: 'acme0001', secret: 'Acme-Secret-1', balance: 1 });
  fake.accounts.set('glob0001', { apiKey: 'glob0001', secret: 'Globex-Secret-1', balance: 1 });
  fake.applications.set(appId, {
    id: appId,
    apiKey: 'acme0001',
    name: 'Voice',
    capabilities: { voice: {} },
    publicKey: keys.spki,
  });
  await ok(
    ana(['accounts', 'add', '--name', 'Acme', '--api-key', 'acme0001'], { stdin: 'Acme-Secret-1' }),
  );
  await ok(
    ana(['accounts', 'add', '--name', 'Globex', '--api-key', 'glob0001'], {
      stdin: 'Globex-Secret-1',
    }),
  );
  const keyFile = join(root, 'voice.key');
  writeFileSync(keyFile, keys.pkcs8);
  await ok(
    ana([
      'apps',
      'add',
      '--account',
      'Acme',
      '--id',
      appId,
      '--name',
      'Voice',
      '--key-file',
      keyFile,
    ]),
  );

  await ok(ana(['team', 'init', folderOf.ana, '--name', 'Ana']));
  await ok(ana(['team', 'share', 'Acme']));
  await ok(ana(['team', 'share', 'Globex']));
  bare = bareRemoteFor(folderOf.ana);
  for (const [name, keydesk] of [
    ['Ben', ben],
    ['Cy', cy],
  ] as const) {
    const recipient = (await ok(keydesk(['team', 'identity']))).stdout.trim();
    await ok(ana(['team', 'add-member', name, recipient]));
  }
  const synced = await ok(ana(['team', 'sync']));
  expect(synced.stderr).toContain('(2 commit(s) pushed)');
});
afterAll(async () => {
  await fake.close();
});

describe('a team of three on one bare repository', () => {
  it('Ben and Cy join and hold every shared account, its secret and its key', async () => {
    for (const [keydesk, folder] of [
      [ben, folderOf.ben],
      [cy, folderOf.cy],
    ] as const) {
      const joined = await ok(keydesk(['team', 'join', bare, folder]));
      expect(joined.stdout).toBe('Added Acme\nAdded Globex\n');
      expect(await secretOf(keydesk, 'Acme')).toBe('Acme-Secret-1');
      await ok(keydesk(['jwt', 'Voice']));
    }
    const list = (await ok(ben(['accounts', 'list']))).stdout;
    expect(list).toMatch(/^NAME\s+API KEY\s+APPS\s+LABEL\s+TEAM$/m);
    expect(list).toMatch(/^Acme\s+acme0001\s+1\s+\S+\s+shared$/m);
    const status = JSON.parse((await ok(ben(['team', 'status', '--json']))).stdout);
    expect(status).toMatchObject({ joined: true, member: 'Ben', shared: 2 });
    expect(status.upstream).toMatch(/^origin\//);
  });

  it('edits of different accounts on two sides merge cleanly, in a straight history', async () => {
    await setSecret(ana, 'Acme', 'Acme-Secret-2');
    await ok(ben(['accounts', 'edit', 'Globex', '--name', 'Globex Corp', '--color', 'red']));
    expect((await ok(ana(['team', 'sync']))).stdout).toBe('Sent Acme\n');
    expect((await ok(ben(['team', 'sync']))).stdout).toBe('Sent Globex Corp\nReceived Acme\n');
    expect((await ok(ana(['team', 'sync']))).stdout).toBe('Received Globex Corp\n');
    expect((await ok(cy(['team', 'sync']))).stdout).toBe('Received Acme\nReceived Globex Corp\n');

    expect(await secretOf(cy, 'Acme')).toBe('Acme-Secret-2');
    expect(await secretOf(ben, 'Acme')).toBe('Acme-Secret-2');
    const globex = JSON.parse(
      (await ok(ana(['accounts', 'show', 'Globex Corp', '--json']))).stdout,
    );
    expect(globex).toMatchObject({ name: 'Globex Corp', color: 'red' });
    expect(gitOut(bare, 'log', '--merges', '--oneline')).toBe('');
    expect(gitOut(bare, 'log', '-2', '--format=%an: %s').split('\n')).toEqual([
      'Ben: Ben changed "Globex Corp" (glob0001)',
      'Ana: Ana changed "Acme" (acme0001)',
    ]);
    // A sync with nothing to do changes nothing.
    const idle = await ok(cy(['team', 'sync']));
    expect(idle.stdout).toBe('');
  });

  it('the same account changed on both sides is a conflict named with both commits; nothing is lost', async () => {
    await setSecret(ana, 'Acme', 'Acme-Secret-A');
    await setSecret(ben, 'Acme', 'Acme-Secret-B');
    await ok(ana(['team', 'sync']));
    const anaCommit = gitOut(bare, 'log', '-1', '--format=%h');
    const remoteBefore = gitOut(bare, 'rev-parse', 'HEAD');

    const clash = await ben(['team', 'sync']);
    expect(clash.code).toBe(1);
    const benCommit = gitOut(folderOf.ben, 'log', '-1', '--format=%h');
    expect(clash.stdout).toBe(
      `Conflict: Acme: yours (${benCommit} by Ben) and the team's (${anaCommit} by Ana ("Ana changed "Acme" (acme0001)")) both changed it\n`,
    );
    expect(clash.stderr).toContain('keydesk team sync --mine "Acme" (yours) or --theirs "Acme"');
    // Ben's secret, Ben's commit and the team's remote are as they were; no rebase is left open.
    expect(await secretOf(ben, 'Acme')).toBe('Acme-Secret-B');
    expect(gitOut(bare, 'rev-parse', 'HEAD')).toBe(remoteBefore);
    expect(gitOut(folderOf.ben, 'status', '--porcelain')).toBe('');
    expect(existsSync(join(folderOf.ben, '.git', 'rebase-merge'))).toBe(false);

    expect((await ok(ben(['team', 'status']))).stdout).toMatch(/^Last sync {3}.* conflict: Acme$/m);
    const settled = await ok(ben(['team', 'sync', '--theirs', 'Acme']));
    expect(settled.stdout).toBe('Received Acme\n');
    expect(await secretOf(ben, 'Acme')).toBe('Acme-Secret-A');
    expect(gitOut(folderOf.ben, 'rev-parse', 'HEAD')).toBe(gitOut(bare, 'rev-parse', 'HEAD'));

    // The other way round: Cy keeps hers.
    await ok(ana(['accounts', 'edit', 'Globex Corp', '--color', 'blue']));
    await ok(cy(['accounts', 'edit', 'Globex Corp', '--color', 'green']));
    await ok(ana(['team', 'sync']));
    expect((await cy(['team', 'sync'])).code).toBe(1);
    expect((await ok(cy(['team', 'sync', '--mine', 'Globex Corp']))).stdout).toBe(
      'Received Acme\n',
    );
    expect((await ok(ana(['team', 'sync']))).stdout).toBe('Received Globex Corp\n');
    const globex = JSON.parse(
      (await ok(ana(['accounts', 'show', 'Globex Corp', '--json']))).stdout,
    );
    expect(globex.color).toBe('green');
  });

  it('offline is a clear error and the vault keeps working', async () => {
    const away = `${bare}.away`;
    renameSync(bare, away);
    try {
      await setSecret(ana, 'Globex Corp', 'Globex-Secret-2');
      const offline = await ana(['team', 'sync']);
      expect(offline.code).toBe(1);
      expect(offline.stderr).toContain('Could not reach the team\'s remote "origin"');
      expect(offline.stderr).toContain('Your vault works as before');
      expect(await secretOf(ana, 'Globex Corp')).toBe('Globex-Secret-2');
      const status = JSON.parse((await ok(ana(['team', 'status', '--json']))).stdout);
      expect(status.lastSync.outcome).toMatchObject({ ok: false });
    } finally {
      renameSync(away, bare);
    }
    expect((await ok(ana(['team', 'sync']))).stderr).toContain('commit(s) pushed');
    expect((await ok(ben(['team', 'sync']))).stdout).toBe('Received Globex Corp\n');
    await ok(cy(['team', 'sync']));
  });

  it('removing Cy with --rotate seals everything without her and rotates what she could read at Vonage', async () => {
    const cyKey = await identityFile(cy, 'cy');
    const nobody = await ana(['team', 'remove-member', 'Zed', '--yes']);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toContain(
      'The team has no member named "Zed"; it has "Ana", "Ben", "Cy"',
    );
    const self = await ana(['team', 'remove-member', 'Ana', '--yes']);
    expect(self.stderr).toContain('You cannot remove yourself');
    const refused = await ana(['team', 'remove-member', 'Cy', '--rotate']);
    expect(refused.code).not.toBe(0);
    expect(gitOut(folderOf.ana, 'show', 'HEAD:members')).toContain(' Cy');
    const oldSecret = await secretOf(ana, 'Acme');
    // Vonage holds the secrets the team changed to.
    for (const [apiKey, name] of [
      ['acme0001', 'Acme'],
      ['glob0001', 'Globex Corp'],
    ] as const) {
      const account = fake.accounts.get(apiKey);
      if (account) account.secret = await secretOf(ana, name);
    }
    const oldPublicKey = fake.applications.get(appId)?.publicKey;

    const removed = await ok(ana(['team', 'remove-member', 'Cy', '--rotate', '--yes']));
    expect(removed.stdout.split('\n').filter(Boolean).sort()).toEqual([
      'Rotated: Acme (acme0001) API secret',
      `Rotated: Acme (acme0001) key of application "Voice" (${appId})`,
      'Rotated: Globex Corp (glob0001) API secret',
    ]);
    const newSecret = await secretOf(ana, 'Acme');
    expect(newSecret).not.toBe(oldSecret);
    expect(fake.accounts.get('acme0001')?.secret).toBe(newSecret);
    expect(fake.applications.get(appId)?.publicKey).not.toBe(oldPublicKey);
    expect(gitOut(bare, 'show', 'HEAD:members')).not.toContain(' Cy');

    // What the team wrote after the removal is closed to Cy; what she could read before is not.
    const acmeId = JSON.parse((await ok(ana(['accounts', 'show', 'Acme', '--json']))).stdout).id;
    const clone = join(root, 'after-removal');
    execFileSync('git', ['clone', '--quiet', bare, clone]);
    expect(ageOpens(cyKey, join(clone, 'accounts', `${acmeId}.age`))).toBeNull();
    const before = join(root, 'before.age');
    writeFileSync(
      before,
      execFileSync('git', ['-C', clone, 'show', `HEAD~3:accounts/${acmeId}.age`]),
    );
    expect(JSON.parse(ageOpens(cyKey, before) ?? '{}').apiSecret).toBe('Acme-Secret-A');

    const gone = await cy(['team', 'sync']);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain('not a member of the team any more');
    expect(await secretOf(cy, 'Acme')).toBe('Acme-Secret-A');

    expect((await ok(ben(['team', 'sync']))).stdout).toBe('Received Acme\nReceived Globex Corp\n');
    expect(await secretOf(ben, 'Acme')).toBe(newSecret);
    const fingerprint = async (keydesk: typeof ana) =>
      JSON.parse((await ok(keydesk(['apps', 'show', 'Voice', '--json']))).stdout).fingerprint;
    expect(await fingerprint(ben)).toBe(await fingerprint(ana));
  });

  it('unshared by Ana: its files leave the folder, every vault keeps the account', async () => {
    const notShared = await ana(['team', 'unshare', 'Nope']);
    expect(notShared.code).toBe(1);
    const unshared = await ok(ana(['team', 'unshare', 'Globex Corp']));
    expect(unshared.stderr).toContain('"Globex Corp" is no longer shared');
    await ok(ana(['team', 'sync']));
    expect(gitOut(bare, 'log', '-1', '--format=%an: %s')).toBe(
      'Ana: Ana unshared "Globex Corp" (glob0001)',
    );
    expect((await ok(ben(['team', 'sync']))).stdout).toBe(
      'No longer shared: Globex Corp (kept in your vault)\n',
    );
    expect(await secretOf(ben, 'Globex Corp')).toBe(await secretOf(ana, 'Globex Corp'));
    const list = JSON.parse((await ok(ben(['accounts', 'list', '--json']))).stdout) as {
      name: string;
      sharedWithTeam?: boolean;
    }[];
    expect(list.find((a) => a.name === 'Globex Corp')?.sharedWithTeam).toBeUndefined();
    expect(list.find((a) => a.name === 'Acme')?.sharedWithTeam).toBe(true);
    const again = await ana(['team', 'unshare', 'Globex Corp']);
    expect(again.stderr).toContain('"Globex Corp" is not shared with the team');
  });

  it('an account file sealed to someone outside the team is refused, and nothing of it stored', async () => {
    const stranger = execFileSync('age-keygen', { encoding: 'utf8' });
    const strangerRecipient = /public key: (age1\w+)/.exec(stranger)?.[1] ?? '';
    gitOut(folderOf.ben, 'pull', '--quiet', '--rebase');
    const members = gitOut(folderOf.ben, 'show', 'HEAD:members')
      .split('\n')
      .map((line) => line.split(' ')[0] ?? '');
    const id = 'mallory00001';
    const plain = { format: 1, id, name: 'Evil', apiKey: 'evil0001', applications: [] };
    writeFileSync(join(folderOf.ben, 'accounts', `${id}.json`), JSON.stringify(plain));
    execFileSync(
      'age',
      [
        ...[...members, strangerRecipient].flatMap((r) => ['-r', r]),
        '-o',
        join(folderOf.ben, 'accounts', `${id}.age`),
      ],
      { input: JSON.stringify({ format: 1, apiSecret: 'Evil-Secret-1', applications: [] }) },
    );
    gitOut(folderOf.ben, 'add', 'accounts');
    gitOut(
      folderOf.ben,
      '-c',
      'user.name=Mallory',
      '-c',
      'user.email=m@example.com',
      'commit',
      '--quiet',
      '-m',
      'evil',
    );
    gitOut(folderOf.ben, 'push', '--quiet');

    const refused = await ana(['team', 'sync']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `${id}.age is sealed to 3 recipients but the team has 2 member(s)`,
    );
    expect((await ok(ana(['accounts', 'list', '--json']))).stdout).not.toContain('evil0001');
  });
});
