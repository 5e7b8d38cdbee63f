import { KeydeskError } from '../../shared/errors';
import type { Subaccount } from '../../shared/secret-schemas';
import { apiKeySchema } from '../../shared/vault-schemas';
import type { AsBasic } from './secrets-api';
import { readProblem, refusalSummary } from './vonage-problem';
import { CheckFailure, jsonObject, secretRefused, type VonageAnswer } from './vonage-request';

/**
 * A primary account's subaccounts (`/accounts/{primary}/subaccounts`, Basic auth with the
 * primary's key and secret). Creating one is the only time Vonage returns a secret.
 */
const path = (primaryKey: string) => `/accounts/${encodeURIComponent(primaryKey)}/subaccounts`;

function readSubaccount(value: unknown): Subaccount {
  const raw = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const apiKey = apiKeySchema.safeParse(raw.api_key);
  if (!apiKey.success || typeof raw.name !== 'string') {
    throw new CheckFailure(
      'BAD_RESPONSE',
      "Vonage's answer has a subaccount without a valid API key or a name. Check the Vonage host in the settings.",
    );
  }
  const number = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  return {
    apiKey: apiKey.data,
    name: raw.name.slice(0, 200),
    sharesBalance: raw.use_primary_account_balance !== false,
    suspended: raw.suspended === true,
    balance: number(raw.balance),
    createdAt: typeof raw.created_at === 'string' ? raw.created_at.slice(0, 40) : '',
  };
}

function refusal(answer: VonageAnswer, primaryKey: string, what: string): KeydeskError {
  const problem = readProblem(answer.body);
  const said = `HTTP ${refusalSummary(answer.status, problem)}`;
  if (answer.status === 401) {
    return new CheckFailure('AUTH_FAILED', secretRefused(primaryKey)).toKeydeskError();
  }
  if (problem.code === 'unprovisioned' || answer.status === 403) {
    return new KeydeskError(
      'VONAGE_FAILED',
      `Account ${primaryKey} cannot ${what} (${said}): the Subaccounts API is not enabled for it. Vonage Partners have it; others ask their account manager.`,
    );
  }
  if (answer.status === 400 || answer.status === 422) {
    return new KeydeskError(
      'VALIDATION',
      `Vonage refused to ${what} (${said}).`,
      problem.parameters.includes('name') ? 'name' : undefined,
    );
  }
  if (answer.status === 404) {
    return new KeydeskError('NOT_FOUND', `Vonage did not find that for ${primaryKey} (${said}).`);
  }
  return new KeydeskError('VONAGE_FAILED', `Vonage did not ${what}: it answered ${said}.`);
}

export async function listSubaccounts(
  send: AsBasic,
  primaryKey: string,
): Promise<{ subaccounts: Subaccount[]; totalBalance: number | null }> {
  const answer = await send({ method: 'GET', path: path(primaryKey) });
  if (answer.status !== 200) throw refusal(answer, primaryKey, 'list its subaccounts');
  const body = jsonObject(answer, 'the list of subaccounts');
  const list = (body._embedded as { subaccounts?: unknown } | undefined)?.subaccounts ?? [];
  if (!Array.isArray(list) || list.length > 10_000) {
    throw new CheckFailure('BAD_RESPONSE', 'The list of subaccounts is not a list of subaccounts.');
  }
  const total = typeof body.total_balance === 'number' ? body.total_balance : null;
  return { subaccounts: list.map(readSubaccount), totalBalance: total };
}

/** A new subaccount with the secret Vonage made for it (shown once, never again). */
export async function createSubaccount(
  send: AsBasic,
  primaryKey: string,
  input: { name: string; ownBalance: boolean },
): Promise<Subaccount & { secret: string }> {
  const answer = await send({
    method: 'POST',
    path: path(primaryKey),
    json: { name: input.name, use_primary_account_balance: !input.ownBalance },
  });
  if (answer.status !== 200 && answer.status !== 201) {
    throw refusal(answer, primaryKey, 'create a subaccount');
  }
  const body = jsonObject(answer, 'the new subaccount');
  if (typeof body.secret !== 'string' || !body.secret) {
    throw new CheckFailure('BAD_RESPONSE', "Vonage's answer to the new subaccount has no secret.");
  }
  return { ...readSubaccount(body), secret: body.secret };
}
