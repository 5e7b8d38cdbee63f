/**
 * Where the app may go. The window itself never navigates; links the user clicks open in the system
 * browser, and only to Vonage's own sites over https.
 */
const externalHosts = new Set([
  'dashboard.nexmo.com',
  'dashboard.vonage.com',
  'developer.vonage.com',
  'developer.nexmo.com',
  'api.support.vonage.com',
]);

export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && externalHosts.has(parsed.hostname) && !parsed.username;
}

/**
 * True for the app's own page (app://keydesk/index.html, or the dev server during `npm run dev`).
 * Compared by scheme, host and path: the WHATWG origin of a custom scheme is "null" for every host.
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  try {
    const page = new URL(url);
    const app = new URL(appUrl);
    return (
      page.protocol === app.protocol && page.host === app.host && page.pathname === app.pathname
    );
  } catch {
    return false;
  }
}
