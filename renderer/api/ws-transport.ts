import type { ApiResult, CommandName, EventName } from '../../app/ipc/contract';
import type { ApiTransport } from '../../app/ipc/pos-api';
import { assertNever } from '../../app/util/assert-never';
import { WS_CLOSE } from '../../app/ipc/constants';
import {
  LOST_CONNECTION_MESSAGE,
  NOT_CONNECTED_MESSAGE,
  type ConnectionSource,
  type ConnectionStatus,
} from './connection-status';
import { parseServerMessage } from './server-message';

// WebSocket.OPEN, spelled out so an injected socket (in a test) needs no global WebSocket.
const OPEN = 1;

export interface WsTransportOptions {
  readonly url: string;
  readonly minDelayMs?: number;
  readonly maxDelayMs?: number;
  /** A host that cannot read a message answers without its id, so a call must not wait forever. */
  readonly callTimeoutMs?: number;
  readonly createSocket?: (url: string) => WebSocket;
  /**
   * A browser reports a handshake refused with HTTP 401 as a bare 1006 close, indistinguishable
   * from a network drop; when a socket closes without ever opening, this asks whether the token was refused.
   */
  readonly isRefused?: () => Promise<boolean>;
}

export interface WsTransport extends ApiTransport, ConnectionSource {
  /** Closes the socket for good (no reconnect). */
  close(): void;
}

interface PendingCall {
  readonly resolve: (result: ApiResult<unknown>) => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

const internalError = (message: string): ApiResult<unknown> => ({ ok: false, error: { code: 'internal', message } });

/** The screens' API over one WebSocket: commands with ids, results by id, events to subscribers, reconnect with backoff. */
export function createWsTransport(options: WsTransportOptions): WsTransport {
  const { url, minDelayMs = 500, maxDelayMs = 5000, callTimeoutMs = 90_000 } = options;
  const createSocket = options.createSocket ?? ((u: string) => new WebSocket(u));
  const pending = new Map<number, PendingCall>();
  const eventListeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const statusListeners = new Set<(status: ConnectionStatus) => void>();
  const errorListeners = new Set<(message: string) => void>();
  let status: ConnectionStatus = 'connecting';
  let socket: WebSocket | null = null;
  let nextId = 1;
  let delayMs = minDelayMs;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const notify = <T>(listeners: ReadonlySet<(value: T) => void>, value: T): void => {
    for (const listener of [...listeners]) {
      try {
        listener(value);
      } catch (error: unknown) {
        console.error('A connection listener failed', error);
      }
    }
  };

  const setStatus = (next: ConnectionStatus): void => {
    if (status === next) return;
    status = next;
    notify(statusListeners, next);
  };

  const settle = (id: number, result: ApiResult<unknown>): void => {
    const call = pending.get(id);
    if (!call) return;
    pending.delete(id);
    clearTimeout(call.timer);
    call.resolve(result);
  };

  const handleFrame = (data: unknown): void => {
    const message = typeof data === 'string' ? parseServerMessage(data) : null;
    if (!message) {
      console.error('Ignored a message from the terminal that is not part of the protocol');
      return;
    }
    switch (message.type) {
      case 'result':
        settle(message.id, message.result);
        return;
      case 'event':
        notify(eventListeners.get(message.event) ?? new Set<(payload: unknown) => void>(), message.payload);
        return;
      case 'error':
        notify(errorListeners, message.error.message);
        return;
      default:
        assertNever(message, 'server message');
    }
  };

  const refuse = (): void => {
    stopped = true;
    setStatus('unauthorized');
  };

  const scheduleReconnect = (): void => {
    if (stopped) return;
    setStatus('reconnecting');
    retryTimer = setTimeout(connect, delayMs);
    delayMs = Math.min(delayMs * 2, maxDelayMs);
  };

  function connect(): void {
    retryTimer = undefined;
    if (stopped) return;
    let ws: WebSocket;
    try {
      ws = createSocket(url);
    } catch (error: unknown) {
      console.error('Could not open the connection to the terminal', error);
      scheduleReconnect();
      return;
    }
    socket = ws;
    let opened = false;
    ws.onopen = () => {
      opened = true;
      delayMs = minDelayMs;
      setStatus('connected');
    };
    ws.onmessage = (event: MessageEvent) => handleFrame(event.data);
    ws.onclose = (event: CloseEvent) => {
      if (socket !== ws) return;
      socket = null;
      for (const id of [...pending.keys()]) settle(id, internalError(LOST_CONNECTION_MESSAGE));
      if (event.code === WS_CLOSE.badToken) {
        refuse();
        return;
      }
      if (stopped) return;
      if (opened || !options.isRefused) {
        scheduleReconnect();
        return;
      }
      setStatus('reconnecting');
      options.isRefused().then(
        (refused) => (refused ? refuse() : scheduleReconnect()),
        () => scheduleReconnect(),
      );
    };
  }

  connect();

  return {
    invoke(command: CommandName, args: unknown): Promise<ApiResult<unknown>> {
      const ws = socket;
      if (!ws || ws.readyState !== OPEN) return Promise.resolve(internalError(NOT_CONNECTED_MESSAGE));
      const id = nextId++;
      return new Promise((resolve) => {
        const timer = setTimeout(() => settle(id, internalError('The terminal did not answer in time')), callTimeoutMs);
        pending.set(id, { resolve, timer });
        ws.send(JSON.stringify({ type: 'command', id, command, args }));
      });
    },
    subscribe(event: EventName, listener: (payload: unknown) => void): () => void {
      const listeners = eventListeners.get(event) ?? new Set();
      eventListeners.set(event, listeners);
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    onConnection(listener) {
      statusListeners.add(listener);
      listener(status);
      return () => void statusListeners.delete(listener);
    },
    onHostError(listener) {
      errorListeners.add(listener);
      return () => void errorListeners.delete(listener);
    },
    close() {
      stopped = true;
      clearTimeout(retryTimer);
      socket?.close(1000);
    },
  };
}
