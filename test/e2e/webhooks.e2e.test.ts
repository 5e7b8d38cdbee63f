import { randomUUID } from 'node:crypto';
import { verifySignature as vonageVerifyJwt } from '@vonage/jwt';
import { describe, expect, it } from 'vitest';
import { contractCaller } from '../helpers/contract-caller';
import { sha256Hex, vonageSig, vonageWebhookToken } from '../helpers/webhook-oracle';
import { darkScreenshot, useAppUnderTest } from './app-fixture';

/** The Webhooks screen and the signature secret in the account form, in Chromium. */
const fixture = useAppUnderTest();

const acmeSecret = 'acme-Signature-Secret-0123456789';
const globexSecret = 'globex-Signature-Secret-987654';
const body = '{"from":"447700900000","to":"447700900001","status":"answered"}';

async function start() {
  const app = await fixture.start();
  const { ok } = contractCaller(() => app.backend.invoke);
  await ok('accounts:create', {
    name: 'Acme Corp',
    apiKey: 'acme0001',
    apiSecret: 'acme-API-secret',
    signatureSecret: acmeSecret,
  });
  await ok('accounts:create', {
    name: 'Globex',
    apiKey: 'globex01',
    apiSecret: 'globex-API-secret',
    signatureSecret: globexSecret,
  });
  await app.page.reload();
  await app.page.getByRole('treeitem', { name: /Globex/ }).waitFor();
  await app.page.getByRole('button', { name: 'Webhooks' }).click();
  return app;
}

describe('the Webhooks screen', () => {
  it('says a pasted webhook was signed with the other account’s secret, and why a body fails', async () => {
    const a = await start();
    const { page } = a;
    const claims = {
      iat: Math.floor(Date.now() / 1000),
      jti: randomUUID(),
      iss: 'Vonage',
      api_key: 'acme0001',
      payload_hash: sha256Hex(body),
    };
    const byGlobex = vonageWebhookToken(globexSecret, claims);
    const request = `POST /webhooks/event HTTP/1.1\nHost: example.com\nAuthorization: Bearer ${byGlobex}\n\n${body}`;
    await page.getByLabel('The request as received').fill(request);
    await page.getByRole('button', { name: 'Verify' }).click();
    const verdict = page.getByTestId('webhook-verdict');
    await verdict.getByText(/^Not valid: one reason/).waitFor();
    expect(await verdict.innerText()).toMatch(/SIGNED_BY_OTHER_ACCOUNT[\s\S]*"Globex"/);
    expect(await verdict.innerText()).toContain(sha256Hex(body));
    await a.screenshot('16-webhook-verdict');
    await darkScreenshot(a, '16-webhook-verdict');

    // The genuine token with a body a framework pretty-printed.
    const genuine = vonageWebhookToken(acmeSecret, claims);
    await page.getByText('Token and body', { exact: true }).click();
    await page.getByLabel('Token (the Authorization header)').fill(genuine);
    await page
      .getByLabel('Body, exactly as received')
      .fill(JSON.stringify(JSON.parse(body), null, 2));
    await page.getByRole('button', { name: 'Verify' }).click();
    await verdict.getByText(/BODY_RESERIALISED/).waitFor();

    // sig parameters, verified with the account's method.
    const params = {
      'api-key': 'acme0001',
      text: 'hi',
      timestamp: String(Math.floor(Date.now() / 1000)),
    };
    await page.getByText('Parameters with sig (SMS, signed requests)', { exact: true }).click();
    await page.getByLabel('Parameters with sig', { exact: true }).fill(
      new URLSearchParams({
        ...params,
        sig: vonageSig(params, acmeSecret, 'md5hash'),
      }).toString(),
    );
    await page.getByRole('button', { name: 'Verify' }).click();
    await verdict.getByText('Valid signed request (md5hash) for “Acme Corp”.').waitFor();

    // A request without headers gets its own message, next to the field.
    await page.getByText('Raw request (Bearer JWT)', { exact: true }).click();
    await page.getByLabel('The request as received').fill('not a request');
    await page.getByRole('button', { name: 'Verify' }).click();
    await page
      .locator('#webhook-request-error')
      .getByText(/request line/)
      .waitFor();
  });

  it('signs a test webhook that @vonage/jwt accepts, and copies the curl command', async () => {
    const a = await start();
    const { page } = a;
    const panel = page.getByRole('region', { name: 'Sign a test webhook' });
    await panel.getByLabel('Account').selectOption({ label: 'Globex (md5hash)' });
    await panel.getByLabel('Body').fill(body);
    await panel.getByLabel('Webhook URL for curl (optional)').fill('http://127.0.0.1:3000/hook');
    await panel.getByRole('button', { name: 'Sign' }).click();
    const signed = page.getByTestId('webhook-signed');
    await signed.waitFor();
    const token = (await signed.locator('pre').first().innerText()).trim();
    expect(vonageVerifyJwt(token, globexSecret)).toBe(true);
    await signed.getByRole('button', { name: 'Copy' }).nth(2).click();
    await expect
      .poll(() => a.clipboard.readText())
      .toMatch(/^curl -X POST 'http:\/\/127\.0\.0\.1:3000\/hook'/);
    await a.screenshot('17-webhook-signed');
    await darkScreenshot(a, '17-webhook-signed');
  });
});

describe('the signature secret in the account form', () => {
  it('stores a new signature secret and method, and the screens show them', async () => {
    const a = await start();
    const { page } = a;
    await page.getByRole('treeitem', { name: /Acme Corp/ }).click();
    await page.getByRole('button', { name: 'Edit account' }).click();
    await page.getByLabel('Signature secret (optional)').fill(' padded');
    await page.getByLabel('Signature method').selectOption('sha256');
    await page.getByRole('button', { name: 'Save account' }).click();
    await page
      .locator('#account-signature-secret-error')
      .getByText(/starts or ends with spaces/)
      .waitFor();
    await page.getByLabel('Signature secret (optional)').fill('rotated-Signature-Secret');
    await page.getByRole('button', { name: 'Save account' }).click();
    await page.getByTestId('signature-secret').getByText('method sha256').waitFor();
    const stored = await a.backend.services.vault.accounts.revealSecret(
      (await a.backend.services.vault.accounts.resolve('Acme Corp')).id,
      'signatureSecret',
    );
    expect(stored).toBe('rotated-Signature-Secret');
    await page.getByTestId('signature-secret').getByRole('button', { name: 'Copy' }).click();
    await expect.poll(() => a.clipboard.readText()).toBe('rotated-Signature-Secret');
  });
});
