import { KeydeskError } from '../../shared/errors';
import type { VonageSecret } from '../../shared/secret-schemas';
import { CheckFailure, jsonObject, secretRefused, type VonageAnswer } from './vonage-request';
import type { VonageCall } from './vonage-client';
import { readProblem, refusalSummary } from './vonage-problem';

/**
 * An account's API secrets at Vonage (`/accounts/{api_key}/secrets`, Basic auth with a key and any
 * current secret; a primary account may name a subaccount's key in the path). Vonage never
 * returns a secret's value: only its id and when it was made.
 */
export type AsBasic = (call: VonageCall) => Promise<VonageAnswer>;

const secretsPath = (apiKey: string) => `/accounts/${encodeURIComponent(apiKey)}/secrets`;

function readSecret(value: unknown): VonageSecret {
  const raw = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  if (typeof raw.id !== 'string' || raw.id.length > 100 || typeof raw.created_at !== 'string') {
    throw new CheckFailure(
      'BAD_RESPONSE',
      "Vonage's answer has a secret without an id or a date. Check the Vonage host in the settings.",
    );
  }
  return { id: raw.id, createdAt: raw.created_at.slice(0, 40) };
}

/** Vonage's refusal as the contract's error, by the problem's code (the part after # in type). */
function refusal(answer: VonageAnswer, apiKey: string, what: string): KeydeskError {
  const problem = readProblem(answer.body);
  const said = `HTTP ${refusalSummary(answer.status, problem)}`;
  if (answer.status === 401) {
    return new CheckFailure('AUTH_FAILED', secretRefused(apiKey)).toKeydeskError();
  }
  if (problem.code === 'add-excess-secret') {
    return new KeydeskError(
      'CONFLICT',
      `Vonage already holds two API secrets for ${apiKey}, its most (${said}). Revoke one first.`,
    );
  }
  if (problem.code === 'delete-last-secret') {
    return new KeydeskError(
      'CONFLICT',
      `Vonage keeps at least one API secret per account: that is the last one of ${apiKey} (${said}).`,
    );
  }
  if (problem.code === 'unprovisioned' || answer.status === 403) {
    return new KeydeskError(
      'VONAGE_FAILED',
      `Vonage does not let ${apiKey} ${what} (${said}): the account is not provisioned for it.`,
    );
  }
  if (answer.status === 404) {
    return new KeydeskError('NOT_FOUND', `Vonage did not find that for ${apiKey} (${said}).`);
  }
  if (answer.status === 400)
    return new KeydeskError('VALIDATION', `Vonage refused to ${what} (${said}).`);
  return new KeydeskError('VONAGE_FAILED', `Vonage did not ${what}: it answered ${said}.`);
}

export async function listSecrets(send: AsBasic, apiKey: string): Promise<VonageSecret[]> {
  const answer = await send({ method: 'GET', path: secretsPath(apiKey) });
  if (answer.status !== 200) throw refusal(answer, apiKey, 'list its API secrets');
  const body = jsonObject(answer, 'the list of secrets');
  const list = (body._embedded as { secrets?: unknown } | undefined)?.secrets;
  if (!Array.isArray(list) || list.length > 10) {
    throw new CheckFailure('BAD_RESPONSE', 'The list of secrets is not a short list of secrets.');
  }
  return list.map(readSecret);
}

export async function addSecret(
  send: AsBasic,
  apiKey: string,
  secret: string,
): Promise<VonageSecret> {
  const answer = await send({ method: 'POST', path: secretsPath(apiKey), json: { secret } });
  if (answer.status !== 201 && answer.status !== 200) {
    throw refusal(answer, apiKey, 'add an API secret');
  }
  return readSecret(jsonObject(answer, 'the new secret'));
}

export async function revokeSecret(send: AsBasic, apiKey: string, id: string): Promise<void> {
  const answer = await send({
    method: 'DELETE',
    path: `${secretsPath(apiKey)}/${encodeURIComponent(id)}`,
  });
  if (answer.status !== 204 && answer.status !== 200) {
    throw refusal(answer, apiKey, 'revoke the API secret');
  }
}

/** Whether this key and secret authenticate (the list of secrets answers 200), without throwing on 401. */
export async function secretWorks(send: AsBasic, apiKey: string): Promise<boolean> {
  const answer = await send({ method: 'GET', path: secretsPath(apiKey) });
  if (answer.status === 401) return false;
  if (answer.status === 200) return true;
  throw refusal(answer, apiKey, 'list its API secrets');
}
