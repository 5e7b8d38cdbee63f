import { beforeAll, describe, expect, it } from 'vitest';
import { contractCaller } from '../helpers/contract-caller';
import { type FakeVonage } from '../helpers/fake-vonage';
import { useFakeVonage } from '../helpers/use-fake-vonage';
import { darkScreenshot, useAppUnderTest } from './app-fixture';

/** An account's API secrets at Vonage and its subaccounts, on the account view. */
const { start } = useAppUnderTest();
const fakeVonage = useFakeVonage();
let fake: FakeVonage;

beforeAll(() => {
  fake = fakeVonage();
});

async function seeded() {
  const a = await start();
  const { ok } = contractCaller(() => a.backend.invoke);
  fake.reset();
  fake.accounts.set('acme0001', { apiKey: 'acme0001', secret: 'first-Secret1', balance: 9 });
  await ok('accounts:create', { name: 'Acme', apiKey: 'acme0001', apiSecret: 'first-Secret1' });
  await a.page.reload();
  await a.page.getByRole('treeitem', { name: /Acme/ }).click();
  return { a, ok };
}

const atVonage = () => fake.secretsOf(fake.accounts.get('acme0001') ?? ({} as never));

describe('API secrets at Vonage', () => {
  it('rotates after main asks, keeps the old one on request, and revokes the other', async () => {
    const { a } = await seeded();
    const { page } = a;
    const section = page.getByTestId('secrets');
    await section.getByRole('button', { name: 'Show secrets' }).click();
    await section.getByText('Keydesk holds this one').waitFor();
    a.answerConfirmations(false);
    await section.getByRole('button', { name: 'Rotate secret' }).click();
    await page.getByText('The API secret was not rotated.').waitFor();
    expect(atVonage().map((s) => s.value)).toEqual(['first-Secret1']);

    await section.getByLabel('Keep the old secret working').check();
    await section.getByRole('button', { name: 'Rotate secret' }).click();
    await section.getByText(/The previous one .* still works until you revoke it/).waitFor();
    expect(a.confirmations.map((c) => c.action)).toEqual(['Rotate secret', 'Rotate secret']);
    await expect.poll(() => section.locator('tbody tr').count()).toBe(2);
    expect(await section.getByRole('button', { name: 'Rotate secret' }).isDisabled()).toBe(true);
    await section.scrollIntoViewIfNeeded();
    await a.screenshot('33-secrets');
    await darkScreenshot(a, '33-secrets');

    const old = atVonage().find((s) => s.value === 'first-Secret1')?.id ?? '';
    await section.getByRole('button', { name: `Revoke secret ${old}` }).click();
    await page.getByText(`Revoked API secret ${old} of "Acme" at Vonage.`).waitFor();
    await expect.poll(() => section.locator('tbody tr').count()).toBe(1);
    expect(atVonage().map((s) => s.value)).not.toContain('first-Secret1');
    expect(a.confirmations.at(-1)?.action).toBe('Revoke secret');
  });
});

describe('Subaccounts', () => {
  it('lists balances and states, imports with a checked secret, creates, and nests them', async () => {
    const { a } = await seeded();
    const { page } = a;
    fake.accounts.set('sub00001', {
      apiKey: 'sub00001',
      secret: 'sub-Secret-001',
      balance: 4.25,
      name: 'Branch A',
      primary: 'acme0001',
      ownBalance: true,
      suspended: true,
    });
    const section = page.getByTestId('subaccounts');
    await section.getByRole('button', { name: 'Show subaccounts' }).click();
    await section.getByText('Suspended').waitFor();
    await section.getByText('4.25').waitFor();
    await section.getByRole('button', { name: 'Import Branch A' }).click();
    await section.getByLabel('Its API secret').fill('wrong-Secret-9');
    await section.getByRole('button', { name: 'Import', exact: true }).click();
    await section.getByText(/Vonage refused that secret/).waitFor();
    await section.getByLabel('Its API secret').fill('sub-Secret-001');
    await section.getByRole('button', { name: 'Import', exact: true }).click();
    await section.getByRole('button', { name: 'Branch A' }).waitFor();

    await section.getByRole('button', { name: 'Create subaccount' }).click();
    await section.getByLabel('Name').fill('Branch B');
    await section.getByRole('button', { name: 'Create and store' }).click();
    await section.getByRole('button', { name: 'Branch B' }).waitFor();
    const sidebar = page.getByRole('tree');
    await sidebar.getByText('sub of Acme').first().waitFor();
    expect(await sidebar.getByText(/sub of Acme/).count()).toBe(2);
    await section.scrollIntoViewIfNeeded();
    await a.screenshot('34-subaccounts');
    await darkScreenshot(a, '34-subaccounts');

    await section.getByRole('button', { name: 'Branch B' }).click();
    await page.getByRole('heading', { level: 1, name: 'Branch B' }).waitFor();
    await page.getByText('Subaccount of').waitFor();
  });
});
