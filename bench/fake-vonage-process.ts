/**
 * The fake Vonage in a process of its own for `npm run bench -- check`: Vonage is a remote
 * server, so its work must not share the checking process's CPU. Reads its dashboard from the
 * JSON on stdin's first line, prints its URL, answers "count" with the requests it has had, and
 * exits when stdin closes.
 */
import { createInterface } from 'node:readline';
import { startFakeVonage } from '../test/helpers/fake-vonage';

interface Seed {
  latencyMs: number;
  accounts: { apiKey: string; secret: string }[];
  applications: { id: string; apiKey: string; name: string; voice: boolean }[];
  publicKey: string;
  /** Client SDK users to give one application (npm run bench -- users). */
  users?: { applicationId: string; count: number };
}

const lines = createInterface({ input: process.stdin });
let fake: Awaited<ReturnType<typeof startFakeVonage>> | undefined;
for await (const line of lines) {
  if (!fake) {
    const seed = JSON.parse(line) as Seed;
    fake = await startFakeVonage({ latencyMs: seed.latencyMs });
    for (const [index, account] of seed.accounts.entries())
      fake.accounts.set(account.apiKey, { ...account, balance: index });
    for (const app of seed.applications) {
      fake.applications.set(app.id, {
        id: app.id,
        apiKey: app.apiKey,
        name: app.name,
        capabilities: app.voice ? { voice: {} } : { messages: {} },
        publicKey: seed.publicKey,
      });
    }
    if (seed.users) fake.users.seed(seed.users.applicationId, seed.users.count);
    process.stdout.write(`${fake.url}\n`);
  } else if (line === 'count') {
    process.stdout.write(`${fake.requests.length}\n`);
  } else if (line === 'reset') {
    fake.requests.length = 0;
    process.stdout.write('0\n');
  }
}
await fake?.close();
