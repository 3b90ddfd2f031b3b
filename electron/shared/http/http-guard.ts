import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';

/*
 * What the two listeners on the network (the web host and the webhook listener) share: parsing a
 * request target without throwing, answering what Node's parser refuses, and a cap on open sockets.
 */

/** A placeholder origin for relative request targets; never used to build anything sent back. */
const BASE = 'http://terminal.invalid';

/** The request target as a URL, or null when it is not one (`GET http://[/api` would make `new URL` throw). */
export function requestTarget(raw: string | undefined): URL | null {
  if (raw === undefined || raw.length === 0 || raw.length > 8192) return null;
  try {
    return new URL(raw, BASE);
  } catch {
    return null;
  }
}

/** The status for a request Node's parser refused (bad request line, oversized headers, too slow), or null. */
export function clientErrorStatus(code: string | undefined): number | null {
  if (code === 'HPE_HEADER_OVERFLOW') return 431;
  if (code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW') return 413;
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408;
  return code?.startsWith('HPE_') === true ? 400 : null;
}

/** As Node's default 'clientError' handler does: answer if the socket can still take it, then close. */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): number | null {
  const status = clientErrorStatus(error.code);
  if (status !== null && socket.writable) socket.write(`HTTP/1.1 ${String(status)} ${STATUS_CODES[status] ?? ''}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
  return status;
}

export interface ConnectionBudget {
  /** Counts the socket until it closes; false (and nothing counted) when its source or the listener is full. */
  admit(socket: Socket): boolean;
}

/**
 * Caps open sockets per source and in all, so one neighbour opening thousands of idle connections
 * cannot starve everyone else. Timeouts end the idle ones; this bounds the rest. `key` groups
 * addresses into sources (an IPv6 /64 is one host's, see source-address.ts).
 */
export function createConnectionBudget(limits: { readonly perSource: number; readonly total: number; readonly key: (address: string | undefined) => string }): ConnectionBudget {
  const bySource = new Map<string, number>();
  let open = 0;
  return {
    admit(socket) {
      const source = limits.key(socket.remoteAddress);
      const mine = bySource.get(source) ?? 0;
      if (mine >= limits.perSource || open >= limits.total) return false;
      bySource.set(source, mine + 1);
      open += 1;
      socket.once('close', () => {
        open -= 1;
        const left = (bySource.get(source) ?? 1) - 1;
        if (left <= 0) bySource.delete(source);
        else bySource.set(source, left);
      });
      return true;
    },
  };
}
