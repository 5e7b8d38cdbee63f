import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliInProcess } from '../helpers/cli-in-process';
import { makeRsaKeys } from '../helpers/keys';
import { makeDataDir } from '../helpers/services';
import { ageOpens, gitAs, identityFile } from '../helpers/team';

/** Engineers, each with a vault of their own, and a team folder on disk (a git repository). */
const ana = cliInProcess(makeDataDir(), gitAs('Ana'));
const ben = cliInProcess(makeDataDir(), gitAs('Ben'));
const cy = cliInProcess(makeDataDir(), gitAs('Cy'));
const folder = join(mkdtempSync(join(tmpdir(), 'keydesk-team-folder-')), 'acme-support');
const appId = 'aaaaaaaa-bbbb-4ccc-8ddd-0000000000e1';
const keys = makeRsaKeys();
const secret = 'team-Api-Secret-1';

beforeAll(async () => {
  await ana(['accounts', 'add', '--name', 'Acme', '--api-key', 'acme0001'], { stdin: secret });
  const keyFile = join(mkdtempSync(join(tmpdir(), 'keydesk-key-')), 'voice.key');
  writeFileSync(keyFile, keys.pkcs8);
  const added = await ana([
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
  ]);
  expect(added.code, added.stderr).toBe(0);
});

