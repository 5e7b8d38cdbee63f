import { KeydeskError } from '../../shared/errors';

/**
 * Which proxy a request goes through, decided as curl decides it: HTTPS_PROXY for https, HTTP_PROXY
 * for http (lower case first, as curl reads them), unless NO_PROXY names the host. NO_PROXY decides
 * for this machine too: without it, even 127.0.0.1 goes through the proxy, as with curl.
 */
export interface ProxyChoice {
  /** The proxy, credentials included: used, never shown. */
  url: URL;
  /** host:port, what messages and the settings show. */
  shown: string;
  /** Where it came from: HTTPS_PROXY, https_proxy, the system's proxy settings. */
  from: string;
}

const variables = {
  'https:': ['https_proxy', 'HTTPS_PROXY'],
  'http:': ['http_proxy', 'HTTP_PROXY'],
} as const;
const noProxyVariables = ['no_proxy', 'NO_PROXY'] as const;

/** Whether any proxy variable is set: then the environment decides, over the system's settings. */
export function environmentSetsProxy(env: NodeJS.ProcessEnv): boolean {
  return [...variables['https:'], ...variables['http:'], ...noProxyVariables].some((name) =>
    env[name]?.trim(),
  );
}

const defaultPorts: Record<string, string> = { 'http:': '80', 'https:': '443' };

/** A proxy as the variables and the system write it: a URL, or host:port (http, as curl takes it). */
export function parseProxy(text: string, from: string): ProxyChoice {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new KeydeskError(
      'VALIDATION',
      `${from} is not a proxy address; write it as http://host:port (or http://user:password@host:port).`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new KeydeskError(
      'VALIDATION',
      `${from} names a ${url.protocol.slice(0, -1)} proxy (${url.host}); Keydesk goes through http and https proxies only. Name an HTTP proxy there, or the host in NO_PROXY to go direct.`,
    );
  }
  // curl's default proxy port when none is given: 1080 (443 for an https proxy). URL drops an
  // explicit default port, so it is read from the text.
  const explicit = /^[^:]+:\/\/(?:[^@/]*@)?(?:\[[^\]]*\]|[^:/]*):(\d+)/.exec(withScheme)?.[1];
  const port = explicit ?? (url.protocol === 'https:' ? '443' : '1080');
  if (!url.port && port !== defaultPorts[url.protocol]) url.port = port;
  return { url, shown: `${url.hostname}:${port}`, from };
}

const bareHost = (host: string) =>
  host
    .replace(/^\[|\]$/g, '')
    .toLowerCase()
    .replace(/\.$/, '');

/**
 * NO_PROXY as curl reads it: names separated by commas (or spaces); `*` alone matches every host;
 * a name matches itself and its subdomains (a leading dot changes nothing); an IP address matches
 * itself; `name:port` only that port.
 */
export function bypassesProxy(target: URL, noProxy: string): boolean {
  const host = bareHost(target.hostname);
  const port = target.port || defaultPorts[target.protocol] || '';
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    const withPort = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(entry);
    const name = bareHost((withPort ? withPort[1] : entry) ?? '').replace(/^\*?\./, '');
    if (withPort && withPort[2] !== port) continue;
    if (host === name || host.endsWith(`.${name}`)) return true;
  }
  return false;
}

/** The environment's proxy for `target`, or undefined to go direct. */
export function proxyFromEnvironment(target: URL, env: NodeJS.ProcessEnv): ProxyChoice | undefined {
  const noProxy = noProxyVariables.map((name) => env[name]?.trim()).find(Boolean);
  if (noProxy && bypassesProxy(target, noProxy)) return undefined;
  const names = variables[target.protocol as keyof typeof variables] ?? [];
  for (const name of names) {
    const value = env[name]?.trim();
    if (value) return parseProxy(value, name);
  }
  return undefined;
}

/**
 * The system's answer for a URL as Chromium gives it (PAC style: "PROXY host:port; DIRECT"): the
 * first entry decides. DIRECT, or nothing, is no proxy.
 */
export const systemProxySource = "the system's proxy settings";

export function proxyFromSystemAnswer(answer: string): ProxyChoice | undefined {
  const [first = ''] = answer.split(';');
  const [kind = '', address = ''] = first.trim().split(/\s+/);
  const from = systemProxySource;
  switch (kind.toUpperCase()) {
    case '':
    case 'DIRECT':
      return undefined;
    case 'PROXY':
      return parseProxy(`http://${address}`, from);
    case 'HTTPS':
      return parseProxy(`https://${address}`, from);
    default:
      return parseProxy(`${kind.toLowerCase()}://${address}`, from);
  }
}
