import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { must, type BenchServices } from './bench-services';
import { startFakeProcess } from './check';
import { heading } from './stats';

const users = 1000;
const latencyMs = 50;
const runs = 5;
/** The issue's goal: users:list within this many times the ten requests' own time. */
const goalRatio = 1.2;
const applicationId = 'cccccccc-0000-4000-8000-000000000001';

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/**
 * `users:list` of 1,000 users (ten pages of 100) against the fake Vonage in its own process with
 * 50 ms per request. "The requests' own time" is the same ten requests sent bare (fetch, one after
 * the other, with the same token): the ratio is what Keydesk adds (resolving the application, its
 * token, reading and checking each page; the first run also reads the key from the keychain). The
 * CLI's whole process, which pays all of that every time, is printed beside it.
 */
export async function benchUsers(bench: BenchServices): Promise<void> {
  const { invoke, services } = bench;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const fake = await startFakeProcess({
    latencyMs,
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    accounts: [{ apiKey: 'bench001', secret: 'bench-Secret1' }],
    applications: [{ id: applicationId, apiKey: 'bench001', name: 'Chat', voice: false }],
    users: { applicationId, count: users },
  });
  const names = ['KEYDESK_VONAGE_API_HOST', 'KEYDESK_VONAGE_REST_HOST'] as const;
  for (const name of names) process.env[name] = fake.url;
  try {
    heading(`Users: users:list of ${users} users (10 pages of 100), ${latencyMs} ms per request`);
    const account = await must(
      invoke('accounts:create', { name: 'Bench', apiKey: 'bench001', apiSecret: 'bench-Secret1' }),
    );
    await must(
      invoke('apps:create', {
        accountId: account.id,
        id: applicationId,
        name: 'Chat',
        key: { kind: 'pem', pem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() },
      }),
    );
    const { token } = await services.mint({
      applicationId,
      sub: null,
      acl: { kind: 'preset', preset: 'none' },
    });
    const bare: number[] = [];
    const listed: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      let start = performance.now();
      let cursor: string | null = null;
      for (let page = 0; page < 10; page += 1) {
        const query = new URLSearchParams({ page_size: '100', order: 'asc' });
        if (cursor) query.set('cursor', cursor);
        const answer = await fetch(`${fake.url}/v1/users?${query}`, {
          headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        });
        const body = (await answer.json()) as { _links: { next?: { href: string } } };
        cursor = body._links.next
          ? new URL(body._links.next.href).searchParams.get('cursor')
          : null;
      }
      bare.push(performance.now() - start);
      start = performance.now();
      const result = await must(invoke('users:list', { app: 'Chat' }));
      listed.push(performance.now() - start);
      if (result.users.length !== users) throw new Error(`listed ${result.users.length} users`);
    }
    const cli: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const start = performance.now();
      await new Promise<void>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          [
            join(import.meta.dirname, '..', 'bin', 'keydesk.cjs'),
            'users',
            'list',
            'Chat',
            '--json',
          ],
          {
            stdio: ['ignore', 'ignore', 'inherit'],
            env: {
              ...process.env,
              KEYDESK_HOME: bench.dataDir,
              KEYDESK_KEYCHAIN_SERVICE: bench.keychainService,
            },
          },
        );
        child.on('exit', (code) =>
          code === 0 ? resolve() : reject(new Error(`keydesk exited ${code}`)),
        );
      });
      cli.push(performance.now() - start);
    }
    const row = (label: string, value: string) => console.log(`  ${label.padEnd(44)} ${value}`);
    const ratio = median(listed) / median(bare);
    row(`ideal (10 x ${latencyMs} ms)`, `${10 * latencyMs} ms`);
    row(`the ten requests bare (median of ${runs})`, `${median(bare).toFixed(0)} ms`);
    row(
      `users:list (median of ${runs})`,
      `${median(listed).toFixed(0)} ms   ${ratio.toFixed(2)}x the bare requests   (goal <= ${goalRatio}x: ${ratio <= goalRatio ? 'met' : 'NOT met'})`,
    );
    row(`keydesk users list --json, whole process`, `${median(cli).toFixed(0)} ms`);
  } finally {
    for (const name of names) Reflect.deleteProperty(process.env, name);
    await fake.stop();
  }
}