describe('a team folder', () => {
  it('needs starting first: sharing before says how', async () => {
    const early = await ana(['team', 'share', 'Acme']);
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('no team folder yet: "keydesk team init FOLDER"');
  });

  it('started, shared, a member added: each member opens the sealed file with age, the plain one holds no secret', async () => {
    const started = await ana(['team', 'init', folder, '--name', 'Ana']);
    expect(started.code, started.stderr).toBe(0);
    const shared = await ana(['team', 'share', 'Acme']);
    expect(shared.code, shared.stderr).toBe(0);
    const accountId = JSON.parse((await ana(['accounts', 'show', 'Acme', '--json'])).stdout)
      .id as string;
    const sealed = join(folder, 'accounts', `${accountId}.age`);
    const plain = readFileSync(join(folder, 'accounts', `${accountId}.json`), 'utf8');
    expect(JSON.parse(plain)).toMatchObject({
      name: 'Acme',
      apiKey: 'acme0001',
      applications: [{ id: appId, name: 'Voice' }],
    });
    expect(plain).not.toContain(secret);
    expect(plain).not.toContain(keys.pkcs8.split('\n')[1] ?? 'x');

    const anaKey = await identityFile(ana, 'ana');
    const opened = JSON.parse(ageOpens(anaKey, sealed) ?? '{}') as {
      apiSecret: string;
      applications: { id: string; privateKey: string }[];
    };
    expect(opened.apiSecret).toBe(secret);
    expect(opened.applications[0]?.id).toBe(appId);
    expect(opened.applications[0]?.privateKey).toContain('PRIVATE KEY');

    // Ben makes his identity; until Ana adds him, the file is closed to him.
    const benRecipient = (await ben(['team', 'identity'])).stdout.trim();
    const benKey = await identityFile(ben, 'ben');
    expect(ageOpens(benKey, sealed)).toBeNull();
    const add = await ana(['team', 'add-member', 'Ben', benRecipient]);
    expect(add.code, add.stderr).toBe(0);
    expect(add.stderr).toContain('1 shared account file(s) sealed again for 2 member(s)');
    expect(JSON.parse(ageOpens(benKey, sealed) ?? '{}')).toMatchObject({ apiSecret: secret });

    const members = JSON.parse((await ana(['team', 'members', '--json'])).stdout) as {
      members: { name: string }[];
    };
    expect(members.members.map((m) => m.name)).toEqual(['Ana', 'Ben']);
    const log = execFileSync('git', ['-C', folder, 'log', '--format=%an: %s'], {
      encoding: 'utf8',
    });
    expect(log.trim().split('\n')).toEqual([
      'Ana: Ana added Ben to the team',
      'Ana: Ana shared "Acme" (acme0001)',
      'Ana: Keydesk team started by Ana',
    ]);
  });

  it('refuses a member twice, a recipient that is not one, and a second start', async () => {
    const benRecipient = (await ben(['team', 'identity'])).stdout.trim();
    const twice = await ana(['team', 'add-member', 'Benjamin', benRecipient]);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('already the team\'s, as "Ben"');
    const wrong = await ana(['team', 'add-member', 'Cy', 'AGE-SECRET-KEY-1QQQ']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('is not an age recipient');
    const again = await ana(['team', 'init', folder, '--name', 'Ana']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already shares through');
    // Nothing of it was committed.
    const log = execFileSync('git', ['-C', folder, 'log', '--oneline'], { encoding: 'utf8' });
    expect(log.trim().split('\n')).toHaveLength(3);
  });

  it('Ben joins through the shared repository and mints with the shared key; a stranger is told how to be added', async () => {
    const root = mkdtempSync(join(tmpdir(), 'keydesk-team-remote-'));
    const bare = join(root, 'team.git');
    const branch = execFileSync('git', ['-C', folder, 'rev-parse', '--abbrev-ref', 'HEAD'], {
      encoding: 'utf8',
    }).trim();
    execFileSync('git', ['init', '--quiet', '--bare', `--initial-branch=${branch}`, bare]);
    execFileSync('git', ['-C', folder, 'remote', 'add', 'origin', bare]);
    execFileSync('git', ['-C', folder, 'push', '--quiet', '-u', 'origin', branch]);

    const joined = await ben(['team', 'join', bare], { cwd: root });
    expect(joined.code, joined.stderr).toBe(0);
    expect(joined.stderr).toContain(`joined the team in ${join(root, 'team')} as "Ben"`);
    expect(joined.stdout).toBe('Added Acme\n');
    expect((await ben(['accounts', 'secret', 'Acme'])).stdout.trim()).toBe(secret);
    const minted = await ben(['jwt', 'Voice']);
    expect(minted.code, minted.stderr).toBe(0);
    const claims = JSON.parse(
      Buffer.from(minted.stdout.split('.')[1] ?? '', 'base64url').toString(),
    );
    expect(claims.application_id).toBe(appId);

    // Cy has no place in the team yet: nothing is imported, and the message says what to do.
    const stranger = await cy(['team', 'join', bare, join(root, 'cy')]);
    expect(stranger.code).toBe(1);
    const recipient = (await cy(['team', 'identity'])).stdout.trim();
    expect(stranger.stderr).toContain(`keydesk team add-member NAME ${recipient}`);
    expect(JSON.parse((await cy(['accounts', 'list', '--json'])).stdout)).toEqual([]);
  });

  it('a folder inside another git repository gets a repository of its own', async () => {
    const dee = cliInProcess(makeDataDir(), gitAs('Dee'));
    const home = mkdtempSync(join(tmpdir(), 'keydesk-dotfiles-'));
    execFileSync('git', ['init', '--quiet', home]);
    const inside = join(home, 'teams', 'acme');
    const started = await dee(['team', 'init', inside, '--name', 'Dee']);
    expect(started.code, started.stderr).toBe(0);
    const top = execFileSync('git', ['-C', inside, 'rev-parse', '--show-toplevel'], {
      encoding: 'utf8',
    }).trim();
    expect(top).toBe(inside);
    // The outer repository got no commit.
    const outer = spawnSync('git', ['-C', home, 'log', '--oneline'], { encoding: 'utf8' });
    expect(outer.stdout).toBe('');
    // No remote yet: sync commits here and says how to add one.
    const local = await dee(['team', 'sync']);
    expect(local.code, local.stderr).toBe(0);
    expect(local.stderr).toContain('has no remote yet, so nothing was pulled or pushed');
  });

  it('team log says who changed what, newest first; a bad --limit is a usage error', async () => {
    const log = await ana(['team', 'log']);
    expect(log.code, log.stderr).toBe(0);
    expect(
      log.stdout
        .trim()
        .split('\n')
        .map((line) => line.slice(18)),
    ).toEqual([
      'Ana              Ana added Ben to the team',
      'Ana              Ana shared "Acme" (acme0001)',
      'Ana              Keydesk team started by Ana',
    ]);
    const json = JSON.parse((await ana(['team', 'log', '--limit', '1', '--json'])).stdout) as {
      author: string;
      commit: string;
    }[];
    expect(json).toHaveLength(1);
    expect(json[0]?.commit).toMatch(/^[0-9a-f]{40}$/);
    const bad = await ana(['team', 'log', '--limit', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--limit: give a whole number from 1 to 10,000');
  });

  it('sync says what is wrong: an account not shared, a folder moved away, no remote yet', async () => {
    await ana(['accounts', 'add', '--name', 'Solo', '--api-key', 'solo0001'], { stdin: secret });
    const notShared = await ana(['team', 'sync', '--mine', 'Solo']);
    expect(notShared.code).toBe(1);
    expect(notShared.stderr).toContain('--mine: "Solo" is not shared with the team');
    const unknown = await ana(['team', 'sync', '--theirs', 'Nobody']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No account named "Nobody"');

    renameSync(folder, `${folder}.moved`);
    try {
      const moved = await ana(['team', 'sync']);
      expect(moved.code).toBe(1);
      expect(moved.stderr).toContain(`The team folder ${folder} is not there any more`);
      expect((await ana(['accounts', 'secret', 'Acme'])).stdout.trim()).toBe(secret);
    } finally {
      renameSync(`${folder}.moved`, folder);
    }
    const back = await ana(['team', 'sync']);
    expect(back.code, back.stderr).toBe(0);
    expect(back.stderr).toMatch(/in sync with origin\//);
  });
});
