import type { Protocol, Session, WebRequest } from 'electron';
import type { SchemePrivileges } from './scheme-urls';

/**
 * The default session as the shell uses it: custom-scheme handlers (`protocol.handle`), the
 * permission handlers, and one `onHeadersReceived` listener. The stand-in answers every request a
 * page makes to a registered scheme through the handler main registered, then through that listener,
 * as Electron's network stack would.
 */

export const PROTOCOL_SURFACE = ['registerSchemesAsPrivileged', 'handle', 'unhandle', 'isProtocolHandled'] as const;
export const SESSION_SURFACE = ['protocol', 'webRequest', 'setPermissionRequestHandler', 'setPermissionCheckHandler'] as const;
export const WEB_REQUEST_SURFACE = ['onHeadersReceived'] as const;

export type StandinProtocol = Pick<Protocol, (typeof PROTOCOL_SURFACE)[number]>;
export type StandinWebRequest = Pick<WebRequest, (typeof WEB_REQUEST_SURFACE)[number]>;
export type StandinSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> & {
  readonly protocol: StandinProtocol;
  readonly webRequest: StandinWebRequest;
};

type SchemeHandler = Parameters<Protocol['handle']>[1];
type HeadersListener = Parameters<WebRequest['onHeadersReceived']>[0];
export type PermissionRequestHandler = Parameters<Session['setPermissionRequestHandler']>[0];
export type PermissionCheckHandler = Parameters<Session['setPermissionCheckHandler']>[0];

/** What the session holds, for the stand-in's page loading and for tests to inspect. */
export interface SessionState {
  readonly privileged: Map<string, SchemePrivileges>;
  readonly handlers: Map<string, SchemeHandler>;
  permissionRequest: PermissionRequestHandler;
  permissionCheck: PermissionCheckHandler;
  headersReceived: HeadersListener;
  registeredOnce: boolean;
}

export interface ServedResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}

export function createSession(isReady: () => boolean): { readonly protocol: StandinProtocol; readonly session: StandinSession; readonly state: SessionState } {
  const state: SessionState = {
    privileged: new Map(),
    handlers: new Map(),
    permissionRequest: null,
    permissionCheck: null,
    headersReceived: null,
    registeredOnce: false,
  };
  const protocol: StandinProtocol = {
    registerSchemesAsPrivileged: (schemes) => {
      // Documented: only before 'ready', and only once.
      if (isReady()) throw new Error('protocol.registerSchemesAsPrivileged must be called before the app is ready');
      if (state.registeredOnce) throw new Error('protocol.registerSchemesAsPrivileged can be called only once');
      state.registeredOnce = true;
      for (const { scheme, privileges } of schemes) state.privileged.set(scheme, { ...privileges });
    },
    handle: (scheme, handler) => {
      if (!isReady()) throw new Error('protocol.handle must be called after the app is ready');
      if (state.handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
      state.handlers.set(scheme, handler);
    },
    unhandle: (scheme) => {
      state.handlers.delete(scheme);
    },
    isProtocolHandled: (scheme) => state.handlers.has(scheme),
  };
  const webRequest: StandinWebRequest = {
    onHeadersReceived: (first: unknown, second?: unknown) => {
      state.headersReceived = (second === undefined ? first : second) as HeadersListener;
    },
  };
  const session: StandinSession = {
    protocol,
    webRequest,
    setPermissionRequestHandler: (handler) => {
      state.permissionRequest = handler;
    },
    setPermissionCheckHandler: (handler) => {
      state.permissionCheck = handler;
    },
  };
  return { protocol, session, state };
}

/** Electron's webRequest hands headers over as arrays of values. */
function headerLists(headers: Headers): Record<string, string[]> {
  const lists: Record<string, string[]> = {};
  headers.forEach((value, name) => {
    lists[name] = [value];
  });
  return lists;
}

function flatten(headers: Record<string, string | string[]>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : value]));
}

/** The response to one request on a custom scheme: main's handler, then the session's header listener. */
export async function serveScheme(state: SessionState, url: string, method: string, webContentsId: number | null): Promise<ServedResponse | null> {
  const scheme = new URL(url).protocol.slice(0, -1);
  const handler = state.handlers.get(scheme);
  if (handler === undefined) return null;
  const response = await handler(new Request(url, { method }));
  const body = Buffer.from(await response.arrayBuffer());
  let headers: Record<string, string | string[]> = headerLists(response.headers);
  const listener = state.headersReceived;
  if (listener !== null) {
    const details = {
      id: 0,
      url,
      method,
      ...(webContentsId === null ? {} : { webContentsId }),
      resourceType: 'other' as const,
      referrer: '',
      timestamp: Date.now(),
      statusLine: `HTTP/1.1 ${String(response.status)}`,
      statusCode: response.status,
      responseHeaders: headerLists(response.headers),
    };
    headers = await new Promise<Record<string, string | string[]>>((resolve) => {
      listener(details, (answer) => resolve(answer.responseHeaders ?? headers));
    });
  }
  return { status: response.status, headers: flatten(headers), body };
}
