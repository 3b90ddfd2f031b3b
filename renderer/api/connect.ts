import { createPosApi, type ApiTransport, type PosApi } from '../../app/ipc/pos-api';
import { WS_PATH } from '../../app/ipc/constants';
import { UNAUTHORIZED_MESSAGE, type ConnectionSource } from './connection-status';
import { createWsTransport } from './ws-transport';

export interface PosConnection {
  readonly api: PosApi;
  readonly connection: ConnectionSource;
}

/** Electron's preload talks over IPC, which does not drop, so the screen is always connected. */
const alwaysConnected: ConnectionSource = {
  onConnection(listener) {
    listener('connected');
    return () => undefined;
  },
  onHostError: () => () => undefined,
};

/** A browser page with no token: the host would refuse it, so say so at once and never connect. */
const refused: ConnectionSource = {
  onConnection(listener) {
    listener('unauthorized');
    return () => undefined;
  },
  onHostError: () => () => undefined,
};

const refusedTransport: ApiTransport = {
  invoke: () => Promise.resolve({ ok: false, error: { code: 'forbidden', message: UNAUTHORIZED_MESSAGE } }),
  subscribe: () => () => undefined,
};

/** The per-launch token from the link the terminal prints (`/cashier/?token=…`). */
export function readToken(search: string): string | null {
  const token = new URLSearchParams(search).get('token');
  return token === null || token.trim() === '' ? null : token;
}

export function apiUrl(loc: Pick<Location, 'protocol' | 'host'>, token: string): string {
  const scheme = loc.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${loc.host}${WS_PATH}?token=${encodeURIComponent(token)}`;
}

/**
 * The host serves a page only with a valid token, so asking for this page with the token again tells a
 * stale or revoked token (401) from a drop. The token may be a paired display's, kept outside the address.
 */
async function pageRefused(token: string): Promise<boolean> {
  const response = await fetch(`${location.pathname}?token=${encodeURIComponent(token)}`, { method: 'HEAD', cache: 'no-store', credentials: 'omit' });
  return response.status === 401;
}

/**
 * The same API in both modes: the preload's `window.pos` in Electron, otherwise one built
 * over a WebSocket to the headless host that served this page.
 */
export function connectPos(keptToken: string | null = null): PosConnection {
  if (window.pos) return { api: window.pos, connection: alwaysConnected };
  // A printed link's token wins; otherwise the one a paired display keeps (renderer/display/kept-token.ts).
  const token = readToken(location.search) ?? keptToken;
  if (token === null) {
    return { api: createPosApi(refusedTransport), connection: refused };
  }
  const transport = createWsTransport({ url: apiUrl(location, token), isRefused: () => pageRefused(token) });
  return { api: createPosApi(transport), connection: transport };
}
