import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mergeMembers } from '../../src/core/team/team-members';
import { cliInProcess } from '../helpers/cli-in-process';
import { makeDataDir } from '../helpers/services';
import { ageOpens, bareRemoteFor, gitAs, gitOut, identityFile } from '../helpers/team';

/**
 * What two engineers do to the team at the same moment: membership changed on one side while an
 * account changes on the other, membership changed on both, and an account both held before they
 * shared a folder. (Edits of accounts on both sides: cli-team-sync.test.ts.)
 */
const root = mkdtempSync(join(tmpdir(), 'keydesk-team-both-'));
const engineer = (name: string) => cliInProcess(makeDataDir(), gitAs(name));
const ana = engineer('Ana');
const ben = engineer('Ben');
const dee = engineer('Dee');
const eve = engineer('Eve');
let bare = '';

const ok = async (run: Promise<{ code: number; stdout: string; stderr: string }>) => {
  const done = await run;
  expect(done.code, done.stderr + done.stdout).toBe(0);
  return done;
};
const recipientOf = async (keydesk: typeof ana) =>
  (await ok(keydesk(['team', 'identity']))).stdout.trim();
const idOf = async (keydesk: typeof ana, account: string) =>
  JSON.parse((await ok(keydesk(['accounts', 'show', account, '--json']))).stdout).id as string;

beforeAll(async () => {
  await ok(
    ana(['accounts', 'add', '--name', 'Acme', '--api-key', 'acme0001'], { stdin: 'Acme-1a' }),
  );
  await ok(ana(['team', 'init', join(root, 'ana'), '--name', 'Ana']));
  await ok(ana(['team', 'share', 'Acme']));
  bare = bareRemoteFor(join(root, 'ana'));
  await ok(ana(['team', 'add-member', 'Ben', await recipientOf(ben)]));
  await ok(ana(['team', 'sync']));
  await ok(ben(['team', 'join', bare, join(root, 'ben')]));
});

describe('membership and accounts changed at once', () => {
  it('a member added here while a teammate changed an account: the change is kept and the new member can read it', async () => {
    await ok(ben(['accounts', 'edit', 'Acme', '--secret-stdin'], { stdin: 'Acme-by-Ben' }));
    await ok(ben(['team', 'sync']));
    // Ana adds Dee without pulling first: her commit seals Acme's file again, Ben's changed it.
    await ok(ana(['team', 'add-member', 'Dee', await recipientOf(dee)]));
    const synced = await ok(ana(['team', 'sync']));
    expect(synced.stdout).toBe('Received Acme\n');
    expect((await ok(ana(['accounts', 'secret', 'Acme']))).stdout.trim()).toBe('Acme-by-Ben');

    const sealed = join(root, 'ana', 'accounts', `${await idOf(ana, 'Acme')}.age`);
    expect(JSON.parse(ageOpens(await identityFile(dee, 'dee'), sealed) ?? '{}').apiSecret).toBe(
      'Acme-by-Ben',
    );
    await ok(dee(['team', 'join', bare, join(root, 'dee')]));
    expect((await ok(dee(['accounts', 'secret', 'Acme']))).stdout.trim()).toBe('Acme-by-Ben');
  });

  it('members added on both sides at once: both are in, and every file is sealed to both', async () => {
    await ok(ben(['team', 'sync']));
    const eveRecipient = await recipientOf(eve);
    const fay = engineer('Fay');
    await ok(ana(['team', 'add-member', 'Eve', eveRecipient]));
    await ok(ben(['team', 'add-member', 'Fay', await recipientOf(fay)]));
    await ok(ana(['team', 'sync']));
    await ok(ben(['team', 'sync']));
    const names = gitOut(bare, 'show', 'HEAD:members')
      .split('\n')
      .map((line) => line.split(' ').slice(1).join(' '));
    expect(names).toEqual(['Ana', 'Ben', 'Dee', 'Eve', 'Fay']);
    const clone = join(root, 'check');
    gitOut(root, 'clone', '--quiet', bare, clone);
    const sealed = join(clone, 'accounts', `${await idOf(ana, 'Acme')}.age`);
    for (const [keydesk, name] of [
      [eve, 'eve'],
      [fay, 'fay'],
    ] as const)
      expect(ageOpens(await identityFile(keydesk, name), sealed)).not.toBeNull();
  });

  it("an account Eve held before joining, different from the team's: a conflict until she chooses", async () => {
    await ok(
      eve(['accounts', 'add', '--name', 'Acme', '--api-key', 'acme0001'], {
        stdin: 'Acme-Eve-own',
      }),
    );
    const joined = await ok(eve(['team', 'join', bare, join(root, 'eve')]));
    expect(joined.stdout).toBe('Kept yours: Acme (this vault holds it already)\n');
    const clash = await eve(['team', 'sync']);
    expect(clash.code).toBe(1);
    expect(clash.stdout).toMatch(
      /^Conflict: Acme: yours \(changed in this vault\) and the team's \([0-9a-f]{7} by \w+/,
    );
    expect((await ok(eve(['accounts', 'secret', 'Acme']))).stdout.trim()).toBe('Acme-Eve-own');
    expect((await ok(eve(['team', 'sync', '--theirs', 'Acme']))).stdout).toBe('Received Acme\n');
    expect((await ok(eve(['accounts', 'secret', 'Acme']))).stdout.trim()).toBe('Acme-by-Ben');
  });
});

