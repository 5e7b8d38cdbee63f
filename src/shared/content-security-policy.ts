/**
 * The renderer's Content-Security-Policy: only the app's own scripts and styles, no eval, no
 * plugins, no framing, no form posts, no network except the app itself. index.html carries it as a
 * meta tag and main sends it as a header too (a test keeps the two equal).
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
