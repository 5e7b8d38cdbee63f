import type { CheckCode } from '../../shared/check-schemas';
import { KeydeskError } from '../../shared/errors';
import { groupDigits } from '../../shared/group-digits';
import { ProxyFailure, type Network } from '../net/network';

/** A check that could not get a usable answer, with the code and message it reports. */
export class CheckFailure extends Error {
  constructor(
    readonly code: CheckCode,
    message: string,
  ) {
    super(message);
  }

  /** As the contract's error, for a caller that asked for a change rather than a check. */
  toKeydeskError(more?: string, field?: string): KeydeskError {
    const text = `${this.code}: ${this.message}${more ? ` ${more}` : ''}`;
    return new KeydeskError('VONAGE_FAILED', text, field);
  }
}

/** Vonage's 401 to the account's key and secret, with what to do. */
export const secretRefused = (apiKey: string) =>
  `Vonage refused the API key ${apiKey} with the stored secret (401): the secret is wrong or was rotated in the dashboard. Copy the current one from the dashboard (Settings > API keys) into the account.`;

export interface VonageAnswer {
  status: number;
  body: string;
}

/** Vonage's answers are small; anything larger is not Vonage's answer and is not read. */
export const maxAnswerBytes = 1024 * 1024;
/** A 429 is asked again at most this many times, after the wait Vonage names. */
export const maxRetries = 3;
/** The longest wait Keydesk honours for one Retry-After. */
const maxRetryAfterMs = 30_000;

export interface RequestOptions {
  timeoutMs: number;
  /** Direct or through the proxy the environment or the system names (network.ts). */
  network: Network;
  /** GET unless said; a body is sent as JSON. */
  method?: 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';
  json?: unknown;
  /** Waits between retries (tests pass a recorder). */
  sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Retry-After as seconds or an HTTP date, in ms (a second when it says nothing usable). */
export function retryAfterMs(header: string | null, now = Date.now()): number {
  if (header && /^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = header ? Date.parse(header) : Number.NaN;
  return Number.isNaN(date) ? 1000 : Math.max(0, date - now);
}

async function readCapped(response: Response, host: string): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let next: Awaited<ReturnType<typeof reader.read>>;
    try {
      next = await reader.read();
    } catch (error) {
      throw new CheckFailure(
        'BAD_RESPONSE',
        `${host}'s answer broke off (${(error as Error).message}).`,
      );
    }
    if (next.done) break;
    size += next.value.length;
    if (size > maxAnswerBytes) {
      await reader.cancel().catch(() => undefined);
      throw new CheckFailure(
        'BAD_RESPONSE',
        `${host} answered with more than ${groupDigits(maxAnswerBytes)} bytes; that is not Vonage's answer. Check the Vonage host in the settings.`,
      );
    }
    chunks.push(next.value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * One request to Vonage with a deadline; a 429 waits as Retry-After says and asks again (at
 * most three times). Whatever goes wrong on the way is a CheckFailure with its code.
 */
export async function vonageRequest(
  url: URL,
  headers: Record<string, string>,
  options: RequestOptions,
): Promise<VonageAnswer> {
  const sleep = options.sleep ?? wait;
  for (let attempt = 0; ; attempt += 1) {
    let response: Response;
    try {
      response = await options.network.fetch(
        url,
        {
          method: options.method ?? 'GET',
          headers: {
            accept: 'application/json',
            ...(options.json === undefined ? {} : { 'content-type': 'application/json' }),
            ...headers,
          },
          ...(options.json === undefined ? {} : { body: JSON.stringify(options.json) }),
          redirect: 'manual',
        },
        options.timeoutMs,
      );
    } catch (error) {
      if (error instanceof ProxyFailure) {
        throw new CheckFailure(error.kind === 'timeout' ? 'TIMEOUT' : 'UNREACHABLE', error.message);
      }
      const name = (error as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError') {
        throw new CheckFailure(
          'TIMEOUT',
          `${url.host} did not answer within ${options.timeoutMs / 1000} s. Vonage may be slow right now, or the network is; try again, or raise the Vonage timeout in the settings.`,
        );
      }
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      throw new CheckFailure(
        'UNREACHABLE',
        `Cannot reach ${url.host}${cause ? ` (${cause})` : ''}. Check the network and the Vonage host in the settings; behind a proxy, name it in HTTPS_PROXY (http://host:port).`,
      );
    }
    if (response.status === 429 && attempt < maxRetries) {
      await response.body?.cancel().catch(() => undefined);
      await sleep(Math.min(retryAfterMs(response.headers.get('retry-after')), maxRetryAfterMs));
      continue;
    }
    const body = await readCapped(response, url.host);
    if (response.status === 429) {
      throw new CheckFailure(
        'RATE_LIMITED',
        `Vonage still refused with 429 (too many requests) after ${maxRetries} retries. Check fewer at once (--concurrency), or try again in a minute.`,
      );
    }
    if (response.status >= 500) {
      throw new CheckFailure(
        'SERVER_ERROR',
        `Vonage answered ${response.status}: a problem on Vonage's side. Try again later; https://www.vonagestatus.com says whether it is known.`,
      );
    }
    return { status: response.status, body };
  }
}

/** A JSON object from an answer, or BAD_RESPONSE saying what came instead. */
export function jsonObject(answer: VonageAnswer, what: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(answer.body);
    if (value && typeof value === 'object' && !Array.isArray(value))
      return value as Record<string, unknown>;
  } catch {
    // Reported below.
  }
  throw new CheckFailure(
    'BAD_RESPONSE',
    `Vonage's answer to ${what} (HTTP ${answer.status}) is not the JSON object expected (${groupDigits(answer.body.length)} characters). Check the Vonage host in the settings.`,
  );
}
