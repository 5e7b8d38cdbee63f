import { createRequire } from 'node:module';
import type { Dispatcher } from 'undici';
import {
  environmentSetsProxy,
  proxyFromEnvironment,
  proxyFromSystemAnswer,
  systemProxySource,
  type ProxyChoice,
} from './proxy-choice';

/**
 * The port through which the desktop app tells the core what the system's proxy settings (or a
 * PAC file) say for a URL, in Chromium's words ("PROXY host:port; DIRECT"). Main implements it
 * with its session; the core stays free of Electron. The CLI has none: the environment decides.
 */
export type SystemProxy = (target: URL) => Promise<string>;

/** A request through a proxy that did not get an answer, said in words that name the proxy. */
export class ProxyFailure extends Error {
  constructor(
    readonly kind: 'timeout' | 'unreachable',
    message: string,
  ) {
    super(message);
  }
}

export interface Network {
  /** The proxy a request to `target` goes through; undefined: direct. */
  proxyFor(target: URL): Promise<ProxyChoice | undefined>;
  /**
   * fetch, through that proxy (CONNECT for https, the absolute form for plain http). Redirects
   * are the caller's to refuse, as without a proxy. A direct request fails as fetch fails; one
   * through a proxy that does not get through fails with a ProxyFailure.
   */
  fetch(target: URL, init: RequestInit, timeoutMs: number): Promise<Response>;
  /** Ends the connections to proxies, a request still held by one included. */
  close(): Promise<void>;
}

const connectionCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

const viaProxy = (proxy: ProxyChoice) => `the proxy ${proxy.shown} (from ${proxy.from})`;

/** A 407, from a CONNECT or from a plain http request's answer: credentials missing or refused. */
function credentialsRequired(proxy: ProxyChoice): ProxyFailure {
  // The system's settings hold no credentials Keydesk could use: the variable can.
  const where = proxy.from === systemProxySource ? 'HTTPS_PROXY' : proxy.from;
  const advice = proxy.url.username
    ? `it refused the user name and password in ${proxy.from}; check them`
    : `give them in ${where} as http://user:password@${proxy.shown}`;
  return new ProxyFailure(
    'unreachable',
    `${viaProxy(proxy)} asks for credentials (407 Proxy Authentication Required): ${advice}.`,
  );
}

function causeChain(error: unknown): { code?: string; message?: string }[] {
  const chain: { code?: string; message?: string }[] = [];
  for (let at = error; at && typeof at === 'object' && chain.length < 6;) {
    const item = at as { code?: string; message?: string; cause?: unknown };
    chain.push(item);
    at = item.cause;
  }
  return chain;
}

/** What went wrong on the way through the proxy, as a person can act on it. */
function failureThrough(
  error: unknown,
  proxy: ProxyChoice,
  target: URL,
  timeoutMs: number,
): ProxyFailure | undefined {
  const via = viaProxy(proxy);
  const name = (error as Error).name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new ProxyFailure(
      'timeout',
      `${target.host} did not answer within ${timeoutMs / 1000} s through ${via}: the proxy holds the request, or it or Vonage is slow. Try again, or check the proxy.`,
    );
  }
  // undici nests what happened a cause or two deep: "Proxy response (403) !== 200 when HTTP
  // Tunneling" for a CONNECT, "Proxy Authentication Required (407)" for plain http, or the
  // connection's error code.
  const causes = causeChain(error);
  const status = causes
    .map((cause) => /Proxy[^(]*\((\d{3})\)/.exec(cause.message ?? '')?.[1])
    .find(Boolean);
  const code = causes.map((cause) => cause.code).find((c) => c && connectionCodes.has(c));
  if (status === '407') return credentialsRequired(proxy);
  if (status) {
    return new ProxyFailure(
      'unreachable',
      `${via} refused to connect to ${target.host} (HTTP ${status}). Ask whoever runs the proxy to allow ${target.host}, or name it in NO_PROXY if it is reachable directly.`,
    );
  }
  // The proxy accepted the connection, then hung up on the CONNECT (or mid-request).
  if (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET' || code === 'EPIPE') {
    return new ProxyFailure(
      'unreachable',
      `${via} closed the connection to ${target.host} without an answer (${code}). The proxy may not allow ${target.host}, or it is failing; ask whoever runs it, or name ${target.hostname} in NO_PROXY if it is reachable directly.`,
    );
  }
  if (code) {
    return new ProxyFailure(
      'unreachable',
      `Cannot reach ${via} (${code}). Check that the proxy runs and its address is right, or name ${target.hostname} in NO_PROXY to go direct.`,
    );
  }
  return undefined;
}

const requireModule = createRequire(import.meta.url);

export function createNetwork(env: NodeJS.ProcessEnv, systemProxy?: SystemProxy): Network {
  const agents = new Map<string, Dispatcher>();
  let undici: typeof import('undici') | undefined;

  async function proxyFor(target: URL): Promise<ProxyChoice | undefined> {
    // Plain http is allowed to this machine only, and every request Keydesk makes carries
    // credentials (Basic, a Bearer token, an OAuth signature): through a proxy they would cross it
    // in clear. This machine is reached directly, whatever the variables or the system say.
    if (target.protocol === 'http:') return undefined;
    if (!systemProxy || environmentSetsProxy(env)) return proxyFromEnvironment(target, env);
    return proxyFromSystemAnswer(await systemProxy(target));
  }

  return {
    proxyFor,
    async fetch(target, init, timeoutMs) {
      let proxy: ProxyChoice | undefined;
      try {
        proxy = await proxyFor(target);
      } catch (error) {
        // A proxy variable Keydesk cannot use: its own reason, not a bare "cannot reach".
        throw new ProxyFailure('unreachable', (error as Error).message);
      }
      const signal = AbortSignal.timeout(timeoutMs);
      if (!proxy) return fetch(target, { ...init, signal });
      // Loaded only when a proxy is in use: most starts of the CLI never pay for it. require, not
      // import(): the CLI's code-cached bundle would print an ExperimentalWarning for import().
      undici ??= requireModule('undici') as typeof import('undici');
      let agent = agents.get(proxy.url.href);
      if (!agent) {
        agent = new undici.ProxyAgent({ uri: proxy.url.href, proxyTunnel: false });
        agents.set(proxy.url.href, agent);
      }
      let response: Response;
      try {
        response = (await undici.fetch(target, {
          ...(init as Parameters<typeof undici.fetch>[1]),
          signal,
          dispatcher: agent,
        })) as unknown as Response;
      } catch (error) {
        throw failureThrough(error, proxy, target, timeoutMs) ?? error;
      }
      // Plain http goes to the proxy in absolute form: its own 407 comes back as an answer.
      if (response.status === 407) {
        await response.body?.cancel().catch(() => undefined);
        throw credentialsRequired(proxy);
      }
      return response;
    },
    async close() {
      // destroy, not close: close waits for a request a stalled proxy never answers.
      await Promise.all(
        [...agents.values()].map((agent) => agent.destroy().catch(() => undefined)),
      );
      agents.clear();
    },
  };
}
