import { KeydeskError } from '../../shared/errors';
import { groupDigits } from '../../shared/group-digits';
import { ProxyFailure, type Network } from '../net/network';

export interface HttpResult {
  status: number;
  contentType: string;
  body: string;
  /** The body's size in bytes, for messages that describe it without quoting it. */
  bytes: number;
}

/** A provider's answer is read as a stream and abandoned past this size. */
export const maxResponseBytes = 1024 * 1024;

/**
 * One HTTP call to a provider with a deadline, every failure turned into the error a person can
 * act on: refused, not found, timed out, or the provider said no (with its oauth_problem).
 */
export async function httpCall(
  network: Network,
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
  timeoutMs: number,
  what: string,
): Promise<HttpResult> {
  let response: Response;
  try {
    response = await network.fetch(new URL(url), { ...init, redirect: 'manual' }, timeoutMs);
  } catch (error) {
    if (error instanceof ProxyFailure) {
      throw new KeydeskError(
        error.kind === 'timeout' ? 'OAUTH_TIMEOUT' : 'OAUTH_UNREACHABLE',
        `The ${what} failed: ${error.message}`,
      );
    }
    throw networkError(error, url, timeoutMs, what);
  }
  const body = await readCapped(response, what);
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    body: body.toString('utf8'),
    bytes: body.length,
  };
}

/** Reads at most `maxResponseBytes`; a larger answer is cut off and refused, never buffered. */
async function readCapped(response: Response, what: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  for (;;) {
    let next: Awaited<ReturnType<typeof reader.read>>;
    try {
      next = await reader.read();
    } catch (error) {
      throw new KeydeskError(
        'OAUTH_BAD_RESPONSE',
        `The provider's answer to the ${what} broke off (${(error as Error).message}).`,
      );
    }
    if (next.done) break;
    size += next.value.length;
    if (size > maxResponseBytes) {
      await reader.cancel().catch(() => undefined);
      throw new KeydeskError(
        'OAUTH_BAD_RESPONSE',
        `The provider's answer to the ${what} was larger than ${maxResponseBytes / 1024 / 1024} MiB; Keydesk stopped reading it. Check the endpoint base URL.`,
      );
    }
    chunks.push(Buffer.from(next.value));
  }
  return Buffer.concat(chunks);
}

/**
 * What a message may say about a provider's answer: never its text (a token response can hold
 * oauth_token_secret), only its status, content type and size.
 */
export function describeAnswer(result: HttpResult): string {
  const type = result.contentType.split(';')[0]?.trim() || 'no content type';
  return `HTTP ${result.status}, ${type}, ${groupDigits(result.bytes)} bytes`;
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
  return new KeydeskError(
    'OAUTH_REJECTED',
    `The provider refused the ${what} (${describeAnswer(result)}). Check the consumer key and secret.`,
  );
}

/**
 * Why a call never got an answer, told apart: a name that does not exist (the base URL), DNS or
 * the network being down (offline, VPN), a refused port, a timeout.
 */
export function networkError(
  error: unknown,
  url: string,
  timeoutMs: number,
  what: string,
): KeydeskError {
  const name = (error as Error).name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new KeydeskError(
      'OAUTH_TIMEOUT',
      `The provider did not answer the ${what} within ${Math.round(timeoutMs / 1000)} s (${new URL(url).origin}).`,
    );
  }
  const code = ((error as { cause?: { code?: string } }).cause?.code ?? '') as string;
  const host = new URL(url).host;
  const reasons: Record<string, string> = {
    ECONNREFUSED: `${host} refused the connection (is the base URL right, is the server up?)`,
    ENOTFOUND: `the name ${new URL(url).hostname} does not resolve: check the base URL for a typo (or, if every site fails, your DNS)`,
    EAI_AGAIN: `DNS did not answer for ${new URL(url).hostname}: this computer looks offline (check the network or VPN), the base URL may be fine`,
    ENETUNREACH: `the network is unreachable: this computer looks offline (check the network or VPN)`,
    EHOSTUNREACH: `${host} is unreachable from this network (offline, VPN or firewall)`,
    ECONNRESET: `the connection to ${host} was cut off (a proxy or firewall?)`,
    ETIMEDOUT: `the connection to ${host} timed out (offline, VPN or firewall)`,
  };
  const reason =
    reasons[code] ?? `${host} could not be reached (${code || (error as Error).message})`;
  return new KeydeskError('OAUTH_UNREACHABLE', `The ${what} failed: ${reason}.`);
}

/** The provider's own explanation of a refusal (RFC 5849 has none; most providers send this). */
export function oauthProblem(body: string): string | undefined {
  try {
    const params = new URLSearchParams(body.trim());
    const problem = params.get('oauth_problem');
    if (!problem) return undefined;
    const advice = params.get('oauth_problem_advice');
    return advice ? `${problem} (${advice})` : problem;
  } catch {
    return undefined;
  }
}
