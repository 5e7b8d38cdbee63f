import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/core/db/open-database';
import { makeDataDir } from '../helpers/services';
import { recordFigure } from './figures';
import { tally } from '../helpers/tally';

const worker = join(import.meta.dirname, 'write-burst.ts');

function seed(dataDir: string): string {
  const { db } = openDatabase(dataDir);
  const id = randomUUID();
  db.prepare(
    `INSERT INTO accounts (id, name, api_key, created_at, updated_at) VALUES (?, 'Acme', 'abcd1234', 'now', 'now')`,
  ).run(id);
  db.close();
  return id;
}

/** Runs the writer; kills it after `killAfterMs` (or lets it finish); returns the ids it committed. */
function runWriter(
  dataDir: string,
  accountId: string,
  options: { killAfterMs?: number; limit?: number; label?: string },
) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', worker, dataDir, accountId, options.label ?? 'writer'],
    {
      env: { ...process.env, ...(options.limit ? { BURST_LIMIT: String(options.limit) } : {}) },
    },
  );
  let out = '';
  let err = '';
  let first: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (first = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    first();
  });
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  if (options.killAfterMs !== undefined) {
    void started.then(() => setTimeout(() => child.kill('SIGKILL'), options.killAfterMs));
  }
  return new Promise<{ ids: number[]; code: number | null; signal: string | null; stderr: string }>(
    (resolve) =>
      child.on('exit', (code, signal) =>
        resolve({ ids: out.split('\n').filter(Boolean).map(Number), code, signal, stderr: err }),
      ),
  );
}

const rounds = Number(process.env.KEYDESK_CRASH_ROUNDS ?? 50);
let faults = 0;
afterAll(() => recordFigure('SIGKILL faults injected', faults));

describe('SQLite under SIGKILL and concurrent writers', () => {
  it(`keeps every committed row and passes integrity_check after ${rounds} kills mid-burst`, async () => {
    const dataDir = makeDataDir();
    const accountId = seed(dataDir);
    const committed: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      const result = await runWriter(dataDir, accountId, {
        killAfterMs: 20 + Math.floor(Math.random() * 120),
      });
      expect(result.signal, result.stderr).toBe('SIGKILL');
      faults += 1;
      tally('faults injected');
      committed.push(...result.ids);
      const db = new Database(join(dataDir, 'keydesk.db'));
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const present = new Set(
        (db.prepare('SELECT id FROM history').all() as { id: number }[]).map((r) => r.id),
      );
      const lost = committed.filter((id) => !present.has(id));
      expect(lost, `round ${round}: committed events lost`).toEqual([]);
      db.close();
    }
    recordFigure('events committed across the kills, none lost', committed.length);
  }, 600_000);

  it('two processes writing at once never fail with SQLITE_BUSY', async () => {
    const dataDir = makeDataDir();
    const accountId = seed(dataDir);
    const [app, cli] = await Promise.all([
      runWriter(dataDir, accountId, { limit: 1500, label: 'app' }),
      runWriter(dataDir, accountId, { limit: 1500, label: 'cli' }),
    ]);
    expect(app.stderr).toBe('');
    expect(cli.stderr).toBe('');
    expect([app.code, cli.code]).toEqual([0, 0]);
    const db = new Database(join(dataDir, 'keydesk.db'));
    expect((db.prepare('SELECT count(*) AS n FROM history').get() as { n: number }).n).toBe(3000);
    db.close();
    recordFigure('concurrent writes by two processes, none busy', 3000);
  }, 300_000);
});
