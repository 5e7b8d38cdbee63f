import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KeydeskError } from '../shared/errors';
import { readCallback, type Authorizer } from '../core/oauth/authorizer';
import { note } from './output';

const page = (title: string, text: string) =>
  `<!doctype html><meta charset="utf-8"><title>${title}</title><body style="font:16px system-ui;margin:3em"><h1>${title}</h1><p>${text}</p></body>`;

/**
 * Opens a URL in the system browser, where there is one; failing quietly is fine (the URL is
 * printed). The `open` package never passes the URL through a shell (`cmd /c start` would run a
 * command hidden after an `&` in it); loaded only when a login opens a browser.
 */
async function openBrowser(url: string): Promise<void> {
  try {
    const { default: open } = await import('open');
    const child = await open(url);
    child.on('error', () => undefined);
  } catch {
    // No browser here: the URL on stderr is enough.
  }
}

/**
 * RFC 8252's loopback redirect for the CLI: listen on 127.0.0.1 on a free port, give the provider
 * that as the callback, show the authorize URL (and open the browser), and wait for the redirect.
 */
export function createLoopbackAuthorizer(options: {
  openBrowser: boolean;
  timeoutSeconds: number;
}): Authorizer & {
  close(): void;
} {
  let server: Server | undefined;
  let port = 0;
  // Unguessable: another program on this machine cannot hand the CLI a callback of its own.
  const callbackPath = `/callback/${randomBytes(16).toString('hex')}`;
  return {
    async callbackUrl() {
      server = createServer();
      await new Promise<void>((resolve, reject) => {
        server?.once('error', reject);
        server?.listen(0, '127.0.0.1', resolve);
      });
      port = (server.address() as AddressInfo).port;
      return `http://127.0.0.1:${port}${callbackPath}`;
    },
    authorize({ authorizeUrl, requestToken }) {
      const listening = server;
      if (!listening) throw new KeydeskError('INTERNAL', 'The loopback listener was not started.');
      note(`Open this page to authorize Keydesk, then come back here:\n  ${authorizeUrl}`);
      if (options.openBrowser) void openBrowser(authorizeUrl);
      return new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(
            new KeydeskError(
              'OAUTH_TIMEOUT',
              `No answer from the authorize page within ${options.timeoutSeconds} s; nothing was stored. Run the login again (--timeout gives more time).`,
            ),
          );
        }, options.timeoutSeconds * 1000);
        listening.on('request', (request, response) => {
          const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
          // Anything but the provider's redirect for this login (a favicon, a scanner, another
          // login's callback, a page reaching 127.0.0.1 under another name) is ignored, not fatal.
          if (
            request.method !== 'GET' ||
            request.headers.host !== `127.0.0.1:${port}` ||
            url.pathname !== callbackPath ||
            (url.searchParams.get('oauth_token') ?? url.searchParams.get('denied')) !== requestToken
          ) {
            response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
            return;
          }
          clearTimeout(timer);
          try {
            const verifier = readCallback(url.toString(), requestToken);
            response
              .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
              .end(
                page(
                  'Keydesk is authorized',
                  'You can close this tab and go back to the terminal.',
                ),
              );
            resolve(verifier);
          } catch (error) {
            response
              .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
              .end(page('Keydesk was not authorized', (error as Error).message));
            reject(error);
          }
        });
      });
    },
    close() {
      server?.closeAllConnections();
      server?.close();
    },
  };
}
