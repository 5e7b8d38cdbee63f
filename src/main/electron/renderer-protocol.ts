import { open } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

/** The app's own scheme (Electron's security checklist: no file:// for the app's pages). */
export const appScheme = 'app';
export const appHost = 'keydesk';
export const appPageUrl = `${appScheme}://${appHost}/index.html`;

/** Registered before `ready`: standard (relative URLs, origins) and secure (like https). */
export const appSchemePrivileges = {
  scheme: appScheme,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * Serves `app://keydesk/…` from the built renderer folder, every response with the CSP header. A
 * path that leaves the folder (`..`, an encoded separator), another host, a folder or a missing
 * file is a 404: nothing outside the renderer is ever read.
 */
export function createRendererProtocolHandler(rendererDir: string, csp: string) {
  const root = resolve(rendererDir);
  const refuse = (status: number) =>
    new Response(null, { status, headers: { 'Content-Security-Policy': csp } });
  return async (request: Request): Promise<Response> => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return refuse(400);
    }
    if (url.protocol !== `${appScheme}:` || url.host !== appHost) return refuse(404);
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return refuse(400);
    }
    if (path.includes('\0') || path.includes('\\')) return refuse(404);
    const file = resolve(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root + sep)) return refuse(404);
    let body: Buffer;
    try {
      const handle = await open(file, 'r');
      try {
        if (!(await handle.stat()).isFile()) return refuse(404);
        body = await handle.readFile();
      } finally {
        await handle.close();
      }
    } catch {
      return refuse(404);
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': csp,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  };
}
