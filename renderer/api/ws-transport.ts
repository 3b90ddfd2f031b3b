import type { ApiResult, CommandName, EventName } from '../../app/ipc/contract';
import type { ApiTransport } from '../../app/ipc/pos-api';
import { assertNever } from '../../app/util/assert-never';
import { WS_CLOSE } from '../../app/ipc/constants';
import {
  LOST_CONNECTION_MESSAGE,
  NO_ANSWER_MESSAGE,
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

function notify<T>(listeners: ReadonlySet<(value: T) => void>, value: T): void {
  for (const listener of [...listeners]) {
    try {
      listener(value);
    } catch (error: unknown) {
      console.error('A connection listener failed', error);
    }
  }
}

/** Calls on their way, by id: each settles once, with its result, on a timeout, or when the connection is lost. */
function createPendingCalls(callTimeoutMs: number) {
  const pending = new Map<number, PendingCall>();
  let nextId = 1;
  const settle = (id: number, result: ApiResult<unknown>): void => {
    const call = pending.get(id);
    if (!call) return;
    pending.delete(id);
    clearTimeout(call.timer);
    call.resolve(result);
  };
  return {
    settle,
    settleAll: (message: string): void => {
      for (const id of [...pending.keys()]) settle(id, internalError(message));
    },
    send: (ws: WebSocket, command: CommandName, args: unknown): Promise<ApiResult<unknown>> => {
      const id = nextId++;
      return new Promise((resolve) => {
        const timer = setTimeout(() => settle(id, internalError(NO_ANSWER_MESSAGE)), callTimeoutMs);
        pending.set(id, { resolve, timer });
        ws.send(JSON.stringify({ type: 'command', id, command, args }));
      });
    },
  };
}

/** Who listens to what: events by name, the connection's status (kept here), and the host's errors. */
function createListeners() {
  const events = new Map<EventName, Set<(payload: unknown) => void>>();
  const statuses = new Set<(status: ConnectionStatus) => void>();
  const errors = new Set<(message: string) => void>();
  let status: ConnectionStatus = 'connecting';
  return {
    setStatus: (next: ConnectionStatus): void => {
      if (status === next) return;
      status = next;
      notify(statuses, next);
    },
    onConnection: (listener: (status: ConnectionStatus) => void): (() => void) => {
      statuses.add(listener);
      listener(status);
      return () => void statuses.delete(listener);
    },
    subscribe: (event: EventName, listener: (payload: unknown) => void): (() => void) => {
      const listeners = events.get(event) ?? new Set();
      events.set(event, listeners);
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    onHostError: (listener: (message: string) => void): (() => void) => {
      errors.add(listener);
      return () => void errors.delete(listener);
    },
    /** One frame from the host: a result for its call, an event for its listeners, or an error to show. */
    receive(data: unknown, settle: (id: number, result: ApiResult<unknown>) => void): void {
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
          notify(events.get(message.event) ?? new Set<(payload: unknown) => void>(), message.payload);
          return;
        case 'error':
          notify(errors, message.error.message);
          return;
        default:
          assertNever(message, 'server message');
      }
    },
  };
}

/** The screens' API over one WebSocket: commands with ids, results by id, events to subscribers, reconnect with backoff. */
export function createWsTransport(options: WsTransportOptions): WsTransport {
  const { url, minDelayMs = 500, maxDelayMs = 5000, callTimeoutMs = 90_000 } = options;
  const createSocket = options.createSocket ?? ((u: string) => new WebSocket(u));
  const calls = createPendingCalls(callTimeoutMs);
  const listeners = createListeners();
  let socket: WebSocket | null = null;
  let delayMs = minDelayMs;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const { setStatus } = listeners;

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

  /** A socket that closed before it ever opened: a refused token (asked of the host) or a drop. */
  const closedUnopened = (): void => {
    if (!options.isRefused) return scheduleReconnect();
    setStatus('reconnecting');
    options.isRefused().then(
      (refused) => (refused ? refuse() : scheduleReconnect()),
      () => scheduleReconnect(),
    );
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
    ws.onmessage = (event: MessageEvent) => listeners.receive(event.data, calls.settle);
    ws.onclose = (event: CloseEvent) => {
      if (socket !== ws) return;
      socket = null;
      calls.settleAll(LOST_CONNECTION_MESSAGE);
      if (event.code === WS_CLOSE.badToken) return refuse();
      if (stopped) return;
      if (opened) return scheduleReconnect();
      closedUnopened();
    };
  }

  connect();

  return {
    invoke(command: CommandName, args: unknown): Promise<ApiResult<unknown>> {
      const ws = socket;
      if (!ws || ws.readyState !== OPEN) return Promise.resolve(internalError(NOT_CONNECTED_MESSAGE));
      return calls.send(ws, command, args);
    },
    subscribe: listeners.subscribe,
    onConnection: listeners.onConnection,
    onHostError: listeners.onHostError,
    close() {
      stopped = true;
      clearTimeout(retryTimer);
      socket?.close(1000);
    },
  };
}
