import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contractCaller } from '../helpers/contract-caller';
import { createMemoryTestKeychain } from '../helpers/keychain';
import { openTestServices } from '../helpers/services';
import { bareRemoteFor, gitAs } from '../helpers/team';
import { darkScreenshot, useAppUnderTest } from './app-fixture';

/** The Team view (issue 32): the folder, members, changes, Sync, a conflict settled; light and dark. */
const { start } = useAppUnderTest();

describe('the Team view', () => {
  it('says how to start or join a team when the vault has none', async () => {
    const a = await start();
    await a.page.getByRole('button', { name: 'Team' }).click();
    await a.page.getByRole('heading', { name: 'Team' }).waitFor();
    expect(await a.page.locator('.team__commands').innerText()).toContain('keydesk team init');
    await a.screenshot('39-team-none');
  });

  it("syncs, names a conflict with both sides, and settles it with the team's side", async () => {
    const a = await start(undefined, { env: { ...process.env, ...gitAs('Ana') } });
    const { page } = a;
    const ana = contractCaller(() => a.backend.invoke);
    const root = mkdtempSync(join(tmpdir(), 'keydesk-team-e2e-'));
    const acme = await ana.ok('accounts:create', {
      name: 'Acme',
      apiKey: 'acme0001',
      apiSecret: 'Acme-Secret-1',
    });
    await ana.ok('accounts:create', { name: 'Globex', apiKey: 'glob0001', apiSecret: 'Globex-1a' });
    await ana.ok('team:init', { folder: join(root, 'ana'), name: 'Ana' });
    await ana.ok('team:share', { accountId: acme.id });
    const bare = bareRemoteFor(join(root, 'ana'));

    // Ben, with a vault of his own, joins and changes Acme's secret; Ana changes it too.
    const benBackend = openTestServices(createMemoryTestKeychain(), {
      env: { ...process.env, ...gitAs('Ben') },
    });
    try {
      const ben = contractCaller(() => benBackend.invoke);
      const { recipient } = await ben.ok('team:identity', {});
      await ana.ok('team:addMember', { name: 'Ben', recipient });
      await ana.ok('team:sync', {});
      await ben.ok('team:join', { repo: bare, folder: join(root, 'ben') });
      const benAcme = benBackend.services.vault.accounts.resolve('Acme');
      await ben.ok('accounts:update', { id: benAcme.id, apiSecret: 'Acme-Secret-Ben' });
      await ben.ok('team:sync', {});
    } finally {
      benBackend.dispose();
    }
    await ana.ok('accounts:update', { id: acme.id, apiSecret: 'Acme-Secret-Ana' });

    await page.reload();
    // The sidebar marks the shared account, not the other.
    await expect
      .poll(() => page.getByRole('treeitem', { name: /Acme/ }).innerText())
      .toContain('team ·');
    expect(await page.getByRole('treeitem', { name: /Globex/ }).innerText()).not.toContain('team');

    await page.getByRole('treeitem', { name: /Acme/ }).click();
    expect(await page.getByTestId('shared-with-team').innerText()).toContain(
      'Shared with the team',
    );
    await page.getByRole('button', { name: 'Team' }).click();
    await page.getByRole('heading', { name: 'Members' }).waitFor();
    expect(await page.getByTestId('team-members').innerText()).toMatch(/Ana \(you\)[\s\S]*Ben/);
    await expect
      .poll(() => page.getByTestId('team-log').innerText())
      .toContain('Ana added Ben to the team');

    await page.getByRole('button', { name: 'Sync', exact: true }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'Conflicts' });
    await conflict.waitFor();
    expect(await conflict.innerText()).toMatch(
      /Acme\s+yours: [0-9a-f]{7} by Ana · the team's: [0-9a-f]{7} by Ben/,
    );
    await expect
      .poll(() => page.getByTestId('team-last-sync').innerText())
      .toContain('1 conflict(s)');
    await a.screenshot('40-team-conflict');
    await darkScreenshot(a, '40-team-conflict');
    // The last sync's conflicts are there after a reload too (a sync from the CLI, say).
    await page.reload();
    await page.getByRole('button', { name: 'Team' }).click();
    await conflict.waitFor();

    await conflict.getByRole('button', { name: "Keep the team's" }).click();
    await page.getByText('Synced with the team: received Acme.').waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'Conflicts' }).count()).toBe(0);
    expect(await a.backend.services.vault.accounts.revealSecret(acme.id, 'apiSecret')).toBe(
      'Acme-Secret-Ben',
    );
    await expect.poll(() => page.getByTestId('team-last-sync').innerText()).toContain('in sync');
    await expect
      .poll(() => page.getByTestId('team-log').innerText())
      .toContain('Ben changed "Acme"');
    await a.screenshot('41-team');
    await darkScreenshot(a, '41-team');
  });
});
