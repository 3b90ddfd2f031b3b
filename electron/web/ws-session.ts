import { randomBytes } from 'node:crypto';
import type { RawData, WebSocket } from 'ws';
import { COMMAND_NAMES, describeInvalidArgs, type ApiResult, type CommandName } from '../../app/ipc/contract';
import { displayResult } from '../../app/ipc/display-view';
import { clientMessageSchema, type ServerMessage } from '../../app/ipc/ws-protocol';
import type { Logger } from '../service/logging/logger';
import type { ClientRole, ScreenSession, TerminalApi } from '../service/terminal/terminal-api';

export interface SessionLimits {
  /** Commands one connection may have waiting for an answer; more are answered "busy" at once. */
  readonly maxInFlight: number;
  /** Sustained messages a second, and the burst allowed above it; a connection past both is closed. */
  readonly messagesPerSecond: number;
  readonly messageBurst: number;
  /** Bytes queued to a client that does not read; past this it is cut off rather than held in memory. */
  readonly maxBufferedBytes: number;
}

export interface Session {
  readonly role: ClientRole;
  readonly ws: WebSocket;
  /** Sends one serialised server message, unless the client has stopped reading. */
  send(text: string): void;
  /** Set by each pong, cleared by each ping: a session still false at the next ping is gone. */
  alive: boolean;
}

/** WebSocket close codes from RFC 6455 the host uses. */
export const CLOSE_POLICY = 1008;

const rawText = (data: RawData): string =>
  (Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(new Uint8Array(data))).toString('utf8');

const isCommandName = (name: string): name is CommandName => (COMMAND_NAMES as readonly string[]).includes(name);

/**
 * One screen's connection: its messages checked and dispatched with its role, answers sent back (a
 * display's as a display may see them), and every way it can misbehave answered without harm to the
 * host: protocol errors, floods, too many open commands, a client that stops reading.
 */
export function startSession(ws: WebSocket, role: ClientRole, deps: { readonly api: TerminalApi; readonly log: Logger; readonly limits: SessionLimits }): Session {
  const { api, log, limits } = deps;
  let tokens = limits.messageBurst;
  let refilledAt = Date.now();
  let inFlight = 0;
  // Who is signed in on this connection: set only by the sign-in commands, gone with the connection.
  const screen: ScreenSession = { id: randomBytes(9).toString('base64url'), operator: null, sessionToken: null };

  const session: Session = {
    role,
    ws,
    alive: true,
    send(text) {
      if (ws.readyState !== ws.OPEN) return;
      if (ws.bufferedAmount > limits.maxBufferedBytes) {
        log.log('warn', 'websocket client stopped reading; disconnected', { role, buffered: ws.bufferedAmount });
        ws.terminate();
        return;
      }
      ws.send(text);
    },
  };
  const post = (message: ServerMessage) => session.send(JSON.stringify(message));

  // Without a listener, a protocol error (bad opcode, oversized or unmasked frame, invalid UTF-8) would be thrown.
  ws.on('error', (error: Error & { code?: string }) => {
    log.log('warn', 'websocket protocol error; connection closed', { role, code: error.code ?? 'unknown' });
    ws.terminate();
  });
  ws.on('pong', () => {
    session.alive = true;
  });

  const withinRate = (): boolean => {
    const now = Date.now();
    tokens = Math.min(limits.messageBurst, tokens + ((now - refilledAt) / 1000) * limits.messagesPerSecond);
    refilledAt = now;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };

  ws.on('message', (data, isBinary) => {
    if (!withinRate()) {
      log.log('warn', 'websocket client sent too many messages; disconnected', { role });
      ws.close(CLOSE_POLICY, `Too many messages: at most ${String(limits.messagesPerSecond)} a second`);
      return;
    }
    if (isBinary) return post({ type: 'error', error: { code: 'malformed_message', message: 'Messages must be JSON text, not binary' } });
    let json: unknown;
    try {
      json = JSON.parse(rawText(data));
    } catch {
      return post({ type: 'error', error: { code: 'malformed_message', message: 'Message is not valid JSON' } });
    }
    const parsed = clientMessageSchema.safeParse(json);
    if (!parsed.success) {
      const id = typeof json === 'object' && json !== null && 'id' in json && Number.isSafeInteger(json.id) ? (json.id as number) : null;
      const error = { code: 'malformed_message', message: describeInvalidArgs('message', parsed.error) } as const;
      return post(id === null ? { type: 'error', error } : { type: 'result', id, result: { ok: false, error } });
    }
    const { id, command, args } = parsed.data;
    if (inFlight >= limits.maxInFlight) {
      const message = `The terminal is still working on ${String(inFlight)} commands from this screen; try again when they are answered`;
      return post({ type: 'result', id, result: { ok: false, error: { code: 'rate_limited', message } } });
    }
    inFlight += 1;
    api
      .dispatch(command, args, role, screen)
      .catch((error: unknown): ApiResult<unknown> => {
        log.log('error', 'command failed', { command: command.slice(0, 40), error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
        return { ok: false, error: { code: 'internal', message: 'The terminal could not complete the command; it has been logged' } };
      })
      .then((result) => {
        inFlight -= 1;
        post({ type: 'result', id, result: role === 'display' && isCommandName(command) ? displayResult(command, result) : result });
      })
      .catch((error: unknown) => log.log('error', 'websocket answer failed', { error: error instanceof Error ? error.message : String(error) }));
  });
  return session;
}
