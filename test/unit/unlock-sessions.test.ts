import { randomBytes } from 'node:crypto';
import {
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createUnlockSessions } from '../../src/cli/unlock-sessions';

const vault = '/data/vault.age';
const key = { fileKey: randomBytes(16), header: Buffer.from('age-encryption.org/v1\n--- mac\n') };
const minute = 60_000;

function sessionsAt(folder: string, token: string | undefined, now: () => number) {
  const told: string[] = [];
  const sessions = createUnlockSessions({ token, folder, now, tell: (n) => told.push(n) });
  return { sessions, told };
}

async function started(limits = { forMs: 60 * minute, idleMs: 15 * minute }) {
  const folder = join(mkdtempSync(join(tmpdir(), 'keydesk-sessions-')), 'sessions');
  let clock = Date.now();
  const { sessions } = sessionsAt(folder, undefined, () => clock);
  const { token } = await sessions.start(vault, key, limits);
  const file = join(folder, readdirSync(folder)[0] ?? '');
  return {
    folder,
    token,
    file,
    advance: (ms: number) => (clock += ms),
    open: (given = token) => {
      const opened = sessionsAt(folder, given, () => clock);
      return opened.sessions.keyFor(vault).then((found) => ({ found, told: opened.told }));
    },
  };
}

describe('unlock sessions (keydesk unlock)', () => {
  it('give the file key back to the token, and keep it on disk only sealed', async () => {
    const session = await started();
    const { found, told } = await session.open();
    expect(found?.fileKey.equals(key.fileKey)).toBe(true);
    expect(told).toEqual([]);
    expect(statSync(session.file).mode & 0o777).toBe(0o600);
    expect(statSync(session.folder).mode & 0o777).toBe(0o700);
    const stored = readFileSync(session.file);
    expect(stored.includes(key.fileKey)).toBe(false);
    expect(stored.includes(Buffer.from(key.fileKey.toString('base64')))).toBe(false);
    // The token's secret is nowhere in the file either: the file alone opens nothing.
    expect(stored.toString()).not.toContain(session.token.split('.')[1]);
  });

  it('end after the idle time without use, and each use pushes that back', async () => {
    const session = await started({ forMs: 60 * minute, idleMs: 10 * minute });
    session.advance(9 * minute);
    expect((await session.open()).found).toBeDefined();
    session.advance(9 * minute);
    expect((await session.open()).found).toBeDefined();
    // The idle clock is the file's time: set it back, as ten idle minutes would.
    const past = new Date(Date.now() - 11 * minute);
    utimesSync(session.file, past, past);
    const late = await session.open();
    expect(late.found).toBeUndefined();
    expect(late.told.join()).toMatch(/ended after a while unused; run eval "\$\(keydesk unlock\)"/);
    expect(readdirSync(session.folder)).toEqual([]);
  });

  it('end at their hard limit however often they are used', async () => {
    const session = await started({ forMs: 30 * minute, idleMs: 30 * minute });
    session.advance(29 * minute);
    expect((await session.open()).found).toBeDefined();
    session.advance(2 * minute);
    const late = await session.open();
    expect(late.found).toBeUndefined();
    expect(late.told.join()).toMatch(/has reached its time limit/);
  });

  it('refuse a session file whose limit was moved, and a wrong or foreign token', async () => {
    const session = await started();
    const stored = JSON.parse(readFileSync(session.file, 'utf8')) as { expiresAt: number };
    writeFileSync(session.file, JSON.stringify({ ...stored, expiresAt: stored.expiresAt + 1e9 }), {
      mode: 0o600,
    });
    expect((await session.open()).told.join()).toMatch(/does not open its session/);
    const [id] = session.token.split('.');
    const wrong = await session.open(`${id}.${randomBytes(32).toString('base64url')}`);
    expect(wrong.found).toBeUndefined();
    expect((await session.open('not-a-session')).told.join()).toMatch(/not a session Keydesk made/);
  });

  it('are not used for another vault file, nor from a file others may read', async () => {
    const session = await started();
    const told: string[] = [];
    const other = createUnlockSessions({
      token: session.token,
      folder: session.folder,
      tell: (n) => told.push(n),
    });
    expect(await other.keyFor('/elsewhere/vault.age')).toBeUndefined();
    expect(told.join()).toMatch(/is for the vault file \/data\/vault.age/);
    const { chmodSync } = await import('node:fs');
    chmodSync(session.file, 0o644);
    expect((await session.open()).told.join()).toMatch(/cannot trust \(other users may read/);
  });

  it('all end with lock', async () => {
    const session = await started();
    const { sessions } = sessionsAt(session.folder, undefined, Date.now);
    await sessions.start(vault, key, { forMs: minute, idleMs: minute });
    expect(await sessions.endAll()).toBe(2);
    expect((await session.open()).told.join()).toMatch(/has ended \(keydesk lock/);
  });
});
