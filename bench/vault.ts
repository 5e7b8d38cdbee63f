import { heading, report, timeRuns } from './stats';
import { must, type BenchServices } from './bench-services';
import { seedVault } from '../test/helpers/seed-vault';

export async function benchVault({ invoke, services }: BenchServices): Promise<void> {
  const { accountIds, applicationsRepo, insertMs } = await seedVault(services);
  heading(
    `Vault: 1,000 accounts, 10,000 applications (rows inserted in ${insertMs.toFixed(0)} ms)`,
  );
  const someAppId = applicationsRepo.list({ accountId: accountIds[500] })[0]?.id ?? '';
  report(
    'accounts:list, all 1,000 (the sidebar)',
    await timeRuns(200, () => must(invoke('accounts:list', {}))),
    5,
  );
  report(
    'accounts:list, search by name "customer 05"',
    await timeRuns(200, () => must(invoke('accounts:list', { query: 'customer 05' }))),
    5,
  );
  report(
    'accounts:list, search by API key "key00777"',
    await timeRuns(200, () => must(invoke('accounts:list', { query: 'key00777' }))),
    5,
  );
  report(
    'accounts:list, search by application id prefix',
    await timeRuns(200, () => must(invoke('accounts:list', { query: someAppId.slice(0, 13) }))),
    5,
  );
  report(
    'apps:list of one account',
    await timeRuns(200, () => must(invoke('apps:list', { accountId: accountIds[700] }))),
    5,
  );
  report(
    'apps:list, search all 10,000 by id prefix',
    await timeRuns(200, () => must(invoke('apps:list', { query: someAppId.slice(0, 8) }))),
    5,
  );
}
