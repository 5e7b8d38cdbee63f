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

/** The domains of Vonage's own hosts (api.nexmo.com, api-eu.vonage.com, a staging host of theirs). */
const vonageDomains = ['nexmo.com', 'vonage.com'];

export function isVonageHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return vonageDomains.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

/**
 * Where the stored settings may send an account's API secret: Vonage's own hosts over https, or
 * this machine. Any other host only for one process, through KEYDESK_VONAGE_API_HOST and
 * KEYDESK_VONAGE_REST_HOST: a page or a script that can change the settings must not be able to
 * send every secret elsewhere.
 */
export function isStorableVonageHost(url: URL): boolean {
  if (isLoopbackHost(url.hostname)) return url.protocol === 'http:' || url.protocol === 'https:';
  return url.protocol === 'https:' && isVonageHost(url.hostname);
}