describe("files of the person's own in the team folder", () => {
  it('are left as they are: not committed by Keydesk, not reset, kept across a rebase', async () => {
    const folder = join(root, 'ben');
    writeFileSync(join(folder, 'notes.txt'), 'first\n');
    gitOut(folder, 'add', 'notes.txt');
    gitOut(
      folder,
      '-c',
      'user.name=Ben',
      '-c',
      'user.email=b@example.com',
      'commit',
      '-qm',
      'notes',
    );
    writeFileSync(join(folder, 'notes.txt'), 'first\nedited, not committed\n');
    writeFileSync(join(folder, 'todo.txt'), 'staged\n');
    gitOut(folder, 'add', 'todo.txt');

    await ok(
      ana(['accounts', 'add', '--name', 'Initech', '--api-key', 'init0001'], { stdin: 'Init-1a' }),
    );
    await ok(ana(['team', 'share', 'Initech']));
    await ok(ana(['team', 'sync']));
    expect((await ok(ben(['team', 'sync']))).stdout).toBe('Added Initech\n');
    await ok(ana(['accounts', 'edit', 'Initech', '--color', 'teal']));
    await ok(ana(['team', 'sync']));
    await ok(ben(['accounts', 'edit', 'Acme', '--secret-stdin'], { stdin: 'Acme-Ben-2' }));
    // Ben's change goes on top of Ana's: the sync commits, rebases and pushes around his files.
    const synced = await ok(ben(['team', 'sync']));
    expect(synced.stdout).toBe('Sent Acme\nReceived Initech\n');
    expect(readFileSync(join(folder, 'notes.txt'), 'utf8')).toBe('first\nedited, not committed\n');
    expect(gitOut(folder, 'diff', '--cached', '--name-only')).toBe('todo.txt');
    expect(gitOut(folder, 'show', '--name-only', '--format=', 'HEAD')).toMatch(/^accounts\//);
    expect(
      JSON.parse((await ok(ben(['accounts', 'show', 'Initech', '--json']))).stdout).color,
    ).toBe('teal');
  });
});

describe('a file of their own changed on both sides', () => {
  it('stops the sync with the file named and the folder as it was', async () => {
    const mine = join(root, 'ben');
    const clone = join(root, 'notes-elsewhere');
    gitOut(root, 'clone', '--quiet', bare, clone);
    writeFileSync(join(clone, 'notes.txt'), 'the team says\n');
    gitOut(
      clone,
      '-c',
      'user.name=Ana',
      '-c',
      'user.email=a@example.com',
      'commit',
      '-qam',
      'notes',
    );
    gitOut(clone, 'push', '--quiet');
    gitOut(mine, 'checkout', '--quiet', '--', 'notes.txt');
    writeFileSync(join(mine, 'notes.txt'), 'Ben says\n');
    gitOut(
      mine,
      '-c',
      'user.name=Ben',
      '-c',
      'user.email=b@example.com',
      'commit',
      '-qm',
      'mine',
      '--',
      'notes.txt',
    );
    const head = gitOut(mine, 'rev-parse', 'HEAD');

    const stopped = await ben(['team', 'sync']);
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain('could not be put together with yours (notes.txt)');
    expect(gitOut(mine, 'rev-parse', 'HEAD')).toBe(head);
    expect(existsSync(join(mine, '.git', 'rebase-merge'))).toBe(false);
    // Settled by hand, as git's own conflicts are: the next sync goes through.
    gitOut(mine, 'reset', '--quiet', '--hard', '@{u}');
    await ok(ben(['team', 'sync']));
  });
});

describe('one API key shared twice', () => {
  it('at once by two members: both syncs go through and each vault keeps its account', async () => {
    await ok(
      ana(['accounts', 'add', '--name', 'Umbrella', '--api-key', 'umbr0001'], {
        stdin: 'Umb-Ana-1',
      }),
    );
    await ok(
      ben(['accounts', 'add', '--name', 'Umbrella Co', '--api-key', 'umbr0001'], {
        stdin: 'Umb-Ben-1',
      }),
    );
    await ok(ana(['team', 'share', 'Umbrella']));
    await ok(ben(['team', 'share', 'Umbrella Co']));
    await ok(ana(['team', 'sync']));
    await ok(ben(['team', 'sync']));
    expect((await ok(ana(['team', 'sync']))).stdout).toBe('');
    expect((await ok(ana(['accounts', 'secret', 'Umbrella']))).stdout.trim()).toBe('Umb-Ana-1');
    expect((await ok(ben(['accounts', 'secret', 'Umbrella Co']))).stdout.trim()).toBe('Umb-Ben-1');
  });

  it('once more by one who removed it here: refused, with what to do', async () => {
    await ok(ana(['accounts', 'remove', 'Umbrella', '--yes']));
    await ok(
      ana(['accounts', 'add', '--name', 'Umbrella', '--api-key', 'umbr0001'], {
        stdin: 'Umb-Ana-2',
      }),
    );
    const twice = await ana(['team', 'share', 'Umbrella']);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('The team shares API key umbr0001 already, as "Umbrella');
  });
});

describe('mergeMembers', () => {
  const m = (name: string) => ({ name, recipient: `age1${name.toLowerCase().padEnd(58, 'q')}` });
  it('keeps who either side added and drops who either side removed', () => {
    const base = [m('Ana'), m('Ben'), m('Cy')];
    const ours = [m('Ana'), m('Ben'), m('Dee')]; // Cy removed, Dee added
    const theirs = [m('Ana'), m('Ben'), m('Cy'), m('Eve')]; // Eve added
    expect(
      mergeMembers(base, ours, theirs)
        .map((x) => x.name)
        .sort(),
    ).toEqual(['Ana', 'Ben', 'Dee', 'Eve']);
    // A removal on their side is not undone by our unrelated add either.
    expect(
      mergeMembers(base, [...base, m('Fay')], [m('Ana'), m('Cy')])
        .map((x) => x.name)
        .sort(),
    ).toEqual(['Ana', 'Cy', 'Fay']);
  });
});
