import { KeydeskError } from '../../shared/errors';
import { oauthProblem } from './parse-token-response';

export interface HttpResult {
  status: number;
  contentType: string;
  body: string;
}

const maxResponse = 64 * 1024;

/**
 * One HTTP call to a provider with a deadline, every failure turned into the error a person can
 * act on: refused, not found, timed out, or the provider said no (with its oauth_problem).
 */
export async function httpCall(
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
  timeoutMs: number,
  what: string,
): Promise<HttpResult> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw networkError(error, url, timeoutMs, what);
  }
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    body: text.length > maxResponse ? `${text.slice(0, maxResponse)}…` : text,
  };
}

/** A non-2xx answer to one of the three legs. */
export function rejected(result: HttpResult, what: string): KeydeskError {
  const problem = oauthProblem(result.body);
  if (problem) {
    return new KeydeskError(
      'OAUTH_REJECTED',
      `The provider refused the ${what} (HTTP ${result.status}): oauth_problem=${problem}.`,
    );
  }
  const snippet = result.body.replace(/\s+/g, ' ').trim().slice(0, 120);
  return new KeydeskError(
    'OAUTH_REJECTED',
    `The provider refused the ${what} with HTTP ${result.status}${snippet ? `: ${JSON.stringify(snippet)}` : ''}. Check the consumer key and secret.`,
  );
}

function networkError(error: unknown, url: string, timeoutMs: number, what: string): KeydeskError {
  const name = (error as Error).name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new KeydeskError(
      'OAUTH_TIMEOUT',
      `The provider did not answer the ${what} within ${Math.round(timeoutMs / 1000)} s (${new URL(url).origin}).`,
    );
  }
  const code = ((error as { cause?: { code?: string } }).cause?.code ?? '') as string;
  const host = new URL(url).host;
  const reason =
    code === 'ECONNREFUSED'
      ? `${host} refused the connection (is the base URL right, is the server up?)`
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? `${host} was not found (check the base URL)`
        : `${host} could not be reached (${code || (error as Error).message})`;
  return new KeydeskError('OAUTH_UNREACHABLE', `The ${what} failed: ${reason}.`);
}
