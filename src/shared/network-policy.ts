/**
 * Where Keydesk's main process may send a request for the user: https anywhere it is allowed,
 * plain http only to this machine (a local test provider). Zod-free, so any side can use it.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

export function isSecureOrLoopback(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}

/** Vonage's own API hosts: an OAuth-signed test request may go there. */
export const vonageApiHosts = [
  'api.nexmo.com',
  'rest.nexmo.com',
  'api.vonage.com',
  'api-eu.vonage.com',
  'api-us.vonage.com',
  'api-ap.vonage.com',
];
