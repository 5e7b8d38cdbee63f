import { KeydeskError } from '../../shared/errors';

export interface AuthorizeRequest {
  authorizeUrl: string;
  /** Where the provider sends the browser back; the authorizer catches it. */
  callbackUrl: string;
  requestToken: string;
  timeoutMs: number;
}

/**
 * Shows the provider's authorize page and resolves with the oauth_verifier its callback carried.
 * The Electron app opens a BrowserWindow, the CLI listens on a loopback port, the tests drive a
 * Playwright browser context: behind this one small interface.
 */
export interface Authorizer {
  /** Callback URL to give the provider; the loopback authorizer has its own port. */
  callbackUrl?(configured: string): Promise<string>;
  authorize(request: AuthorizeRequest): Promise<string>;
}

/** True when `url` is the callback (same origin and path), so it must not go on the network. */
export function isCallback(url: string, callbackUrl: string): boolean {
  try {
    const seen = new URL(url);
    const expected = new URL(callbackUrl);
    return seen.origin === expected.origin && seen.pathname === expected.pathname;
  } catch {
    return false;
  }
}

/**
 * The verifier from a callback URL, after checking it answers the request token we issued (a
 * callback for another login, or a forged one, is refused). A callback without a verifier is the
 * user saying no.
 */
export function readCallback(url: string, requestToken: string): string {
  const params = new URL(url).searchParams;
  const token = params.get('oauth_token') ?? params.get('denied');
  if (token !== requestToken) {
    throw new KeydeskError(
      'OAUTH_TOKEN_MISMATCH',
      'The callback is for another authorization (its oauth_token is not the one Keydesk asked for); nothing was stored.',
    );
  }
  const verifier = params.get('oauth_verifier');
  if (params.has('denied') || !verifier) {
    throw new KeydeskError(
      'OAUTH_DENIED',
      'Access was denied on the authorize page; nothing was stored.',
    );
  }
  return verifier;
}
