import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KeydeskError } from '../shared/errors';
import { readCallback, type Authorizer } from '../main/oauth/authorizer';
import { note } from './output';

const page = (title: string, text: string) =>
  `<!doctype html><meta charset="utf-8"><title>${title}</title><body style="font:16px system-ui;margin:3em"><h1>${title}</h1><p>${text}</p></body>`;

/** Opens a URL in the system browser, where there is one; failing quietly is fine (the URL is printed). */
function openBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : ['xdg-open', [url]];
  try {
    spawn(command, args, { stdio: 'ignore', detached: true })
      .on('error', () => undefined)
      .unref();
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
  return {
    async callbackUrl() {
      server = createServer();
      await new Promise<void>((resolve, reject) => {
        server?.once('error', reject);
        server?.listen(0, '127.0.0.1', resolve);
      });
      port = (server.address() as AddressInfo).port;
      return `http://127.0.0.1:${port}/callback`;
    },
    authorize({ authorizeUrl, requestToken }) {
      const listening = server;
      if (!listening) throw new KeydeskError('INTERNAL', 'The loopback listener was not started.');
      note(`Open this page to authorize Keydesk, then come back here:\n  ${authorizeUrl}`);
      if (options.openBrowser) openBrowser(authorizeUrl);
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
          if (url.pathname !== '/callback') {
            response.writeHead(404).end();
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
