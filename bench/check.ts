import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { must, type BenchServices } from './bench-services';
import { heading } from './stats';

const accounts = Number(process.env.BENCH_CHECK_ACCOUNTS ?? 200);
const applicationsPerAccount = 3;
const latencyMs = 50;
const concurrency = 4;
/** The goal: wall time at most this many times the ideal. */
const goalRatio = 1.3;

/** The fake Vonage in its own process (fake-vonage-process.ts), asked over its stdin. */
export async function startFakeProcess(seed: object) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'fake-vonage-process.ts')],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const answers = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const ask = async (line: string) => {
    child.stdin.write(`${line}\n`);
    const answer = await answers.next();
    if (answer.done) throw new Error('The fake Vonage process stopped.');
    return answer.value;
  };
  return {
    url: await ask(JSON.stringify(seed)),
    requests: async () => Number(await ask('count')),
    reset: () => ask('reset'),
    async stop() {
      child.stdin.end();
      await once(child, 'exit');
    },
  };
}

/**
 * `keydesk check --all` against the fake Vonage with 50 ms per request: 200 accounts and 600
 * applications (every third with Voice, which adds the token request), secrets stored in the
 * real keychain. The ideal is every request's latency spread perfectly over the workers; the
 * ratio is what the checks' own work (keychain reads, history writes, keys, tokens) adds.
 */
export async function benchCheck(bench: BenchServices): Promise<void> {
  const { invoke } = bench;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const seed = {
    latencyMs,
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    accounts: Array.from({ length: accounts }, (_, a) => ({
      apiKey: `bench${String(a).padStart(3, '0')}`,
      secret: 'bench-Secret1',
    })),
    applications: Array.from({ length: accounts * applicationsPerAccount }, (_, i) => ({
      id: `bbbbbbbb-0000-4000-8000-${String(i).padStart(12, '0')}`,
      apiKey: `bench${String(Math.floor(i / applicationsPerAccount)).padStart(3, '0')}`,
      name: `App ${i % applicationsPerAccount}`,
      voice: i % applicationsPerAccount === 0,
    })),
  };
  const fake = await startFakeProcess(seed);
  const names = ['KEYDESK_VONAGE_API_HOST', 'KEYDESK_VONAGE_REST_HOST'] as const;
  for (const name of names) process.env[name] = fake.url;
  try {
    heading(
      `Check all: ${accounts} accounts, ${seed.applications.length} applications, ${latencyMs} ms per request, ${concurrency} at a time`,
    );
    const seeding = performance.now();
    const ids = new Map<string, string>();
    for (const [a, account] of seed.accounts.entries()) {
      const stored = await must(
        invoke('accounts:create', {
          name: `Customer ${a}`,
          apiKey: account.apiKey,
          apiSecret: account.secret,
        }),
      );
      ids.set(account.apiKey, stored.id);
    }
    for (const app of seed.applications) {
      await must(
        invoke('apps:create', {
          accountId: ids.get(app.apiKey),
          id: app.id,
          name: app.name,
          key: { kind: 'pem', pem },
        }),
      );
    }
    console.log(`  vault seeded in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);

    await fake.reset();
    const start = performance.now();
    const results = await must(invoke('vonage:check', { all: true, concurrency }));
    const wall = performance.now() - start;
    const requests = await fake.requests();
    const ideal = (requests * latencyMs) / concurrency;
    const ratio = wall / ideal;
    const notOk = results.filter((r) => !r.ok).length;
    const row = (label: string, value: string) => console.log(`  ${label.padEnd(40)} ${value}`);
    row('results', `${results.length} (${notOk} not OK)`);
    row('requests to the fake', String(requests));
    row(`ideal (requests x ${latencyMs} ms / ${concurrency})`, `${(ideal / 1000).toFixed(2)} s`);
    row(
      'wall time',
      `${(wall / 1000).toFixed(2)} s   ${ratio.toFixed(2)}x the ideal   (goal <= ${goalRatio}x: ${ratio <= goalRatio ? 'met' : 'NOT met'})`,
    );
  } finally {
    for (const name of names) Reflect.deleteProperty(process.env, name);
    await fake.stop();
  }
}
