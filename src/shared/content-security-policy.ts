/**
 * The renderer's Content-Security-Policy: only the app's own scripts and styles, no eval, no
 * plugins, no framing, no form posts, no network except the app itself. The build writes it into
 * index.html as a meta tag and main sends it as a header on every response.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * For `npm run dev` only: Vite's dev server injects an inline react-refresh preamble and inline
 * styles, and talks to the page over a WebSocket on its own origin. A build never carries this
 * (the build writes `contentSecurityPolicy`, and main uses this only for an unpackaged app on the
 * dev server's URL).
 */
export const devServerContentSecurityPolicy = contentSecurityPolicy
  .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
  .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
  .replace("connect-src 'self'", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*");
