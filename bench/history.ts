import { randomUUID } from 'node:crypto';
import { heading, report, timeRuns } from './stats';
import { must, type BenchServices } from './bench-services';
import type { NewHistoryEvent } from '../src/core/history/history-repo';
import type { HistoryAction } from '../src/shared/history-schemas';

const total = 1_000_000;
const yearMs = 365 * 86_400_000;

/** A year of a busy support desk: 1,000 accounts, 10 applications each, mostly mints. */
function makeEvent(
  i: number,
  start: number,
  accounts: { id: string; name: string; apps: string[] }[],
): NewHistoryEvent {
  const account = accounts[i % accounts.length] ?? accounts[0];
  const appId = account?.apps[i % 10];
  const roll = (i * 7919) % 100;
  const action: HistoryAction =
    roll < 80
      ? 'mint'
      : roll < 88
        ? 'copy'
        : roll < 93
          ? 'reveal'
          : roll < 96
            ? 'update'
            : roll < 98
              ? 'export'
              : 'create';
  const sub = `user${(i * 31) % 5000}`;
  return {
    at: start + Math.floor((i / total) * yearMs),
    action,
    outcome: i % 50 === 0 ? 'failed' : 'ok',
    accountId: account?.id,
    accountName: account?.name,
    applicationId: appId,
    applicationName: `App ${i % 10}`,
    summary:
      action === 'mint' ? `Minted a JWT (ttl 15 min, sub ${sub}, ACL none)` : `${action} event`,
    details:
      action === 'mint' ? { jti: randomUUID(), sub, exp: 0, ttlSeconds: 900, acl: 'none' } : {},
    ...(i % 50 === 0
      ? { error: { code: 'KEYCHAIN_LOCKED' as const, message: 'The OS keychain is locked.' } }
      : {}),
  };
}

export async function benchHistory({ invoke, services }: BenchServices): Promise<void> {
  const accounts = Array.from({ length: 1000 }, (_, a) => ({
    id: randomUUID(),
    name: `Customer ${String(a).padStart(4, '0')} Ltd`,
    apps: Array.from({ length: 10 }, () => randomUUID()),
  }));
  const start = Date.now() - yearMs;
  const insert = services.db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i += 1) services.history.append(makeEvent(i, start, accounts));
  });
  const began = performance.now();
  for (let i = 0; i < total; i += 20_000) insert(i, i + 20_000);
  const seconds = (performance.now() - began) / 1000;
  heading(`History: ${total.toLocaleString('en')} events`);
  console.log(
    `  inserted in ${seconds.toFixed(1)} s (${Math.round(total / seconds).toLocaleString('en')} events/s, batches of 20,000, FTS index included)`,
  );

  const lastMint = services.history.page({ action: 'mint' }, 1).events[0];
  const jti = lastMint?.details.jti ?? '';
  const oldJti =
    services.history.page({ text: 'minted', until: new Date(start + 86_400_000).toISOString() }, 1)
      .events[0]?.details.jti ?? '';
  const account = accounts[321];
  const page = (filter: object) => () => must(invoke('history:list', { limit: 50, ...filter }));
  const runs = 200;
  report('first page, no filter', await timeRuns(runs, page({})), 10);
  report('first page, filter: account', await timeRuns(runs, page({ accountId: account?.id })), 10);
  report(
    'first page, filter: application + action',
    await timeRuns(runs, page({ applicationId: account?.apps[1], action: 'mint' })),
    10,
  );
  report(
    'first page, filter: action "export" (2%)',
    await timeRuns(runs, page({ action: 'export' })),
    10,
  );
  report(
    'first page, filter: last 7 days',
    await timeRuns(runs, page({ since: new Date(Date.now() - 7 * 86_400_000).toISOString() })),
    10,
  );
  report(
    'first page, search: a sub ("user4242", ~200 hits)',
    await timeRuns(runs, page({ text: 'user4242' })),
    10,
  );
  report('first page, search: a jti (1 hit)', await timeRuns(runs, page({ text: jti })), 10);
  report(
    'first page, search: a jti from a year ago (1 hit)',
    await timeRuns(runs, page({ text: oldJti })),
    10,
  );
  report(
    'first page, search: "customer 0321" (name words)',
    await timeRuns(runs, page({ text: 'customer 0321' })),
    10,
  );
  // The shapes that were slow: a start of a word shared by most events (the prefix indexes of
  // migration 007 serve one of up to 8 characters), and a word in every event narrowed further
  // by a filter.
  report(
    'first page, search: "minted" (a prefix, 800,000 hits)',
    await timeRuns(50, page({ text: 'minted' })),
    10,
  );
  report(
    'first page, search: "m" (the first keystroke)',
    await timeRuns(50, page({ text: 'm' })),
    10,
  );
  report(
    'first page, search: "customer" (a prefix in every event)',
    await timeRuns(50, page({ text: 'customer' })),
    10,
  );
  report(
    'first page, search: "customer 0321" + action reveal',
    await timeRuns(50, page({ text: 'customer 0321', action: 'reveal' })),
    10,
  );
  const cursor = (await must(invoke('history:list', { limit: 50 }))).nextCursor ?? undefined;
  report('second page (keyset cursor), no filter', await timeRuns(runs, page({ cursor })), 10);
}
