import WebSocket from 'ws';
import type { PairingMessage } from '../../app/ipc/pairing-constants';

/** An unpaired display's socket as a test sees it: what the host sent, and how it closed. */
export interface PairingSocket {
  readonly messages: PairingMessage[];
  /** The first message (the code, or nothing when the request was refused at once). */
  readonly code: Promise<string | null>;
  readonly closed: Promise<{ readonly code: number; readonly reason: string }>;
  /** The message that hands over the token, if the cashier approves. */
  readonly paired: Promise<{ readonly token: string; readonly name: string } | null>;
  readonly ws: WebSocket;
}

export function openPairing(port: number, headers: Record<string, string> = {}): PairingSocket {
  const ws = new WebSocket(`ws://127.0.0.1:${String(port)}/api/pair`, { headers });
  const messages: PairingMessage[] = [];
  ws.on('error', () => undefined);
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  const first = (type: PairingMessage['type']) =>
    new Promise<PairingMessage | null>((resolve) => {
      ws.on('message', (data: Buffer) => {
        const message = JSON.parse(data.toString()) as PairingMessage;
        if (message.type === type) resolve(message);
      });
      void closed.then(() => resolve(null));
    });
  ws.on('message', (data: Buffer) => messages.push(JSON.parse(data.toString()) as PairingMessage));
  const code = first('pairing_code').then((m) => (m?.type === 'pairing_code' ? m.code : null));
  const paired = first('paired').then((m) => (m?.type === 'paired' ? { token: m.token, name: m.name } : null));
  return { messages, code, closed, paired, ws };
}

/** A display's API socket, open, with how it will close (to see a revoke close it). */
export function openWatched(url: string): Promise<{ readonly ws: WebSocket; readonly closed: Promise<{ readonly code: number; readonly reason: string }> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const closed = new Promise<{ code: number; reason: string }>((done) => ws.once('close', (code, reason) => done({ code, reason: reason.toString() })));
    ws.once('open', () => resolve({ ws, closed }));
    ws.once('error', reject);
  });
}
