import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { app } from './app';
import { record } from './journal';

type Headers = Record<string, string[]>;
type BeforeRequest = (
  details: { url: string; method: string; resourceType: string },
  callback: (response: { cancel?: boolean }) => void,
) => void;
type HeadersReceived = (
  details: { url: string; statusCode: number; responseHeaders: Headers },
  callback: (response: { responseHeaders?: Headers; cancel?: boolean }) => void,
) => void;
type PermissionRequest = (
  webContents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: unknown,
) => void;
type ProtocolHandler = (request: Request) => Response | Promise<Response>;

export type RequestOutcome =
  'cancelled' | { ok: boolean; status: number; headers: Headers; body: string; error: string };

const schemeHandlers = new Map<string, ProtocolHandler>();
let privilegedSchemes: unknown[] | undefined;

/** Electron's `protocol` (of the default session). */
export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown[]) {
    if (app.isReady()) {
      throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    }
    if (privilegedSchemes) throw new Error('registerSchemesAsPrivileged can be called only once');
    privilegedSchemes = schemes;
    record('protocol.registerSchemesAsPrivileged', { schemes });
  },
  handle(scheme: string, handler: ProtocolHandler) {
    if (!app.isReady()) throw new Error('protocol.handle can only be used after app is ready');
    if (schemeHandlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    schemeHandlers.set(scheme, handler);
    record('protocol.handle', { scheme });
  },
  unhandle(scheme: string) {
    schemeHandlers.delete(scheme);
  },
  isProtocolHandled(scheme: string) {
    return schemeHandlers.has(scheme);
  },
};

function matches(filter: { urls?: string[] } | undefined, url: string): boolean {
  const patterns = filter?.urls ?? ['<all_urls>'];
  return patterns.some(
    (pattern) =>
      pattern === '<all_urls>' ||
      pattern === '*://*/*' ||
      new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}$`).test(
        url,
      ),
  );
}

/**
 * Electron's Session: permission handlers, `webRequest` (onBeforeRequest may cancel a request
 * before it reaches the network; onHeadersReceived rewrites the headers of http(s) responses),
 * storage clearing, and the requests its pages make, each written to the journal.
 */
export class StandInSession {
  permissionRequestHandler: PermissionRequest | null = null;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null = null;
  #beforeRequest: { filter?: { urls?: string[] }; listener: BeforeRequest } | undefined;
  #headersReceived: { filter?: { urls?: string[] }; listener: HeadersReceived } | undefined;
  readonly protocol = protocol;
  readonly webRequest = {
    onBeforeRequest: (...args: unknown[]) => {
      const listener = args.pop() as BeforeRequest | null;
      const filter = args[0] as { urls?: string[] } | undefined;
      this.#beforeRequest = listener ? { filter, listener } : undefined;
      record('webRequest.onBeforeRequest', { partition: this.partition });
    },
    onHeadersReceived: (...args: unknown[]) => {
      const listener = args.pop() as HeadersReceived | null;
      const filter = args[0] as { urls?: string[] } | undefined;
      this.#headersReceived = listener ? { filter, listener } : undefined;
      record('webRequest.onHeadersReceived', { partition: this.partition });
    },
  };

  constructor(readonly partition: string) {}

  setPermissionRequestHandler(handler: PermissionRequest | null) {
    this.permissionRequestHandler = handler;
    record('session.setPermissionRequestHandler', { partition: this.partition });
  }
  setPermissionCheckHandler(handler: ((...args: unknown[]) => boolean) | null) {
    this.permissionCheckHandler = handler;
    record('session.setPermissionCheckHandler', { partition: this.partition });
  }
  /** A page asks for a permission: with no handler, Electron grants it. */
  askPermission(permission: string): Promise<boolean> {
    const handler = this.permissionRequestHandler;
    if (!handler) return Promise.resolve(true);
    return new Promise((resolve) => handler({}, permission, resolve, {}));
  }
  checkPermission(permission: string): boolean {
    return this.permissionCheckHandler?.({}, permission, '', {}) ?? true;
  }
  async clearStorageData() {
    record('session.clearStorageData', { partition: this.partition });
  }
  async clearCache() {
    record('session.clearCache', { partition: this.partition });
  }
  /**
   * Electron's session.resolveProxy: what the system's proxy settings (or their PAC file) say for
   * the URL, PAC style. Here the test gives the answer in KEYDESK_STANDIN_SYSTEM_PROXY.
   */
  async resolveProxy(url: string): Promise<string> {
    const answer = process.env.KEYDESK_STANDIN_SYSTEM_PROXY || 'DIRECT';
    record('session.resolveProxy', { partition: this.partition, url, answer });
    return answer;
  }

  /** A request of one of this session's pages, as Chromium's network stack would run it. */
  async request(url: string, resourceType: string): Promise<RequestOutcome> {
    const before = this.#beforeRequest;
    if (before && matches(before.filter, url)) {
      const answer = await new Promise<{ cancel?: boolean }>((resolve) =>
        before.listener({ url, method: 'GET', resourceType }, resolve),
      );
      if (answer.cancel) {
        record('request.cancelled', { partition: this.partition, url });
        return 'cancelled';
      }
    }
    const scheme = new URL(url).protocol.slice(0, -1);
    record('request', { partition: this.partition, url, scheme });
    let response: Response;
    try {
      response = await this.#fetch(scheme, url);
    } catch (error) {
      return { ok: false, status: 0, headers: {}, body: '', error: String(error) };
    }
    let headers: Headers = {};
    response.headers.forEach((value, name) => (headers[name] = [value]));
    const after = this.#headersReceived;
    if ((scheme === 'http' || scheme === 'https') && after && matches(after.filter, url)) {
      headers = await new Promise<Headers>((resolve) =>
        after.listener({ url, statusCode: response.status, responseHeaders: headers }, (r) =>
          resolve(r.responseHeaders ?? headers),
        ),
      );
    }
    const body = await response.text();
    record('response', { partition: this.partition, url, status: response.status, headers });
    return {
      ok: response.ok,
      status: response.status,
      headers,
      body,
      error: response.ok ? '' : `ERR_HTTP_RESPONSE_CODE_FAILURE (-379) ${response.status}`,
    };
  }

  async #fetch(scheme: string, url: string): Promise<Response> {
    const handler = schemeHandlers.get(scheme);
    if (handler && this.partition === '') return handler(new Request(url));
    if (scheme === 'file') return new Response(await readFile(fileURLToPath(url)));
    if (scheme === 'http' || scheme === 'https') {
      return fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
    }
    throw new Error(`ERR_UNKNOWN_URL_SCHEME (-302)`);
  }
}

const sessions = new Map<string, StandInSession>();

export function defaultSession(): StandInSession {
  return fromPartition('');
}

function fromPartition(partition: string, options: { cache?: boolean } = {}): StandInSession {
  let found = sessions.get(partition);
  if (!found) {
    found = new StandInSession(partition);
    sessions.set(partition, found);
    if (partition) {
      record('session.fromPartition', {
        partition,
        persistent: partition.startsWith('persist:'),
        cache: options.cache ?? true,
      });
    }
  }
  return found;
}

/** Electron's `session` module; `defaultSession` exists only once the app is ready. */
export const session = {
  get defaultSession() {
    if (!app.isReady()) throw new Error('session module can only be used when app is ready');
    return defaultSession();
  },
  fromPartition(partition: string, options?: { cache?: boolean }) {
    if (!app.isReady()) throw new Error('session module can only be used when app is ready');
    return fromPartition(partition, options);
  },
};
