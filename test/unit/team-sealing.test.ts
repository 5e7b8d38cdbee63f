import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkRecipient,
  parseMembers,
  serialiseMembers,
  withMember,
  withoutMember,
} from '../../src/core/team/team-members';
import {
  newTeamIdentity,
  openWithIdentity,
  resealFolder,
  sealForMembers,
} from '../../src/core/team/team-sealing';

/** An identity made by age-keygen itself (the oracle): its file, and its recipient. */
function ageKeygen(folder: string, name: string) {
  const file = join(folder, `${name}.key`);
  execFileSync('age-keygen', ['-o', file], { stdio: 'ignore' });
  const recipient = execFileSync('age-keygen', ['-y', file], { encoding: 'utf8' }).trim();
  const identity = readFileSync(file, 'utf8')
    .split('\n')
    .find((line) => line.startsWith('AGE-SECRET-KEY-1'));
  return { file, recipient, identity: identity ?? '' };
}

/** `age -d -i identityFile file`: what it prints, or null when age cannot open it. */
function ageOpens(identityFile: string, sealed: string): string | null {
  const run = spawnSync('age', ['-d', '-i', identityFile, sealed], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout : null;
}

const scratch = () => mkdtempSync(join(tmpdir(), 'keydesk-team-'));

describe('team files sealed with age', () => {
  it('opens with every member identity (age -d -i), and with no one else', async () => {
    const folder = scratch();
    const [ana, ben, eve] = [
      ageKeygen(folder, 'ana'),
      ageKeygen(folder, 'ben'),
      ageKeygen(folder, 'eve'),
    ];
    const payload = JSON.stringify({ apiSecret: 'team-Secret-1', applications: [] });
    const sealed = join(folder, 'acme.age');
    writeFileSync(sealed, await sealForMembers(payload, [ana.recipient, ben.recipient]));
    expect(ageOpens(ana.file, sealed)).toBe(payload);
    expect(ageOpens(ben.file, sealed)).toBe(payload);
    expect(ageOpens(eve.file, sealed)).toBeNull();
    expect(await openWithIdentity(readFileSync(sealed), ben.identity, sealed)).toBe(payload);
    await expect(openWithIdentity(readFileSync(sealed), eve.identity, sealed)).rejects.toThrow(
      /is not sealed to your team identity/,
    );
  });

  it("an identity Keydesk makes is one age's own tools take", async () => {
    const folder = scratch();
    const mine = await newTeamIdentity();
    expect(
      execFileSync('age-keygen', ['-y'], { input: mine.identity, encoding: 'utf8' }).trim(),
    ).toBe(mine.recipient);
    const sealed = join(folder, 'x.age');
    execFileSync('age', ['-r', mine.recipient, '-o', sealed], { input: 'from age itself' });
    expect(await openWithIdentity(readFileSync(sealed), mine.identity, sealed)).toBe(
      'from age itself',
    );
  });

  it('resealed without a member, the new files are closed to them; the rest read the same', async () => {
    const folder = scratch();
    mkdirSync(join(folder, 'accounts'));
    const [ana, ben] = [ageKeygen(folder, 'ana'), ageKeygen(folder, 'ben')];
    const payloads = ['one', 'two', 'three'].map((n) => JSON.stringify({ apiSecret: `s-${n}` }));
    for (const [index, payload] of payloads.entries())
      writeFileSync(
        join(folder, 'accounts', `${index}.age`),
        await sealForMembers(payload, [ana.recipient, ben.recipient]),
      );
    expect(ageOpens(ben.file, join(folder, 'accounts', '0.age'))).toBe(payloads[0]);
    const { files } = await resealFolder(folder, ana.identity, [ana.recipient]);
    expect(files).toBe(3);
    for (const [index, payload] of payloads.entries()) {
      const file = join(folder, 'accounts', `${index}.age`);
      expect(ageOpens(ana.file, file)).toBe(payload);
      expect(ageOpens(ben.file, file)).toBeNull();
    }
  });
});

describe('the members file', () => {
  const a = 'age1' + 'q'.repeat(58);
  const b = 'age1' + 'p'.repeat(58);

  it('reads back what it wrote, sorted by name, one line each', () => {
    const members = withMember(withMember([], { name: 'Zoë Ops', recipient: a }), {
      name: 'ana',
      recipient: b,
    });
    const text = serialiseMembers(members);
    expect(text).toBe(`${b} ana\n${a} Zoë Ops\n`);
    expect(parseMembers(`# the team\n\n${text}`, 'members')).toEqual([
      { name: 'ana', recipient: b },
      { name: 'Zoë Ops', recipient: a },
    ]);
    expect(withoutMember(parseMembers(text, 'members'), 'ana')).toEqual([
      { name: 'Zoë Ops', recipient: a },
    ]);
  });

  it('names the line that is wrong, and refuses twins and strangers', () => {
    expect(() => parseMembers(`${a} ana\nage1short bob\n`, 'team/members')).toThrow(
      /team\/members, line 2: it does not start with an age recipient/,
    );
    expect(() => parseMembers(`${a} ana\n${a} ben\n`, 'members')).toThrow(/line 2: .*there twice/);
    expect(() => parseMembers(`${a}\n`, 'members')).toThrow(
      /line 1: the member has no usable name/,
    );
    expect(() =>
      withMember([{ name: 'ana', recipient: a }], { name: 'ana', recipient: b }),
    ).toThrow(/already has a member named "ana"/);
    expect(() =>
      withMember([{ name: 'ana', recipient: a }], { name: 'ben', recipient: a }),
    ).toThrow(/already the team's, as "ana"/);
    expect(() => withoutMember([{ name: 'ana', recipient: a }], 'bob')).toThrow(/has "ana"/);
    expect(() => checkRecipient('AGE-SECRET-KEY-1XYZ')).toThrow(/is not an age recipient/);
    expect(() => withMember([], { name: ' ana', recipient: a })).toThrow(/member name/);
  });
});
